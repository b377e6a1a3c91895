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
/// Streams of draws about children (patience, withdrawal, initial ages): purpose base + 1000 +
/// stream, apart from the application streams so that applications are common random numbers.
constexpr std::uint64_t kChildLifeOffset = 1000;

}  // namespace

ChildcareSimulation::ChildcareSimulation(const ChildcareModel& model, const sim::RandomStreams& streams,
                                         std::uint64_t replication, ChildcareMonitor& monitor)
    : model_(model),
      monitor_(monitor),
      regions_(static_cast<int>(model.regions.size())),
      queue_(model.first_year, 1.0 / 52.0, static_cast<std::size_t>((model.last_year - model.first_year + 1) * 52 + 1)),
      places_(static_cast<std::size_t>(demand::kMonthBandCount * regions_), 0),
      enrolled_(places_.size(), 0),
      waiting_(places_.size(), sim::WaitingList(2)) {
  for (std::size_t s = 0; s < places_.size(); ++s) engines_.push_back(streams.stream(replication, kChildcareStreamBase + s));
  for (std::size_t s = 0; s < places_.size(); ++s)
    engines_.push_back(streams.stream(replication, kChildcareStreamBase + kChildLifeOffset + s));
}

void ChildcareSimulation::schedule_next_application(int stream, double after) {
  // Piecewise-constant monthly rates: invert the cumulative rate with one unit exponential.
  const auto& rates = model_.applications_per_month[static_cast<std::size_t>(stream)];
  double remaining = unit_exponential(engines_[static_cast<std::size_t>(stream)]);
  double t = after;
  for (auto month = static_cast<std::size_t>(std::floor((t - model_.first_year) * 12.0 + 1e-9)); month < rates.size();
       ++month) {
    const double month_end = model_.first_year + static_cast<double>(month + 1) / 12.0;
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

void ChildcareSimulation::apply(std::uint64_t id, bool transfer) {
  Child& c = children_[id];
  const int stream = c.stream;
  c.applied = now_;
  monitor_.applied(stream, now_, transfer);
  if (enrolled_[static_cast<std::size_t>(stream)] < places_[static_cast<std::size_t>(stream)]) {
    enroll(id);
    return;
  }
  auto& life = engines_[places_.size() + static_cast<std::size_t>(stream)];
  const double patience = model_.mean_patience_years > 0.0 ? unit_exponential(life) * model_.mean_patience_years : kNever;
  c.status = Status::waiting;
  waiting_[static_cast<std::size_t>(stream)].push(children_.tag(id), transfer ? 0 : 1);
  monitor_.queue_level(stream, now_, waiting_[static_cast<std::size_t>(stream)].size());
  // Leaves the list when patience runs out or the child outgrows the band, whichever first.
  queue_.schedule(std::min(now_ + patience, c.band_end), sim::SameTimeOrder::reneging, code(EventKind::leave_list), 0,
                  children_.tag(id));
}

void ChildcareSimulation::enroll(std::uint64_t id) {
  Child& c = children_[id];
  const auto pool = static_cast<std::size_t>(c.stream);
  c.status = Status::enrolled;
  ++enrolled_[pool];
  monitor_.admitted(c.stream, now_, now_ - c.applied);
  monitor_.place_level(c.stream, now_, enrolled_[pool], open_places(enrolled_[pool], places_[pool]));
  auto& life = engines_[places_.size() + pool];
  const double withdraws = model_.withdrawal_rate > 0.0 ? now_ + unit_exponential(life) / model_.withdrawal_rate : kNever;
  const bool withdrew = withdraws < c.band_end;
  queue_.schedule(withdrew ? withdraws : c.band_end, sim::SameTimeOrder::departure, code(EventKind::leave_place),
                  withdrew ? 1u : 0u, children_.tag(id));
}

void ChildcareSimulation::fill_places(int pool) {
  auto& list = waiting_[static_cast<std::size_t>(pool)];
  while (enrolled_[static_cast<std::size_t>(pool)] < places_[static_cast<std::size_t>(pool)]) {
    std::uint64_t entry = 0;
    int priority_class = 0;
    if (!list.front(entry, priority_class, [&](std::uint64_t t) { return current(t, Status::waiting); })) return;
    list.pop_front(priority_class);
    monitor_.queue_level(pool, now_, list.size());
    enroll(sim::TaggedPool<Child>::id_of(entry));
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
      c.stream = stream;
      // The child's age is uniform within the band (the time left in it is uniform too), or the
      // child starts at the band's start (the youngest band with demand).
      const auto band = static_cast<std::size_t>(stream / regions_);
      const double left = uniform(engine);
      c.band_end = now_ + (model_.fresh_at_band_start[band] ? 1.0 : left) * model_.band_years[band];
      schedule_next_application(stream, now_);
      apply(id, false);
      break;
    }
    case EventKind::leave_place: {
      if (!current(event.payload, Status::enrolled)) break;
      const std::uint64_t id = sim::TaggedPool<Child>::id_of(event.payload);
      Child& c = children_[id];
      const int pool = c.stream, band = pool / regions_, region = pool % regions_;
      const bool withdrew = event.target == 1;
      --enrolled_[static_cast<std::size_t>(pool)];
      monitor_.left(pool, now_, withdrew);
      monitor_.place_level(pool, now_, enrolled_[static_cast<std::size_t>(pool)],
                           open_places(enrolled_[static_cast<std::size_t>(pool)], places_[static_cast<std::size_t>(pool)]));
      if (!withdrew && band + 1 < demand::kMonthBandCount) {
        c.stream = (band + 1) * regions_ + region;  // moves up to the next band, first in line
        c.band_end = now_ + model_.band_years[static_cast<std::size_t>(band + 1)];
        apply(id, true);
      } else {
        children_.release(id);
      }
      fill_places(pool);
      break;
    }
    case EventKind::leave_list: {
      if (!current(event.payload, Status::waiting)) break;
      const std::uint64_t id = sim::TaggedPool<Child>::id_of(event.payload);
      Child& c = children_[id];
      auto& list = waiting_[static_cast<std::size_t>(c.stream)];
      list.left_early();
      monitor_.gave_up(c.stream, now_);
      monitor_.queue_level(c.stream, now_, list.size());
      children_.release(id);
      break;
    }
    case EventKind::place_change: {
      const auto& change = model_.places[event.payload];
      const int pool = change.band * regions_ + change.region;
      auto& places = places_[static_cast<std::size_t>(pool)];
      if (places + change.places < 0)
        throw RuntimeFault("childcare places of band " + std::to_string(change.band) + " would fall below zero");
      places += change.places;
      monitor_.place_level(pool, now_, enrolled_[static_cast<std::size_t>(pool)], open_places(enrolled_[static_cast<std::size_t>(pool)], places));
      fill_places(pool);
      break;
    }
    case EventKind::year_end:
      monitor_.year_end(static_cast<int>(event.target), now_);
      break;
  }
}

std::uint64_t ChildcareSimulation::run() {
  const double start = model_.first_year;
  const auto years = static_cast<std::uint32_t>(model_.last_year - model_.first_year + 1);
  now_ = start;
  for (std::size_t i = 0; i < model_.places.size(); ++i) {
    const auto& change = model_.places[i];
    if (change.time <= start) {
      places_[static_cast<std::size_t>(change.band * regions_ + change.region)] += change.places;
    } else {
      queue_.schedule(change.time, sim::SameTimeOrder::capacity_change, code(EventKind::place_change), 0, i);
    }
  }
  // Children enrolled on 1 January: a share of the places, each with a uniform time left in its band.
  for (std::size_t pool = 0; pool < places_.size(); ++pool) {
    const double share = pool < model_.initial_enrolled_share.size() ? model_.initial_enrolled_share[pool] : 0.0;
    const auto initial = static_cast<std::int64_t>(std::llround(share * static_cast<double>(places_[pool])));
    auto& life = engines_[places_.size() + pool];
    for (std::int64_t k = 0; k < initial; ++k) {
      const std::uint64_t id = children_.acquire();
      Child& c = children_[id];
      c.stream = static_cast<int>(pool);
      c.applied = start;
      c.band_end = start + uniform(life) * model_.band_years[pool / static_cast<std::size_t>(regions_)];
      enroll(id);
    }
    monitor_.place_level(static_cast<int>(pool), start, enrolled_[pool], open_places(enrolled_[pool], places_[pool]));
    monitor_.queue_level(static_cast<int>(pool), start, 0);
  }
  for (int stream = 0; stream < static_cast<int>(places_.size()); ++stream) schedule_next_application(stream, start);
  for (std::uint32_t y = 0; y < years; ++y)
    queue_.schedule(start + y + 1.0, sim::SameTimeOrder::sample, code(EventKind::year_end), y);
  return sim::run_until(queue_, start + years, [this](const sim::Event& e) { handle(e); },
                        [](std::uint16_t kind) {
                          switch (static_cast<EventKind>(kind)) {
                            case EventKind::application: return "a childcare application";
                            case EventKind::leave_place: return "a child leaving a place";
                            case EventKind::leave_list: return "a child leaving the waiting list";
                            case EventKind::place_change: return "a change of childcare places";
                            case EventKind::year_end: return "the year end";
                          }
                          return "an unknown event";
                        });
}

}  // namespace carecap::supply
