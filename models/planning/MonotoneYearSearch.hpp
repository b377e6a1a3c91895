// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "models/planning/CapacityCandidate.hpp"  // AchievedLevel
#include "sim/Errors.hpp"

namespace carecap::planning {

/// One year's size of every pool (beds of a type in a region, childcare places of a band in a
/// region), in the pools' own unit.
using PoolSizes = std::vector<std::int64_t>;

/// How a search names itself and its pools in its RuntimeFault messages, e.g. {"required capacity",
/// "capacity", "the bed types and regions"}.
struct MonotoneSearchNames {
  std::string search;  // the search, first in every message: "required capacity"
  std::string sizes;   // what it looks for: "capacity", "places"
  std::string pools;   // what a sweep goes over: "the bed types and regions"
};

/// The least pool sizes of one year at which every stream meets a service level, assuming that
/// a larger pool never makes a stream's level worse (docs/capacity.md, "Required capacity"; used
/// by find_required_capacity and find_required_places, which give it the evaluation, the pool
/// orders and the limit). `Evaluate` is called as `std::vector<AchievedLevel>(const PoolSizes&)`,
/// the level of every stream (indexed as the pools: stream p is the one pool p is raised for)
/// with those sizes this year; it is called once per distinct candidate, in the order the search
/// first needs them, so that its side effects (counts, snapshots) follow that order.
template <class Evaluate>
class MonotoneYearSearch {
public:
  /// A search of calendar year `year` (for messages), with `max_sweeps` >= 1 sweeps per phase.
  MonotoneYearSearch(Evaluate evaluate, int year, int max_sweeps, MonotoneSearchNames names)
      : evaluate_(std::move(evaluate)), year_(year), max_sweeps_(max_sweeps), names_(std::move(names)) {}

  /// The level of every stream with `sizes`, evaluated once per distinct `sizes` (cached).
  const std::vector<AchievedLevel>& evaluate(const PoolSizes& sizes) {
    const auto found = cache_.find(sizes);
    if (found != cache_.end()) return found->second;
    return cache_.emplace(sizes, evaluate_(sizes)).first->second;
  }

  /// Whether every stream meets the level with `sizes`.
  bool all_met(const PoolSizes& sizes) {
    const auto& levels = evaluate(sizes);
    return std::all_of(levels.begin(), levels.end(), [](const AchievedLevel& a) { return a.met; });
  }

  /// The growth phase: raises each failing pool, in `order`, to the least value at which its own
  /// stream is met (galloping up from its value by 1, 2, 4, ... capped at max(`limit`, its value),
  /// then bisection), sweeping until every stream is met. A pool whose stream still fails at the
  /// cap throws InputError(unmeetable(pool, size, level at that size)); no sweep meeting every
  /// stream within max_sweeps throws RuntimeFault.
  template <class Unmeetable>
  void grow(PoolSizes& sizes, const std::vector<int>& order, std::int64_t limit, Unmeetable unmeetable) {
    for (int sweep = 0; !all_met(sizes); ++sweep) {
      if (sweep == max_sweeps_)
        throw RuntimeFault(names_.search + ": no " + names_.sizes + " meeting the service level found in " +
                           std::to_string(year_) + " after " + std::to_string(max_sweeps_) + " sweeps over " +
                           names_.pools);
      for (int p : order) {
        const auto pool = static_cast<std::size_t>(p);
        if (evaluate(sizes)[pool].met) continue;
        PoolSizes trial = sizes;
        std::int64_t failing = sizes[pool], meeting = 0;
        for (std::int64_t step = 1;; step *= 2) {
          trial[pool] = std::min(failing + step, std::max(limit, sizes[pool]));
          if (evaluate(trial)[pool].met) {
            meeting = trial[pool];
            break;
          }
          if (trial[pool] >= limit) throw InputError(unmeetable(p, trial[pool], evaluate(trial)[pool]));
          failing = trial[pool];
        }
        while (meeting - failing > 1) {
          trial[pool] = failing + (meeting - failing) / 2;
          (evaluate(trial)[pool].met ? meeting : failing) = trial[pool];
        }
        sizes[pool] = meeting;
      }
    }
  }

  /// The trim phase: lowers each pool, in `order`, to the least value at which every stream is
  /// still met (galloping down from its value by 1, 2, 4, ... until a failure, then bisection),
  /// sweeping until no pool can lose a unit. Under monotonicity one sweep suffices; the next one
  /// checks it, because one pool's size can shift failures between other streams, so that the
  /// result is minimal by construction: one unit fewer in any single pool fails some stream.
  /// Throws RuntimeFault when the sweeps do not settle within max_sweeps.
  void trim(PoolSizes& sizes, const std::vector<int>& order) {
    for (int sweep = 0, changed = 1; changed != 0; ++sweep) {
      if (sweep == max_sweeps_)
        throw RuntimeFault(names_.search + ": the trimming of " + std::to_string(year_) + " did not settle after " +
                           std::to_string(max_sweeps_) + " sweeps over " + names_.pools);
      changed = 0;
      for (int p : order) {
        const auto pool = static_cast<std::size_t>(p);
        PoolSizes trial = sizes;
        std::int64_t meeting = sizes[pool], failing = -1, step = 1;
        bool galloping = true;
        while (meeting - failing > 1) {
          trial[pool] = galloping ? std::max(failing + 1, meeting - step) : failing + (meeting - failing) / 2;
          if (all_met(trial)) {
            meeting = trial[pool];
            if (galloping) step *= 2;
          } else {
            failing = trial[pool];
            galloping = false;
          }
        }
        if (meeting != sizes[pool]) changed = 1;
        sizes[pool] = meeting;
      }
    }
  }

private:
  Evaluate evaluate_;  // the level of every stream with a candidate's sizes this year (uncached)
  int year_;           // calendar year searched, for messages
  int max_sweeps_;     // sweeps of either phase before the search gives up, count
  MonotoneSearchNames names_;
  std::map<PoolSizes, std::vector<AchievedLevel>> cache_;  // every candidate evaluated, by its sizes
};

}  // namespace carecap::planning
