// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <vector>

#include "models/ResultSeries.hpp"
#include "models/demand/PlanIndicators.hpp"
#include "models/supply/CapacityParameters.hpp"
#include "models/supply/CapacityResult.hpp"
#include "models/supply/CapacitySettings.hpp"
#include "models/supply/SupplyParameters.hpp"

namespace carecap::supply {

/// The capacity simulation's outputs, declared once: the group "capacity" with dimensions
/// capacity_year, bed_type and region: beds, occupancy, idle beds, admissions, arrivals, turned
/// away, gave up, died waiting, waiting list, waits (mean, p50, p90: this replication's own; the
/// run pools them in tools/run/PooledWaits), admissions after waiting, waits longer than
/// settings.wait_target_days, admissions and waits by priority class, yearly totals over bed types
/// and regions, care workers needed for the residents and employed by the facilities, costs.
[[nodiscard]] ResultGroup capacity_series(const CapacityResult& result, const CapacityModel& model,
                                          const SupplyParameters& supply, const CapacitySettings& settings);

/// Supplied capacity for the plans' indicators, per projection year base_year..base_year+years-1:
/// mean beds by type over regions for the simulated years; NaN for the others, for care workers
/// (not supplied) and for childcare (add_childcare_figures fills it in).
[[nodiscard]] std::vector<demand::CapacityFigures> supply_figures(const CapacityResult& result, int base_year, int years,
                                                                  int regions);

}  // namespace carecap::supply
