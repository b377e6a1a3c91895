// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <cstdint>
#include <vector>

#include "models/planning/CapacityCandidate.hpp"
#include "models/planning/PlacesCandidate.hpp"
#include "models/planning/ServiceLevel.hpp"
#include "models/supply/ChildcareModel.hpp"

namespace carecap::planning {

/// How the required places are searched.
struct RequiredPlacesSettings {
  CandidateRuns runs;   // seed, replications and threads, the same for every candidate
  int max_sweeps = 20;  // sweeps of the growth or trim phase per year before the search gives up, count
};

/// The least childcare places meeting a service level, year by year (find_required_places).
struct RequiredPlaces {
  int first_year = 0;                                            // calendar year of index 0
  std::vector<std::vector<std::vector<std::int64_t>>> places;    // [year][month_band][region] required places (both tiers), places
  std::vector<std::vector<std::vector<AchievedLevel>>> level;    // [year][month_band][region] level of that band's applications there, with `places`
  std::uint64_t candidates = 0;   // place vectors simulated, count (each with every replication)
  std::uint64_t simulations = 0;  // replication runs of the childcare simulation, count
};

/// For each year, month band and region of `model`, the least places (托位) with which, in that
/// year, at most `level.max_share_waiting` of each stream's applications fail (ChildcareService-
/// Recorder: wait longer than `level.wait_days` before a place, or leave the list unplaced) in at
/// least `level.probability` of the replications; pass childcare_level(scenario level). The same
/// monotone search per year carried forward as find_required_capacity (docs/optimise.md,
/// "Required childcare places"): years in order, earlier years fixed; the first year starts from
/// the base-year places, each later year from the year before; a growth phase raises each failing
/// pool (bands in order, youngest first, regions by index) by galloping and bisection to the
/// least value at which its own stream is met, sweeping until all are met; a trim phase lowers
/// each pool, in the same order, to the least value at which every stream is still met, sweeping
/// until no pool can lose a place, so that the result is minimal: one place fewer in any single
/// pool fails some stream. Places are added in each pool's base-year tier split
/// (affordable_places). A band without applications needs no place. Throws InputError for a
/// level or settings out of range and when a stream cannot be met by any number of places.
[[nodiscard]] RequiredPlaces find_required_places(const supply::ChildcareModel& model, const ServiceLevel& level,
                                                  const RequiredPlacesSettings& settings);

}  // namespace carecap::planning
