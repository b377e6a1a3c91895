// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <cstdint>
#include <vector>

#include "models/ResultSeries.hpp"
#include "models/demand/DemandResult.hpp"
#include "models/supply/CapacityParameters.hpp"
#include "models/supply/SupplyParameters.hpp"
#include "models/supply/CapacityResult.hpp"
#include "scenarios/loader/Scenario.hpp"

namespace carecap::tools {

/// The results of a whole scenario run: per replication, the result groups (projection, then
/// demand and capacity when the scenario has them).
struct ScenarioRunResult {
  std::vector<std::vector<ResultGroup>> replications;
  std::vector<supply::YearlyWaits> capacity_waits;  // per replication, the waits of those admitted (empty without [supply]): tools/run/PooledWaits pools them
  std::uint64_t capacity_events = 0;  // events handled by all capacity and childcare simulations
};

/// Whether a run with a plan also simulates its natural trend (不实施规划): the same scenario with
/// the base-year supply only (models/supply/BaseYearSupply.hpp), with the same random numbers
/// (replication r's streams), written as the groups natural_trend_capacity and
/// natural_trend_childcare beside the plan's capacity and childcare_capacity.
enum class NaturalTrend : char { skip, simulate };

/// Runs the data flow of a scenario: projection -> demand -> capacity simulation, replication by
/// replication on up to `threads` threads. Replications: those of a stochastic projection; with a
/// deterministic projection and a [capacity] section, capacity.replications, each simulating the
/// same demand with its own random streams. Replication r's results do not depend on `threads`.
/// With NaturalTrend::simulate and a plan that changes the supply, each replication also simulates
/// the natural trend; the plan's results are the same either way.
[[nodiscard]] ScenarioRunResult run_scenario(const scenarios::Scenario& scenario, int threads,
                                             NaturalTrend natural_trend = NaturalTrend::skip);

/// The capacity models of a scenario with [supply] and a deterministic projection, derived as
/// run_scenario derives them (one projection; demand with care use calibrated to the stated start):
/// the plan's (the scenario's supply with its projects) and the natural trend's (its base-year
/// supply, models/supply/BaseYearSupply.hpp; the plan's own model when the plan changes nothing).
struct ScenarioCapacityModels {
  demand::DemandResult demand;                  // the demand both models simulate
  supply::CapacityModel plan;                   // the scenario's supply and plan
  supply::SupplyParameters base_year_supply;    // the beds open on 1 January of the base year, no project
  supply::CapacityModel base_year;              // the capacity model of base_year_supply
};

/// The models above (`carecap optimise`); `threads` for the projection. The caller checks that the
/// scenario has [supply] and a deterministic projection.
[[nodiscard]] ScenarioCapacityModels scenario_capacity_models(const scenarios::Scenario& scenario, int threads);

}  // namespace carecap::tools
