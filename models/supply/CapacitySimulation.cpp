// carecap. SPDX-License-Identifier: MIT
#include "models/supply/CapacitySimulation.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "sim/Draws.hpp"
#include "sim/Errors.hpp"
#include "sim/Simulator.hpp"

namespace carecap::supply {
namespace {

using sim::uniform;
using sim::unit_exponential;

constexpr double kNever = std::numeric_limits<double>::infinity();
/// Events per calendar bucket of the event queue that sort fastest (measured on the province
/// benchmark, docs/benchmarks.md).
constexpr double kEventsPerBucket = 175.0;

/// Calendar bucket width, years: about kEventsPerBucket events each, from the expected event rate
/// (an arrival, a departure and some reneging per person), between a sixteenth of a day and a year.
double bucket_width(const CapacityModel& model) {
  double arrivals = 0.0;
  for (const ArrivalStream& stream : model.arrivals)
    for (double rate : stream.rate_per_year) arrivals += rate;
  const double years = model.last_year - model.first_year + 1;
  const double events_per_year = 2.2 * arrivals / years;
  return std::clamp(kEventsPerBucket / std::max(events_per_year, 1.0), 1.0 / (365.25 * 16), 1.0);
}

/// The calendar event queue covering the simulated years; events after the end of the last year
/// (residents' departures beyond the run) are never run, so not kept.
sim::EventQueue calendar_queue(const CapacityModel& model) {
  const double width = bucket_width(model);
  const double years = model.last_year - model.first_year + 1;
  return sim::EventQueue(model.first_year, width, static_cast<std::size_t>(years / width) + 1,
                         static_cast<double>(model.last_year) + 1.0);
}


}  // namespace

CapacitySimulation::CapacitySimulation(const CapacityModel& model, const sim::RandomStreams& streams,
                                       std::uint64_t replication, CapacityMonitor& monitor)
    : model_(&model),
      monitor_(&monitor),
      regions_(static_cast<int>(model.regions.size())),
      queue_(calendar_queue(model)),
      pools_(static_cast<std::size_t>(kBedTypeCount * regions_), BedPool(model.first_year)),
      waiting_(static_cast<std::size_t>(2 * kBedTypeCount * regions_), sim::WaitingList(2)),
      rates_(static_cast<std::size_t>(kBedTypeCount * regions_),
             std::vector<double>(static_cast<std::size_t>(model.last_year - model.first_year + 1), 0.0)),
      candidates_(static_cast<std::size_t>(kBedTypeCount * regions_)),
      warm_start_(streams.stream(replication, kWarmStartStream)),
      initial_waiting_(streams.stream(replication, kInitialWaitingStream)) {
  for (int s = 0; s < kBedTypeCount * regions_; ++s)
    engines_.push_back(streams.stream(replication, kArrivalStreamBase + static_cast<std::uint64_t>(s)));
  year_start_ = model.first_year;
  waiting_area_.assign(static_cast<std::size_t>(kBedTypeCount * regions_), sim::LevelArea{year_start_, 0.0});
  residents_area_.assign(waiting_area_.size(), sim::LevelArea{year_start_, 0.0});
  residents_by_need_.assign(waiting_area_.size(), 0);
  year_levels_.pools.resize(pools_.size());
  year_levels_.mean_waiting.resize(waiting_area_.size());
  year_levels_.mean_residents.resize(waiting_area_.size());
  year_levels_.units.resize(model.units.size());
  levels_now_.occupied.resize(pools_.size());
  levels_now_.open.resize(pools_.size());
  levels_now_.waiting.resize(waiting_area_.size());
  for (const ArrivalStream& a : model.arrivals) rates_[static_cast<std::size_t>(pool_index(a.demand_type, a.region))] = a.rate_per_year;
  // Where a person of each home region looks for a bed: home first, then the configured order
  // (or every other region in index order). Only the constructor needs it.
  std::vector<std::vector<int>> searches;  // per home region: the regions to try, home first
  for (int home = 0; home < regions_; ++home) {
    std::vector<int> search{home};
    if (model.admit_in_other_regions) {
      if (static_cast<std::size_t>(home) < model.region_order.size() && !model.region_order[static_cast<std::size_t>(home)].empty()) {
        for (int r : model.region_order[static_cast<std::size_t>(home)])
          if (r != home) search.push_back(r);
      } else {
        for (int r = 0; r < regions_; ++r)
          if (r != home) search.push_back(r);
      }
    }
    searches.push_back(search);
  }
  // Where a person of each stream looks, in order: each region of the search, each acceptable bed
  // type there (flat, as the arrival's hot path reads it); each pool's or stream's type and region.
  admission_begin_.push_back(0);
  for (int stream = 0; stream < kBedTypeCount * regions_; ++stream) {
    type_of_.push_back(stream / regions_);
    region_of_.push_back(stream % regions_);
    for (int region : searches[static_cast<std::size_t>(stream % regions_)])
      for (int bed : model.acceptable_beds[static_cast<std::size_t>(stream / regions_)]) admission_pools_.push_back(pool_index(bed, region));
    admission_begin_.push_back(static_cast<std::uint32_t>(admission_pools_.size()));
  }
  // Which waiting lists a freed bed may serve: the demand types that accept its bed type, from
  // the regions whose search includes the bed's region.
  for (int bed = 0; bed < kBedTypeCount; ++bed)
    for (int region = 0; region < regions_; ++region)
      for (int demand = 0; demand < kBedTypeCount; ++demand) {
        const auto& acceptable = model.acceptable_beds[static_cast<std::size_t>(demand)];
        if (std::find(acceptable.begin(), acceptable.end(), bed) == acceptable.end()) continue;
        for (int home = 0; home < regions_; ++home) {
          const auto& search = searches[static_cast<std::size_t>(home)];
          if (std::find(search.begin(), search.end(), region) != search.end())
            candidates_[static_cast<std::size_t>(pool_index(bed, region))].push_back(pool_index(demand, home));
        }
      }
}

void CapacitySimulation::schedule_next_arrival(int stream, double after) {
  // Piecewise-constant rate: invert the cumulative rate from `after` with one unit exponential.
  const auto& rates = rates_[static_cast<std::size_t>(stream)];
  double remaining = unit_exponential(engines_[static_cast<std::size_t>(stream)]);
  double t = after;
  for (auto year = static_cast<std::size_t>(std::floor(t)) - static_cast<std::size_t>(model_->first_year);
       year < rates.size(); ++year) {
    const double year_end = model_->first_year + static_cast<double>(year) + 1.0;
    const double expected = rates[year] * (year_end - t);
    if (rates[year] > 0.0 && remaining <= expected) {
      queue_.schedule(t + remaining / rates[year], sim::SameTimeOrder::arrival, code(EventKind::arrival), static_cast<std::uint32_t>(stream));
      return;
    }
    remaining -= expected;
    t = year_end;
  }
}

CapacitySimulation::Person CapacitySimulation::draw_person(int stream, sim::RandomEngine& engine, double& leave_after) const {
  const int demand = type_of_[static_cast<std::size_t>(stream)];
  Person p;
  // Fixed order of draws per person (common random numbers across plan variants).
  p.arrival = now_;
  p.stream = stream;
  p.stay = draw_stay(model_->stay[static_cast<std::size_t>(demand)], engine);
  p.dies_in_care = uniform(engine) < model_->stay[static_cast<std::size_t>(demand)].death_share;
  const double patience_draw = unit_exponential(engine);
  const double death_draw = unit_exponential(engine);
  const double patience = model_->mean_patience_years > 0.0 ? patience_draw * model_->mean_patience_years : kNever;
  const double death = model_->waiting_death_rate > 0.0 ? death_draw / model_->waiting_death_rate : kNever;
  p.priority_class = uniform(engine) < model_->priority_share ? 0 : 1;
  // Drawn last, and only when some demand is of the affordable tier, so that scenarios without
  // it keep their draws.
  p.affordable_tier = model_->affordable_share > 0.0 && uniform(engine) < model_->affordable_share;
  p.dies_waiting = death < patience;
  leave_after = std::min(patience, death);
  return p;
}

void CapacitySimulation::arrive(int stream) {
  double leave_after = kNever;
  const Person p = draw_person(stream, engines_[static_cast<std::size_t>(stream)], leave_after);
  schedule_next_arrival(stream, now_);
  monitor_->arrived(stream, now_);
  seek_bed(p, leave_after);
}

void CapacitySimulation::seek_bed(Person p, double leave_after) {
  if (try_admit(p)) return;
  if (model_->waiting_list_cap >= 0 && waiting_in(p.stream) >= model_->waiting_list_cap) {  // the cap is per stream, both tiers
    monitor_->turned_away(p.stream, now_);
    return;
  }
  const std::uint64_t id = people_.acquire();
  people_[id] = p;
  accrue_waiting(p.stream);
  list(p.stream, p.affordable_tier ? kAffordable : kMarket).push(people_.tag(id), p.priority_class);
  monitor_->joined_waiting(p.stream, now_);
  if (leave_after < kNever)
    queue_.schedule(now_ + leave_after, sim::SameTimeOrder::reneging, code(EventKind::leave_waiting), 0, people_.tag(id));
}

bool CapacitySimulation::try_admit(const Person& p) {
  const auto stream = static_cast<std::size_t>(p.stream);
  for (std::uint32_t k = admission_begin_[stream]; k < admission_begin_[stream + 1]; ++k) {
    const int pool = admission_pools_[k];
    if (has_bed_for(p, pools_[static_cast<std::size_t>(pool)]) && staff_allows(pool, type_of_[stream]) &&
        (staff_available_.empty() || !waiting_first(p, region_of_[static_cast<std::size_t>(pool)]))) {
      admit(p, pool);
      return true;
    }
  }
  return false;
}

void CapacitySimulation::admit(const Person& p, int pool) {
  const std::uint64_t payload = occupy(pool, pools_[static_cast<std::size_t>(pool)].free_slot(p.affordable_tier), p.dies_in_care,
                                       type_of_[static_cast<std::size_t>(p.stream)]);
  monitor_->admitted(p.stream, pool, now_, now_ - p.arrival, p.priority_class == 0, p.affordable_tier);
  // The departure carries all it needs: the pool (target), the slot and whether the stay ends in death.
  queue_.schedule(now_ + p.stay, sim::SameTimeOrder::departure, code(EventKind::departure), static_cast<std::uint32_t>(pool),
                  payload);
}

std::uint64_t CapacitySimulation::occupy(int pool, std::size_t slot, bool dies, int need) {
  pools_[static_cast<std::size_t>(pool)].take(slot, now_);
  const auto k = static_cast<std::size_t>(pool_index(need, region_of_[static_cast<std::size_t>(pool)]));
  residents_area_[k].accrue(now_, static_cast<double>(residents_by_need_[k]));
  ++residents_by_need_[k];
  return (std::uint64_t{slot} << 3) | (static_cast<std::uint64_t>(need) << 1) | (dies ? 1u : 0u);
}

void CapacitySimulation::release_need(int pool, int need) {
  const auto k = static_cast<std::size_t>(pool_index(need, region_of_[static_cast<std::size_t>(pool)]));
  residents_area_[k].accrue(now_, static_cast<double>(residents_by_need_[k]));
  --residents_by_need_[k];
}

void CapacitySimulation::change_capacity(const CapacityChange& change) {
  const bool affordable = change.unit >= 0 && model_->units[static_cast<std::size_t>(change.unit)].affordable;
  if (!pools_[static_cast<std::size_t>(pool_index(change.bed_type, change.region))].change(change, affordable, now_))
    throw RuntimeFault("capacity of bed type " + std::to_string(change.bed_type) + " in region " +
                       model_->regions[static_cast<std::size_t>(change.region)] + " would fall below zero");
}

void CapacitySimulation::handle(const sim::Event& event) {
  now_ = event.time;
  switch (static_cast<EventKind>(event.kind)) {
    case EventKind::arrival:
      arrive(static_cast<int>(event.target));
      break;
    case EventKind::departure: {
      const int pool = static_cast<int>(event.target);
      pools_[static_cast<std::size_t>(pool)].vacate(event.payload >> 3, now_, (event.payload & 1u) == 1u, after_year_end());
      release_need(pool, static_cast<int>((event.payload >> 1) & 3u));
      serve_freed(pool);
      break;
    }
    case EventKind::leave_waiting: {
      if (!people_.current(event.payload)) break;
      const std::uint64_t id = sim::TaggedPool<Person>::id_of(event.payload);
      const Person& p = people_[id];
      const int stream = p.stream;
      sim::WaitingList& queue = list(stream, p.affordable_tier ? kAffordable : kMarket);
      accrue_waiting(stream);
      queue.left_early();
      monitor_->left_waiting(stream, now_, now_ - p.arrival, p.dies_waiting, p.affordable_tier);
      people_.release(id);
      queue.compact([&](std::uint64_t t) { return people_.current(t); });
      if (!staff_available_.empty()) serve_after_leaving(stream);  // the next in line may be one the staff cover
      break;
    }
    case EventKind::capacity_change: {
      const CapacityChange& change = model_->capacity[event.payload];
      change_capacity(change);
      serve_freed(pool_index(change.bed_type, change.region));
      break;
    }
    case EventKind::staff_change:
      set_staff(static_cast<int>(event.target));
      break;
    case EventKind::year_end:
      close_year(static_cast<int>(event.target), now_);
      break;
    case EventKind::month_end:
      sample_month(static_cast<int>(event.target));
      break;
    default:
      break;
  }
}

void CapacitySimulation::close_year(int year_index, double time) {
  const double length = time - year_start_;
  for (std::size_t p = 0; p < pools_.size(); ++p) pools_[p].close_year(time, length, year_levels_.pools[p], year_levels_.units);
  for (std::size_t s = 0; s < waiting_area_.size(); ++s) {
    year_levels_.mean_waiting[s] = waiting_area_[s].close(time, static_cast<double>(waiting_in(static_cast<int>(s))), length);
    year_levels_.mean_residents[s] = residents_area_[s].close(time, static_cast<double>(residents_by_need_[s]), length);
  }
  year_start_ = time;
  monitor_->year_end(year_index, time, year_levels_);
}

void CapacitySimulation::sample_month(int month_index) {
  for (std::size_t p = 0; p < pools_.size(); ++p) {
    levels_now_.occupied[p] = static_cast<double>(pools_[p].occupied());
    levels_now_.open[p] = static_cast<double>(pools_[p].open_beds());
  }
  for (std::size_t s = 0; s < waiting_area_.size(); ++s) levels_now_.waiting[s] = static_cast<double>(waiting_in(static_cast<int>(s)));
  monitor_->month_end(month_index, now_, levels_now_);
}

const char* CapacitySimulation::describe(std::uint16_t kind) {
  switch (static_cast<EventKind>(kind)) {
    case EventKind::arrival: return "an arrival";
    case EventKind::departure: return "a departure";
    case EventKind::leave_waiting: return "leaving the waiting list";
    case EventKind::capacity_change: return "a capacity change";
    case EventKind::staff_change: return "a staff change";
    case EventKind::year_end: return "the year end";
    case EventKind::month_end: return "the month end";
  }
  return "an unknown event";
}

std::uint64_t CapacitySimulation::run() {
  start();
  return run_through(static_cast<double>(model_->last_year) + 1.0);
}

void CapacitySimulation::start() {
  const double start = model_->first_year;
  const auto years = static_cast<std::uint32_t>(model_->last_year - model_->first_year + 1);
  now_ = start;
  // With a staffing cap, each year's staff and ratios take effect on its 1 January before that
  // instant's capacity changes (scheduled first, so ordered first among them), so that beds opening
  // that day are filled at the new year's staff.
  if (!model_->staff_limit.empty()) {
    check_staffing();
    staff_available_ = model_->staff_limit.front();
    for (std::uint32_t y = 1; y < years; ++y)
      queue_.schedule(start + y, sim::SameTimeOrder::capacity_change, code(EventKind::staff_change), y);
  }
  for (std::size_t i = 0; i < model_->capacity.size(); ++i) {
    const CapacityChange& change = model_->capacity[i];
    if (change.time <= start) {
      change_capacity(change);
    } else {
      queue_.schedule(change.time, sim::SameTimeOrder::capacity_change, code(EventKind::capacity_change), 0, i);
    }
  }
  changes_scheduled_ = model_->capacity.size();
  // The warm start's residents are placed whatever the staff: nobody is turned out of a bed;
  // admissions wait until the staff cover them.
  // Warm start: each unit's residents (CapacityStart.hpp), or a share of a slot's initial beds,
  // with remaining stays drawn as in steady state; never more than the slot's beds.
  for (int pool = 0; pool < static_cast<int>(pools_.size()); ++pool) {
    const BedPool& beds = pools_[static_cast<std::size_t>(pool)];
    const auto residents_of = [&](const BedPool::Slot& s) {
      const bool stated = s.unit >= 0 && static_cast<std::size_t>(s.unit) < model_->initial_unit_residents.size();
      return std::min(s.capacity, stated ? model_->initial_unit_residents[static_cast<std::size_t>(s.unit)]
                                         : static_cast<std::int64_t>(std::llround(model_->initial_occupancy * static_cast<double>(s.capacity))));
    };
    // The residents' needs, in the pool's shares (model.initial_need_share), without a random
    // draw: the first ones of the pool need general care, the next nursing, the last dementia
    // care, by cumulative rounding of the shares.
    std::int64_t total = 0;
    for (const BedPool::Slot& s : beds.slots()) total += residents_of(s);
    std::array<std::int64_t, kBedTypeCount> need_end{};  // residents of the pool before the first of need d + 1
    double cumulative = 0.0;
    for (int d = 0; d < kBedTypeCount; ++d) {
      cumulative += model_->initial_need_share.empty() ? (d == pool / regions_ ? 1.0 : 0.0)
                                                       : model_->initial_need_share[static_cast<std::size_t>(pool)][static_cast<std::size_t>(d)];
      need_end[static_cast<std::size_t>(d)] = d + 1 == kBedTypeCount ? total : std::llround(cumulative * static_cast<double>(total));
    }
    std::int64_t placed = 0;
    for (std::size_t slot = 0; slot < beds.slots().size(); ++slot) {
      const std::int64_t residents = residents_of(beds.slots()[slot]);
      for (std::int64_t k = 0; k < residents; ++k, ++placed) {
        const LengthOfStay& stay = model_->stay[static_cast<std::size_t>(pool / regions_)];
        const double length = draw_remaining_stay(stay, warm_start_);
        const bool dies = uniform(warm_start_) < stay.death_share;
        int need = 0;
        while (need + 1 < kBedTypeCount && placed >= need_end[static_cast<std::size_t>(need)]) ++need;
        queue_.schedule(start + length, sim::SameTimeOrder::departure, code(EventKind::departure),
                        static_cast<std::uint32_t>(pool), occupy(pool, slot, dies, need));
      }
    }
  }
  // People already waiting on 1 January of the first year, drawn from their own stream.
  for (std::size_t stream = 0; stream < model_->initial_waiting.size(); ++stream)
    for (std::int64_t k = 0; k < model_->initial_waiting[stream]; ++k) {
      double leave_after = kNever;
      const Person p = draw_person(static_cast<int>(stream), initial_waiting_, leave_after);
      seek_bed(p, leave_after);
    }
  for (int stream = 0; stream < static_cast<int>(rates_.size()); ++stream) schedule_next_arrival(stream, start);
  for (std::uint32_t y = 0; y < years; ++y)
    queue_.schedule(start + y + 1.0, sim::SameTimeOrder::sample, code(EventKind::year_end), y);
  for (std::uint32_t month = 0; month < 12 * years; ++month)  // monthly levels, after everything at that instant
    queue_.schedule(start + (month + 1) / 12.0, sim::SameTimeOrder::sample, code(EventKind::month_end), month);
}

std::uint64_t CapacitySimulation::run_through(double time) {
  return sim::run_until(queue_, time, [this](const sim::Event& e) { handle(e); }, describe);
}

std::uint64_t CapacitySimulation::run_until(double time) {
  return sim::run_until(queue_, sim::just_before(time), [this](const sim::Event& e) { handle(e); }, describe);
}

void CapacitySimulation::schedule_new_changes() {
  for (; changes_scheduled_ < model_->capacity.size(); ++changes_scheduled_) {
    const CapacityChange& change = model_->capacity[changes_scheduled_];
    if (change.time < now_)
      throw RuntimeFault("a capacity change at " + std::to_string(change.time) + " was added after the simulation reached " +
                         std::to_string(now_));
    queue_.schedule(change.time, sim::SameTimeOrder::capacity_change, code(EventKind::capacity_change), 0, changes_scheduled_);
  }
}

}  // namespace carecap::supply
