// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <vector>

#include "models/planning/CapacityCandidate.hpp"
#include "models/planning/CapacityGrid.hpp"
#include "models/planning/ServiceLevel.hpp"
#include "models/supply/CapacityParameters.hpp"

namespace carecap::tools {

/// A capacity plan run through the capacity simulation and held against a service level, year by
/// year (`carecap optimise`, step (c): the chosen schedule with fresh random numbers).
struct PlanVerification {
  int first_year = 0;                                       // calendar year of index 0
  std::vector<std::vector<planning::AchievedLevel>> level;  // [year][stream: demand type x regions + region]
  std::vector<double> beds;       // [year] beds open, county, time-weighted mean over the year and replications, beds
  std::vector<double> idle_beds;  // [year] beds open but empty, the same, beds
  bool met = true;                // every stream with arrivals met the level in every year

  /// The idle share of year index y: idle beds / beds (0 without beds).
  [[nodiscard]] double idle_share(std::size_t y) const { return beds[y] > 0 ? idle_beds[y] / beds[y] : 0.0; }
};

/// The beds of every pool on 1 January of each year of `model` (its capacity changes replayed,
/// closures of whole units included), as the simulation applies them.
[[nodiscard]] planning::CapacityGrid capacity_grid(const supply::CapacityModel& model);

/// A grid as the simulation's CapacityPlan ([year][bed type x regions + region], whole beds).
[[nodiscard]] planning::CapacityPlan as_plan(const planning::CapacityGrid& grid);

/// Runs runs.replications replications of planning::with_capacities(model, plan) over every year of
/// `plan` with runs.seed (replication r's streams), and summarises each year's level per stream as
/// planning::evaluate_candidate does for one year (mean share failing, its 95% interval, the share
/// of replications meeting max_share_waiting; met when that share >= probability). A stream with no
/// arrivals in a year counts as met. Results do not depend on runs.threads.
[[nodiscard]] PlanVerification verify_plan(const supply::CapacityModel& model, const planning::CapacityPlan& plan,
                                           const planning::ServiceLevel& level, const planning::CandidateRuns& runs);

/// The same over every (sample, replication) run of `ensemble` (`carecap optimise --sweep`): each
/// year's level per stream from all runs in run order, beds and idle beds their mean over runs.
/// The ensemble of one model gives the call above, bit for bit.
[[nodiscard]] PlanVerification verify_plan(const planning::CandidateEnsemble& ensemble, const planning::CapacityPlan& plan,
                                           const planning::ServiceLevel& level);

}  // namespace carecap::tools
