// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <cstdint>
#include <vector>

#include "models/planning/CapacityCandidate.hpp"
#include "models/planning/CapacityGrid.hpp"
#include "models/planning/ServiceLevel.hpp"
#include "models/supply/CapacityParameters.hpp"

namespace carecap::planning {

/// How the required capacity is searched.
struct RequiredCapacitySettings {
  CandidateRuns runs;   // seed, replications and threads, the same for every candidate
  int max_sweeps = 20;  // sweeps of the growth phase per year before the search gives up, count
};

/// The least capacity meeting a service level, year by year (find_required_capacity).
struct RequiredCapacity {
  int first_year = 0;                                     // calendar year of index 0
  std::vector<std::vector<std::vector<std::int64_t>>> beds;  // [year][bed_type][region] required beds, beds
  std::vector<std::vector<std::vector<AchievedLevel>>> level;  // [year][demand_type][region] level achieved with `beds` by the
                                                               // stream needing that bed type in that region
  std::uint64_t candidates = 0;       // capacity vectors simulated, count (each with every replication)
  std::uint64_t simulations = 0;      // replication runs of the capacity simulation, count
  double simulated_years = 0;         // calendar years simulated over all runs (each candidate's year from the runs'
                                      // snapshots of its start, and the snapshots moving on a year at a time), years

  /// `beds` as a grid (the requirement the cheapest schedule must cover).
  [[nodiscard]] CapacityGrid grid() const {
    const int regions = beds.empty() || beds.front().empty() ? 0 : static_cast<int>(beds.front().front().size());
    CapacityGrid g = CapacityGrid::zeros(first_year, static_cast<int>(beds.size()), regions);
    for (std::size_t y = 0; y < beds.size(); ++y)
      for (std::size_t b = 0; b < beds[y].size(); ++b)
        for (std::size_t r = 0; r < beds[y][b].size(); ++r)
          g.at(first_year + static_cast<int>(y), static_cast<int>(b), static_cast<int>(r)) =
              static_cast<double>(beds[y][b][r]);
    return g;
  }
};

/// For each year, bed type and region of `model`, the least capacity with which, in that year,
/// at most `level.max_share_waiting` of each stream's arrivals fail (wait longer than
/// `level.wait_days`, leave the list unserved or are turned away) in at least `level.probability`
/// of the replications. A monotone search per year carried forward (docs/capacity.md, "Required
/// capacity"): years in order, earlier years fixed at their found values; within the year a
/// growth phase (each pool raised, by galloping and bisection, to the least value at which its
/// own stream is met, sweeping the pools until all streams are met) and then a trim phase (each
/// pool lowered to the least value at which every stream is still met, sweeping until no pool
/// can lose a bed). Pools in fixed orders: growth raises bed types
/// accepted by fewer demand types first (each type's own beds), trimming lowers those accepted by
/// more first (the substitutes, nursing by default), so that each demand type's need shows in its
/// own bed type; ties by index, regions by index. Assumes that more beds never make a stream's level worse (checked in
/// tests/RequiredCapacityTest.cpp; the result is minimal by construction all the same). Throws InputError for a level or settings out of range and
/// when a stream cannot be met by any capacity (naming the year, bed type and region).
[[nodiscard]] RequiredCapacity find_required_capacity(const supply::CapacityModel& model, const ServiceLevel& level,
                                                      const RequiredCapacitySettings& settings);

/// The same over the runs of an ensemble (`carecap optimise --sweep`; docs/optimise.md, "Under
/// uncertainty"): every candidate evaluated over all (sample, replication) runs
/// (evaluate_candidate), a stream met when at least `level.probability` of them meet
/// max_share_waiting. Starts from, and bounds the search by, the largest of the models' first
/// guesses and bounds. The ensemble of one model is the call above, bit for bit. Throws
/// InputError when the models differ in years, regions or acceptable beds.
[[nodiscard]] RequiredCapacity find_required_capacity(const CandidateEnsemble& ensemble, const ServiceLevel& level,
                                                      int max_sweeps = RequiredCapacitySettings{}.max_sweeps);

}  // namespace carecap::planning
