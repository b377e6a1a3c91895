// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <cstdint>
#include <initializer_list>
#include <vector>

#include "models/supply/ChildcareModel.hpp"
#include "models/supply/ChildcareMonitor.hpp"
#include "sim/EventQueue.hpp"
#include "sim/RandomStreams.hpp"
#include "sim/TaggedPool.hpp"
#include "sim/WaitingList.hpp"

namespace carecap::supply {

/// Random-stream purposes of the childcare simulation: one per application stream.
inline constexpr std::uint64_t kChildcareStreamBase = 5000;

/// One replication of the childcare simulation (托位): families apply month by month (more in
/// September); a child takes a free place of its month band in its region, by the price-tier rule
/// (an affordable-tier family an affordable place first, then a market place if it takes one; a
/// market-tier family a market place first, then an affordable one), or waits (giving up after its
/// patience). A family keeps wanting a place, with one or without, until it withdraws
/// (withdrawal_rate) or the child is 36 months old: a child in a place moves up to the next band
/// (first in line), and a child without one (waiting, or given up) applies again on reaching it.
///
/// A simulation is a value: a copy continues independently from the same state (the state of a
/// run on 1 January of a year, copied for each places candidate of that year:
/// planning::ChildcareSnapshot). The model and the monitor are not owned; a copy shares them until
/// rebind().
class ChildcareSimulation {
public:
  ChildcareSimulation(const ChildcareModel& model, const sim::RandomStreams& streams, std::uint64_t replication,
                      ChildcareMonitor& monitor);
  /// Runs from 1 January first_year to 31 December last_year; returns the number of events.
  /// The same as start() then run_through(last_year + 1).
  std::uint64_t run();

  /// Sets up 1 January of the first year: the model's place changes up to then applied, its later
  /// ones scheduled, the children of 1 January, the first applications and the year ends of the
  /// model's years. Call once, first.
  void start();
  /// Handles the events strictly before `time` (years); returns the number handled.
  std::uint64_t run_until(double time);
  /// Handles the events up to and including `time` (years); returns the number handled.
  std::uint64_t run_through(double time);
  /// Continues with `model` and `monitor` from now on. The model must be the one the simulation
  /// ran with but for its place changes after now, which it may extend, and its application rates
  /// after now (the same regions, bands and rules; its place changes up to now the same, in the
  /// same order); the years stay those of the model it was constructed with.
  void rebind(const ChildcareModel& model, ChildcareMonitor& monitor) {
    model_ = &model;
    monitor_ = &monitor;
  }
  /// Schedules the place changes of the model beyond those already scheduled or applied (all of
  /// them at start(); those a rebound model adds), which are not before now.
  void schedule_new_changes();

private:
  enum class EventKind : std::uint16_t { application, leave_place, leave_list, reach_band, place_change, year_end };
  static constexpr std::uint16_t code(EventKind kind) { return static_cast<std::uint16_t>(kind); }
  enum class Status : std::uint8_t { waiting, enrolled, at_home };
  /// Why a child leaves the waiting list (the leave_list event's target).
  enum class Leaves : std::uint32_t { patience, outgrew, withdrew };
  /// The waiting lists of a pool, by what the family takes.
  enum class Takes : std::uint8_t { affordable_only, affordable_first, market_first };
  static constexpr int kListsPerPool = 3;
  struct Child {
    double applied = 0;        // when the current application began, years
    double band_end = 0;       // when the child outgrows its current band, years
    double withdraws = 0;      // when the family stops wanting a place, years
    int stream = 0;            // band x regions + region of the current application or place
    int tier = kMarket;        // the family's price tier
    bool takes_market = true;  // takes a market place (always, in the market tier)
    int place_tier = kMarket;  // tier of the place held
    std::uint32_t waits = 0;   // waiting spells so far: names the current one in its leave_list event
    Status status = Status::waiting;
  };

  void handle(const sim::Event& event);
  /// Name of an event kind, for error messages.
  static const char* describe(std::uint16_t kind);
  void schedule_next_application(int stream, double after);
  /// The child applies to its band (stream and band_end set): a free place by the tier rule, or the list.
  void apply(std::uint64_t id, Applicant who);
  /// The child takes a place of `place_tier`; an admission the monitor is told of, unless the
  /// child was already enrolled on 1 January of the first year (`admission` false).
  void enroll(std::uint64_t id, int place_tier, bool admission = true);
  /// The tier of a free place the child takes now, or -1.
  [[nodiscard]] int free_place_for(const Child& c) const;
  /// Moves the child to the next band (it is below the last) and applies there.
  void next_band(std::uint64_t id, Applicant who);
  void fill_places(int pool);
  /// The child first in line, among the pool's lists `lists`, for a place: false when none waits.
  bool first_in_line(int pool, std::initializer_list<Takes> lists, std::uint64_t& tag, Takes& list, int& priority_class);
  [[nodiscard]] Takes takes(const Child& c) const {
    return c.tier == kMarket ? Takes::market_first : c.takes_market ? Takes::affordable_first : Takes::affordable_only;
  }
  [[nodiscard]] sim::WaitingList& list(int pool, Takes t) {
    return waiting_[static_cast<std::size_t>(pool * kListsPerPool + static_cast<int>(t))];
  }
  void report_places(int pool);
  void report_queue(int pool);
  /// Whether the tag names a child still in care, waiting or wanting a place, with `status`.
  [[nodiscard]] bool current(std::uint64_t tag, Status status) const {
    return children_.current(tag) && children_[sim::TaggedPool<Child>::id_of(tag)].status == status;
  }
  /// Whether a waiting-list entry of `pool` names a child still waiting there.
  [[nodiscard]] bool waiting_in(std::uint64_t tag, int pool) const {
    return current(tag, Status::waiting) && children_[sim::TaggedPool<Child>::id_of(tag)].stream == pool;
  }

  const ChildcareModel* model_;  // not owned
  ChildcareMonitor* monitor_;    // not owned
  int regions_;
  std::size_t changes_scheduled_ = 0;  // entries of model_->places applied or scheduled
  double now_ = 0;
  sim::EventQueue queue_;
  std::vector<ByTier> places_, enrolled_;        // per pool, by place tier
  std::vector<std::int64_t> affordable_in_market_;  // per pool: affordable-tier children in market places
  std::vector<sim::WaitingList> waiting_;        // per pool x Takes
  std::vector<sim::RandomEngine> engines_;       // per stream: applications, then per pool: children's lives
  sim::TaggedPool<Child> children_;
};

}  // namespace carecap::supply
