// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <cstdint>
#include <vector>

#include "models/supply/BedPool.hpp"
#include "models/supply/CapacityMonitor.hpp"
#include "models/supply/CapacityParameters.hpp"
#include "sim/EventQueue.hpp"
#include "sim/RandomStreams.hpp"
#include "sim/TaggedPool.hpp"
#include "sim/WaitingList.hpp"

namespace carecap::supply {

/// Random-stream purposes of the capacity simulation: the warm start, then one per arrival
/// stream (kArrivalStreamBase + stream index). Everything about a person (arrival time, stay,
/// patience, death while waiting, priority class) is drawn from their arrival stream at arrival,
/// in a fixed order, so that plan variants with the same seed see the same people (common random
/// numbers) whatever the supply.
inline constexpr std::uint64_t kWarmStartStream = 999;
inline constexpr std::uint64_t kInitialWaitingStream = 998;
inline constexpr std::uint64_t kArrivalStreamBase = 1000;

/// One replication of the discrete-event capacity simulation: people needing a bed arrive,
/// are admitted (own region first, acceptable bed types in order of preference), wait, give up,
/// die waiting, stay and leave; beds open, close and convert on the dated schedule.
///
/// A simulation is a value: a copy continues independently from the same state (the state of a
/// run on 1 January of a year, copied for each capacity candidate of that year:
/// planning::CapacitySnapshot). The model and the monitor are not owned; a copy shares them until
/// rebind().
class CapacitySimulation {
public:
  CapacitySimulation(const CapacityModel& model, const sim::RandomStreams& streams, std::uint64_t replication,
                     CapacityMonitor& monitor);

  /// Runs from 1 January first_year to 31 December last_year; returns the number of events.
  /// The same as start() then run_through(last_year + 1).
  std::uint64_t run();

  /// Sets up 1 January of the first year: the model's changes up to then applied, its later ones
  /// scheduled, the warm start's residents placed, the initial waiting list, the first arrivals
  /// and the year and month ends of the model's years. Call once, first.
  void start();
  /// Handles the events strictly before `time` (years); returns the number handled.
  std::uint64_t run_until(double time);
  /// Handles the events up to and including `time` (years); returns the number handled.
  std::uint64_t run_through(double time);
  /// Continues with `model` and `monitor` from now on. The model must be the one the simulation
  /// ran with but for its capacity changes after now, which it may extend (the same regions,
  /// streams, units, stays and rules; its capacity changes up to now the same, in the same order);
  /// the arrival rates and the years stay those of the model it was constructed with.
  void rebind(const CapacityModel& model, CapacityMonitor& monitor) {
    model_ = &model;
    monitor_ = &monitor;
  }
  /// Schedules the changes of the model's capacity list beyond those already scheduled or
  /// applied (all of the list at start(); those a rebound model adds), which are not before now.
  void schedule_new_changes();

private:
  /// What an event of this simulation does (its sim::Event::kind).
  enum class EventKind : std::uint16_t { arrival, departure, leave_waiting, capacity_change, year_end, month_end, staff_change };
  static constexpr std::uint16_t code(EventKind kind) { return static_cast<std::uint16_t>(kind); }
  /// Name of an event kind, for error messages.
  static const char* describe(std::uint16_t kind);
  /// A person seeking a bed. Only people on a waiting list are stored (in people_, released when
  /// they leave it); a resident is just a scheduled departure, which keeps the hot data small.
  struct Person {
    double arrival = 0;          // years
    double stay = 0;             // drawn length of stay, years
    int stream = 0;
    int priority_class = 0;      // 0 priority, 1 ordinary
    bool affordable_tier = false;  // of the affordable price tier: takes affordable beds only
    bool dies_in_care = false;
    bool dies_waiting = false;   // if the person leaves the waiting list, it is by death
  };
  void handle(const sim::Event& event);
  /// Hands the monitor the year's levels and departures at its end, `time`, and starts the next.
  void close_year(int year_index, double time);
  /// Hands the monitor the levels now, at a month's end.
  void sample_month(int month_index);
  /// The waiting lists of `stream` change length now: accrue their area first.
  void accrue_waiting(int stream) {
    waiting_area_[static_cast<std::size_t>(stream)].accrue(now_, static_cast<double>(waiting_in(stream)));
  }
  /// Whether now is the year's end instant, before its sample: an event then counts in the next year.
  [[nodiscard]] bool after_year_end() const { return now_ >= year_start_ + 1.0; }
  void arrive(int stream);
  /// Draws a person of `stream` arriving now; `leave_after` receives the time until they would
  /// leave the waiting list (patience or death, whichever first), years.
  [[nodiscard]] Person draw_person(int stream, sim::RandomEngine& engine, double& leave_after) const;
  /// Admits `p` or puts them on their waiting list (or turns them away when it is full).
  void seek_bed(Person p, double leave_after);
  void schedule_next_arrival(int stream, double after);
  /// Admits `p` to the first free acceptable bed (home region first); false when none is free.
  bool try_admit(const Person& p);
  void admit(const Person& p, int pool);
  /// Whether `p` may take a bed of `pool` now (a free bed; for the affordable tier, an affordable one).
  [[nodiscard]] bool has_bed_for(const Person& p, const BedPool& pool) const {
    return p.affordable_tier ? pool.free_affordable_beds() > 0 : pool.free_beds() > 0;
  }
  /// Whether the staff of `pool`'s region cover its residents and a newcomer of demand type
  /// `need` at the year's ratios (always, without a staffing cap): the residents of every need in
  /// the region are counted afresh, so no rounding accumulates.
  [[nodiscard]] bool staff_allows(int pool, int need) const {
    if (staff_available_.empty()) return true;
    const int region = region_of_[static_cast<std::size_t>(pool)];
    const auto& per_resident = model_->care_workers_per_resident[static_cast<std::size_t>(staff_year_)];
    double load = per_resident[static_cast<std::size_t>(need)];
    for (int d = 0; d < kBedTypeCount; ++d)
      load += static_cast<double>(residents_by_need_[static_cast<std::size_t>(pool_index(d, region))]) *
              per_resident[static_cast<std::size_t>(d)];
    return load <= staff_available_[static_cast<std::size_t>(region)] * (1.0 + 1e-12);
  }
  // Serving the waiting lists (CapacityServing.cpp).
  /// The front of one waiting list that may take a bed of a pool now.
  struct Candidate {
    int stream = -1, tier = 0, priority_class = 0;
    std::uint64_t entry = 0;
  };
  /// The first in line for a bed of `pool` (which has a free bed): among the lists of the streams
  /// that may use it, by served_before; false when nobody waits for it.
  bool first_in_line(int pool, Candidate& best);
  /// Takes `c` off their list and admits them to `pool`.
  void admit_waiting(const Candidate& c, int pool);
  /// With a staffing cap: whether someone waiting for a free bed of `region` is served before the
  /// newcomer `p` (home region, then priority class; a person waiting arrived earlier), so that the
  /// newcomer may not take the staff they wait for.
  [[nodiscard]] bool waiting_first(const Person& p, int region);
  /// With a staffing cap: admits the first in line across all the bed types of `region` while a
  /// bed is free and the staff cover them; the first in line waits for staff even if a person
  /// behind needs less care.
  void serve_region(int region);
  /// Serves those who may use a bed freed or opened in `pool`: its waiting lists, or with a
  /// staffing cap the town's first in line across bed types (the care worker freed may serve them).
  void serve_freed(int pool) {
    if (staff_available_.empty())
      serve_waiting(pool);
    else
      serve_region(region_of_[static_cast<std::size_t>(pool)]);
  }
  /// With a staffing cap: serves the regions of `stream`'s admission pools after one of its people
  /// left a list (the next in line may be one the staff cover).
  void serve_after_leaving(int stream);
  /// With a staffing cap: the staff and ratios of year `year_index` (on its 1 January), then every
  /// region served.
  void set_staff(int year_index);
  /// With a staffing cap: checks the model gives staff and ratios for every simulated year and region.
  void check_staffing() const;
  /// The waiting list of a stream's price tier (PriceTier.hpp), and the stream's people waiting.
  [[nodiscard]] sim::WaitingList& list(int stream, int tier) { return waiting_[static_cast<std::size_t>(2 * stream + tier)]; }
  [[nodiscard]] std::int64_t waiting_in(int stream) const {
    return waiting_[static_cast<std::size_t>(2 * stream)].size() + waiting_[static_cast<std::size_t>(2 * stream + 1)].size();
  }
  /// Applies a capacity change to its pool (BedPool::change).
  void change_capacity(const CapacityChange& change);
  /// Adds a resident of demand type `need` to a slot of `pool` and returns the departure payload
  /// (slot, need, death flag: slot << 3 | need << 1 | dies).
  std::uint64_t occupy(int pool, std::size_t slot, bool dies, int need);
  /// A resident of demand type `need` leaves a bed of `pool`'s region now.
  void release_need(int pool, int need);
  /// Admits waiting people to `pool` while it has free beds (see served_before).
  void serve_waiting(int pool);
  /// Whether the front person of `stream` (class, entry) is served before that of `other_stream`
  /// for a bed in `region`: home region first, then priority class, then arrival time (the price
  /// tier only decides which beds a person may take).
  [[nodiscard]] bool served_before(int stream, int priority_class, std::uint64_t entry, int other_stream, int other_class,
                                   std::uint64_t other_entry, int region) const;
  [[nodiscard]] int pool_index(int bed_type, int region) const { return bed_type * regions_ + region; }

  const CapacityModel* model_;  // not owned
  CapacityMonitor* monitor_;    // not owned
  int regions_;
  std::size_t changes_scheduled_ = 0;  // entries of model_->capacity applied or scheduled
  double now_ = 0;
  sim::EventQueue queue_;
  std::vector<BedPool> pools_;
  std::vector<sim::WaitingList> waiting_;          // per stream and price tier: kPriceTierCount x stream + tier
  std::vector<sim::RandomEngine> engines_;         // per stream
  std::vector<std::vector<double>> rates_;         // per stream, per year
  std::vector<std::vector<int>> candidates_;       // per pool: streams it may serve
  std::vector<int> admission_pools_;               // per stream, from admission_begin_[stream]: the pools to try, in order
  std::vector<std::uint32_t> admission_begin_;     // per stream, and one past the last
  std::vector<int> type_of_, region_of_;           // per pool or stream (the same indexing): bed or demand type, region
  sim::TaggedPool<Person> people_;  // people on a waiting list
  std::vector<sim::LevelArea> waiting_area_;       // per stream: this year's area under the people waiting
  double year_start_ = 0;                          // start of the year being accumulated, years
  CapacityYearLevels year_levels_;                 // handed to the monitor at each year end (storage kept)
  CapacityLevelsNow levels_now_;                   // handed to the monitor at each month end
  std::vector<double> staff_available_;           // per region: the year's care workers (staffing cap); empty: no cap
  int staff_year_ = 0;                             // the year (index) whose staff and ratios apply
  std::vector<std::int64_t> residents_by_need_;    // per demand type x regions + the bed's region: residents now
  std::vector<sim::LevelArea> residents_area_;     // the same: this year's area under them
  sim::RandomEngine warm_start_;
  sim::RandomEngine initial_waiting_;
};

}  // namespace carecap::supply
