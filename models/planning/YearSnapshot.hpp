// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "sim/RandomStreams.hpp"

namespace carecap::planning {

/// One run of a year-by-year search on 1 January of a year: a simulation (and its recorder) with
/// every event before that instant handled and the plan's change of that instant not yet applied.
/// Each candidate of the year is simulated from a copy of it, through that year only; the
/// snapshot itself moves on, a year at a time, with the earlier years found. Built with the
/// model's whole horizon, so that the events it schedules are those of every shorter run
/// (docs/capacity.md, "Cost: one year per candidate"). The beds search uses it with
/// supply::CapacitySimulation (CapacitySnapshot), the places search with ChildcareSimulation.
template <class Model, class Simulation, class Recorder>
struct YearSnapshot {
  using Plan = std::vector<std::vector<std::int64_t>>;  // [year][pool] capacities

  int year = -1;                  // index of the year it starts (0: first_year); -1: none yet
  Plan plan;                      // the `year` earlier years it was simulated with
  const Model* source = nullptr;  // the model the runs are of (not owned)
  double wait_days = 0;           // the recorder's threshold, days
  Model model;                    // source with `plan`'s capacities, its horizon kept
  std::optional<Simulation> simulation;  // bound to `model` and `recorder` while it moves on
  std::optional<Recorder> recorder;      // counting every year of the horizon

  /// Moves to 1 January of year index `to`, the years before it simulated with plan[0..to) (made
  /// anew at the first year when it cannot get there: another model, wait_days or earlier years).
  /// `replace(model, plan)` gives `model` with `plan`'s capacities and its horizon kept.
  template <class Replace>
  void move_to(const Model& of, const Plan& candidate_plan, std::size_t to, const sim::RandomStreams& random,
               std::uint64_t replication, double threshold_days, int streams, const Replace& replace) {
    const bool usable = year >= 0 && static_cast<std::size_t>(year) <= to && source == &of && wait_days == threshold_days &&
                        plan.size() == static_cast<std::size_t>(year) &&
                        std::equal(plan.begin(), plan.end(), candidate_plan.begin());
    if (!usable) {
      *this = YearSnapshot{};
      source = &of;
      wait_days = threshold_days;
      model = replace(of, Plan{});
      recorder.emplace(of.first_year, of.last_year - of.first_year + 1, streams, threshold_days);
      simulation.emplace(model, random, replication, *recorder);
      simulation->start();
      year = 0;
    }
    if (static_cast<std::size_t>(year) == to) return;
    year = -1;  // until it has moved on (a failure leaves no half-moved snapshot in use)
    plan.assign(candidate_plan.begin(), candidate_plan.begin() + static_cast<std::ptrdiff_t>(to));
    model = replace(of, plan);
    simulation->rebind(model, *recorder);
    simulation->schedule_new_changes();
    simulation->run_until(static_cast<double>(of.first_year) + static_cast<double>(to));
    year = static_cast<int>(to);
  }
};

}  // namespace carecap::planning
