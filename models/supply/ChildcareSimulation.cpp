// carecap. SPDX-License-Identifier: MIT
#include "models/supply/ChildcareSimulation.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "sim/Draws.hpp"
#include "sim/Errors.hpp"
#include "sim/Simulator.hpp"

namespace carecap::supply {

namespace {

/// Places open as reported: a provider's closure withdraws nobody, so places it takes away that
/// still hold a child stay open until the child leaves; enrolled never exceeds open places.
std::int64_t open_places(std::int64_t enrolled, std::int64_t places) { return std::max(enrolled, places); }

using sim::uniform;
using sim::unit_exponential;

constexpr double kNever = std::numeric_limits<double>::infinity();
/// Streams of draws about children (patience; the children of 1 January): purpose base + 1000 +
/// stream, apart from the application streams so that applications are common random numbers.
constexpr std::uint64_t kChildLifeOffset = 1000;

}  // namespace

ChildcareSimulation::ChildcareSimulation(const ChildcareModel& model, const sim::RandomStreams& streams,
                                         std::uint64_t replication, ChildcareMonitor& monitor)
    : model_(&model),
      monitor_(&monitor),
      regions_(static_cast<int>(model.regions.size())),
      queue_(model.first_year, 1.0 / 52.0, static_cast<std::size_t>((model.last_year - model.first_year + 1) * 52 + 1)),
      places_(static_cast<std::size_t>(demand::kMonthBandCount * regions_), ByTier{}),
      enrolled_(places_.size(), ByTier{}),
      affordable_in_market_(places_.size(), 0),
      waiting_(places_.size() * kListsPerPool, sim::WaitingList(2)) {
  for (std::size_t s = 0; s < places_.size(); ++s) engines_.push_back(streams.stream(replication, kChildcareStreamBase + s));
  for (std::size_t s = 0; s < places_.size(); ++s)
    engines_.push_back(streams.stream(replication, kChildcareStreamBase + kChildLifeOffset + s));
}

void ChildcareSimulation::schedule_next_application(int stream, double after) {
  // Piecewise-constant monthly rates: invert the cumulative rate with one unit exponential.
  const auto& rates = model_->applications_per_month[static_cast<std::size_t>(stream)];
  double remaining = unit_exponential(engines_[static_cast<std::size_t>(stream)]);
  double t = after;
  for (auto month = static_cast<std::size_t>(std::floor((t - model_->first_year) * 12.0 + 1e-9)); month < rates.size();
       ++month) {
    const double month_end = model_->first_year + static_cast<double>(month + 1) / 12.0;
    const double expected = rates[month] * (month_end - t);
    if (rates[month] > 0.0 && remaining <= expected) {
      queue_.schedule(t + remaining / rates[month], sim::SameTimeOrder::arrival, code(EventKind::application),
                      static_cast<std::uint32_t>(stream));
      return;
    }
    remaining -= expected;
    t = month_end;
  }
}

void ChildcareSimulation::report_places(int pool) {
  const auto p = static_cast<std::size_t>(pool);
  ByTier open{};
  for (int t = 0; t < kPriceTierCount; ++t)
    open[static_cast<std::size_t>(t)] = open_places(enrolled_[p][static_cast<std::size_t>(t)], places_[p][static_cast<std::size_t>(t)]);
  monitor_->place_level(pool, now_, enrolled_[p], open, affordable_in_market_[p]);
}

void ChildcareSimulation::report_queue(int pool) {
  monitor_->queue_level(pool, now_,
                        {list(pool, Takes::affordable_only).size() + list(pool, Takes::affordable_first).size(),
                         list(pool, Takes::market_first).size()});
}

int ChildcareSimulation::free_place_for(const Child& c) const {
  const auto& places = places_[static_cast<std::size_t>(c.stream)];
  const auto& enrolled = enrolled_[static_cast<std::size_t>(c.stream)];
  auto free = [&](int tier) { return enrolled[static_cast<std::size_t>(tier)] < places[static_cast<std::size_t>(tier)]; };
  // The price-tier rule (docs/capacity.md): the family's own tier first, then the other if it takes it.
  const int own = c.tier, other = c.tier == kAffordable ? kMarket : kAffordable;
  if (free(own)) return own;
  if ((other == kAffordable || c.takes_market) && free(other)) return other;
  return -1;
}

void ChildcareSimulation::apply(std::uint64_t id, Applicant who) {
  Child& c = children_[id];
  const int stream = c.stream;
  c.applied = now_;
  monitor_->applied(stream, now_, who, c.tier);
  if (const int tier = free_place_for(c); tier >= 0) {
    enroll(id, tier);
    return;
  }
  auto& life = engines_[places_.size() + static_cast<std::size_t>(stream)];
  const double patience = model_->mean_patience_years > 0.0 ? unit_exponential(life) * model_->mean_patience_years : kNever;
  c.status = Status::waiting;
  list(stream, takes(c)).push(children_.tag(id), who == Applicant::moving_up ? 0 : 1);
  report_queue(stream);
  // Leaves the list when patience runs out, the child outgrows the band, or the family stops
  // wanting a place, whichever first.
  const double gives_up = now_ + patience;
  const Leaves why = c.withdraws < std::min(gives_up, c.band_end) ? Leaves::withdrew
                     : c.band_end <= gives_up                     ? Leaves::outgrew
                                                                  : Leaves::patience;
  // The event names the waiting spell (target: spell x 4 + why), so that it is stale once the
  // child is admitted, even if the child waits again later in the next band.
  ++c.waits;
  queue_.schedule(std::min({gives_up, c.band_end, c.withdraws}), sim::SameTimeOrder::reneging, code(EventKind::leave_list),
                  (c.waits << 2) | static_cast<std::uint32_t>(why), children_.tag(id));
}

void ChildcareSimulation::enroll(std::uint64_t id, int place_tier, bool admission) {
  Child& c = children_[id];
  const auto pool = static_cast<std::size_t>(c.stream);
  c.status = Status::enrolled;
  c.place_tier = place_tier;
  ++enrolled_[pool][static_cast<std::size_t>(place_tier)];
  if (c.tier == kAffordable && place_tier == kMarket) ++affordable_in_market_[pool];
  if (admission) monitor_->admitted(c.stream, now_, now_ - c.applied, c.tier, place_tier);
  report_places(c.stream);
  const bool withdraws = c.withdraws < c.band_end;
  queue_.schedule(withdraws ? c.withdraws : c.band_end, sim::SameTimeOrder::departure, code(EventKind::leave_place),
                  withdraws ? 1u : 0u, children_.tag(id));
}

void ChildcareSimulation::next_band(std::uint64_t id, Applicant who) {
  Child& c = children_[id];
  const int band = c.stream / regions_ + 1, region = c.stream % regions_;
  c.stream = band * regions_ + region;
  c.band_end = now_ + model_->band_years[static_cast<std::size_t>(band)];
  apply(id, who);
}

bool ChildcareSimulation::first_in_line(int pool, std::initializer_list<Takes> lists, std::uint64_t& tag, Takes& from,
                                        int& priority_class) {
  // Moves up first, then first come first served across the lists.
  bool found = false;
  for (const Takes t : lists) {
    std::uint64_t entry = 0;
    int entry_class = 0;
    if (!list(pool, t).front(entry, entry_class, [&](std::uint64_t e) { return waiting_in(e, pool); })) continue;
    const double applied = children_[sim::TaggedPool<Child>::id_of(entry)].applied;
    if (!found || entry_class < priority_class ||
        (entry_class == priority_class && applied < children_[sim::TaggedPool<Child>::id_of(tag)].applied)) {
      tag = entry;
      from = t;
      priority_class = entry_class;
      found = true;
    }
  }
  return found;
}

void ChildcareSimulation::fill_places(int pool) {
  const auto p = static_cast<std::size_t>(pool);
  for (;;) {
    std::uint64_t tag = 0;
    Takes from = Takes::market_first;
    int priority_class = 0, tier = -1;
    // A free affordable place: affordable-tier families first, then market-tier ones; a free
    // market place: market-tier families and affordable-tier families taking market places.
    if (enrolled_[p][kAffordable] < places_[p][kAffordable] &&
        (first_in_line(pool, {Takes::affordable_only, Takes::affordable_first}, tag, from, priority_class) ||
         first_in_line(pool, {Takes::market_first}, tag, from, priority_class)))
      tier = kAffordable;
    else if (enrolled_[p][kMarket] < places_[p][kMarket] &&
             first_in_line(pool, {Takes::market_first, Takes::affordable_first}, tag, from, priority_class))
      tier = kMarket;
    if (tier < 0) return;
    list(pool, from).pop_front(priority_class);
    report_queue(pool);
    enroll(sim::TaggedPool<Child>::id_of(tag), tier);
  }
}

void ChildcareSimulation::handle(const sim::Event& event) {
  now_ = event.time;
  switch (static_cast<EventKind>(event.kind)) {
    case EventKind::application: {
      const int stream = static_cast<int>(event.target);
      auto& engine = engines_[static_cast<std::size_t>(stream)];
      const std::uint64_t id = children_.acquire();
      Child& c = children_[id];
      c = Child{};
      c.stream = stream;
      // The child's age is uniform within the band (the time left in it is uniform too), or the
      // child starts at the band's start (the youngest band with demand). All draws of a fresh
      // applicant come from the application stream: variants of a plan see the same families.
      const auto band = static_cast<std::size_t>(stream / regions_);
      const double left = uniform(engine);
      c.band_end = now_ + (model_->fresh_at_band_start[band] ? 1.0 : left) * model_->band_years[band];
      const auto year = std::min(static_cast<std::size_t>(std::max(0.0, now_ - model_->first_year)),
                                 model_->affordable_family_share.size() - 1);
      c.tier = uniform(engine) < model_->affordable_family_share[year][band] ? kAffordable : kMarket;
      c.takes_market = c.tier == kMarket || uniform(engine) < model_->affordable_tier_takes_market;
      c.withdraws = model_->withdrawal_rate > 0.0 ? now_ + unit_exponential(engine) / model_->withdrawal_rate : kNever;
      schedule_next_application(stream, now_);
      apply(id, Applicant::fresh);
      break;
    }
    case EventKind::leave_place: {
      if (!current(event.payload, Status::enrolled)) break;
      const std::uint64_t id = sim::TaggedPool<Child>::id_of(event.payload);
      Child& c = children_[id];
      const int pool = c.stream, band = pool / regions_;
      const bool withdrew = event.target == 1;
      --enrolled_[static_cast<std::size_t>(pool)][static_cast<std::size_t>(c.place_tier)];
      if (c.tier == kAffordable && c.place_tier == kMarket) --affordable_in_market_[static_cast<std::size_t>(pool)];
      monitor_->left(pool, now_, withdrew);
      report_places(pool);
      if (!withdrew && band + 1 < demand::kMonthBandCount)
        next_band(id, Applicant::moving_up);  // first in line in the next band
      else
        children_.release(id);
      fill_places(pool);
      break;
    }
    case EventKind::leave_list: {
      if (!current(event.payload, Status::waiting) ||
          children_[sim::TaggedPool<Child>::id_of(event.payload)].waits != event.target >> 2)
        break;
      const std::uint64_t id = sim::TaggedPool<Child>::id_of(event.payload);
      Child& c = children_[id];
      const int pool = c.stream;
      list(pool, takes(c)).left_early();
      monitor_->gave_up(pool, now_, now_ - c.applied, c.tier);
      report_queue(pool);
      const bool below_last = pool / regions_ + 1 < demand::kMonthBandCount;
      switch (static_cast<Leaves>(event.target & 3u)) {
        case Leaves::withdrew: children_.release(id); break;
        case Leaves::outgrew:  // still wanting a place: applies in the next band
          if (below_last) next_band(id, Applicant::again);
          else children_.release(id);
          break;
        case Leaves::patience:  // stops waiting, still wanting a place: applies again on reaching the next band
          if (below_last && c.withdraws > c.band_end) {
            c.status = Status::at_home;
            queue_.schedule(c.band_end, sim::SameTimeOrder::arrival, code(EventKind::reach_band), 0, children_.tag(id));
          } else {
            children_.release(id);
          }
          break;
      }
      break;
    }
    case EventKind::reach_band: {
      if (!current(event.payload, Status::at_home)) break;
      next_band(sim::TaggedPool<Child>::id_of(event.payload), Applicant::again);
      break;
    }
    case EventKind::place_change: {
      const auto& change = model_->places[event.payload];
      const int pool = change.band * regions_ + change.region;
      auto& places = places_[static_cast<std::size_t>(pool)][static_cast<std::size_t>(change.tier)];
      if (places + change.places < 0)
        throw RuntimeFault("childcare places of band " + std::to_string(change.band) + " would fall below zero");
      places += change.places;
      report_places(pool);
      fill_places(pool);
      break;
    }
    case EventKind::year_end:
      monitor_->year_end(static_cast<int>(event.target), now_);
      break;
  }
}

std::uint64_t ChildcareSimulation::run() {
  start();
  return run_through(static_cast<double>(model_->last_year) + 1.0);
}

void ChildcareSimulation::start() {
  const double start = model_->first_year;
  const auto years = static_cast<std::uint32_t>(model_->last_year - model_->first_year + 1);
  now_ = start;
  for (std::size_t i = 0; i < model_->places.size(); ++i) {
    const auto& change = model_->places[i];
    if (change.time <= start) {
      places_[static_cast<std::size_t>(change.band * regions_ + change.region)][static_cast<std::size_t>(change.tier)] +=
          change.places;
    } else {
      queue_.schedule(change.time, sim::SameTimeOrder::capacity_change, code(EventKind::place_change), 0, i);
    }
  }
  changes_scheduled_ = model_->places.size();
  // On 1 January: the children in places (their families of the place's tier), then the children
  // wanting a place without one (at home, applying again on reaching the next band); each with a
  // time left in its band uniform over the band.
  for (std::size_t pool = 0; pool < places_.size(); ++pool) {
    auto& life = engines_[places_.size() + pool];
    const auto band = pool / static_cast<std::size_t>(regions_);
    auto new_child = [&](int tier) {
      const std::uint64_t id = children_.acquire();
      Child& c = children_[id];
      c = Child{};
      c.stream = static_cast<int>(pool);
      c.applied = start;
      c.band_end = start + uniform(life) * model_->band_years[band];
      c.tier = tier;
      c.takes_market = tier == kMarket || uniform(life) < model_->affordable_tier_takes_market;
      c.withdraws = model_->withdrawal_rate > 0.0 ? start + unit_exponential(life) / model_->withdrawal_rate : kNever;
      return id;
    };
    for (int tier = 0; tier < kPriceTierCount; ++tier) {
      const std::int64_t initial = pool < model_->initial_enrolled.size()
                                       ? std::min(model_->initial_enrolled[pool][static_cast<std::size_t>(tier)],
                                                  places_[pool][static_cast<std::size_t>(tier)])
                                       : 0;
      // Children in a place on the base date: the start's state, not admissions of the first year.
      for (std::int64_t k = 0; k < initial; ++k) enroll(new_child(tier), tier, false);
    }
    const std::int64_t unserved = pool < model_->initial_unserved.size() ? model_->initial_unserved[pool] : 0;
    const double affordable_share = model_->affordable_family_share.empty() ? 0.0 : model_->affordable_family_share[0][band];
    for (std::int64_t k = 0; k < unserved; ++k) {
      const std::uint64_t id = new_child(uniform(life) < affordable_share ? kAffordable : kMarket);
      Child& c = children_[id];
      if (band + 1 < static_cast<std::size_t>(demand::kMonthBandCount) && c.withdraws > c.band_end) {
        c.status = Status::at_home;
        queue_.schedule(c.band_end, sim::SameTimeOrder::arrival, code(EventKind::reach_band), 0, children_.tag(id));
      } else {
        children_.release(id);
      }
    }
    report_places(static_cast<int>(pool));
    report_queue(static_cast<int>(pool));
  }
  for (int stream = 0; stream < static_cast<int>(places_.size()); ++stream) schedule_next_application(stream, start);
  for (std::uint32_t y = 0; y < years; ++y)
    queue_.schedule(start + y + 1.0, sim::SameTimeOrder::sample, code(EventKind::year_end), y);
}

const char* ChildcareSimulation::describe(std::uint16_t kind) {
  switch (static_cast<EventKind>(kind)) {
    case EventKind::application: return "a childcare application";
    case EventKind::leave_place: return "a child leaving a place";
    case EventKind::leave_list: return "a child leaving the waiting list";
    case EventKind::reach_band: return "a child without a place reaching the next band";
    case EventKind::place_change: return "a change of childcare places";
    case EventKind::year_end: return "the year end";
  }
  return "an unknown event";
}

std::uint64_t ChildcareSimulation::run_through(double time) {
  return sim::run_until(queue_, time, [this](const sim::Event& e) { handle(e); }, describe);
}

std::uint64_t ChildcareSimulation::run_until(double time) {
  return sim::run_until(queue_, sim::just_before(time), [this](const sim::Event& e) { handle(e); }, describe);
}

void ChildcareSimulation::schedule_new_changes() {
  for (; changes_scheduled_ < model_->places.size(); ++changes_scheduled_) {
    const auto& change = model_->places[changes_scheduled_];
    if (change.time < now_)
      throw RuntimeFault("a change of childcare places at " + std::to_string(change.time) +
                         " was added after the simulation reached " + std::to_string(now_));
    queue_.schedule(change.time, sim::SameTimeOrder::capacity_change, code(EventKind::place_change), 0, changes_scheduled_);
  }
}

}  // namespace carecap::supply
