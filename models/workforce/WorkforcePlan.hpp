// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <array>
#include <vector>

#include "models/demand/CareState.hpp"
#include "models/demand/DemandResult.hpp"
#include "models/supply/CapacityParameters.hpp"
#include "models/supply/SupplyParameters.hpp"
#include "models/workforce/WorkforceFlow.hpp"
#include "models/workforce/WorkforceSettings.hpp"

namespace carecap::workforce {

/// The care-worker supply of a scenario, compiled before the run: the flows' parameters and the
/// stock of every year and region (deterministic: the same in every replication).
struct WorkforcePlan {
  WorkforceParameters parameters;
  std::vector<WorkforceYear> years;        // one per simulated year, model.first_year first
  std::vector<double> trained_by_year;     // persons trained in each simulated year (before the entering share)
};

/// Compiles `settings` against the capacity model's beds (its dated capacity changes) and
/// `supply`'s facilities:
/// - base staff: by region as stated; a stated total split over the regions in proportion to the
///   care workers their base-year beds would need when full (each bed at the care workers per
///   resident of the need it is for, CapacityModel::care_workers_per_resident); else the sum of the facilities' care_workers column (the loader checks it is given);
/// - other entrants and trainees go to the regions in proportion to the care workers the base-year
///   beds would need when full;
/// - with projects_bring_staff, every dated change after the start brings the care workers the
///   region's added beds need when full at the year's ratios (the net addition of each year and
///   region, never below zero: closures release no one from care work).
[[nodiscard]] WorkforcePlan plan_workforce(const WorkforceSettings& settings, const supply::CapacityModel& model,
                                           const supply::SupplyParameters& supply);

/// Care workers the day-care users of `region` need in simulated year `year` (index from
/// model.first_year), persons: the year's day-care users (demand, 1 July) x the region's demand
/// share / `users_per_care_worker`; 0 when the ratio is 0 (day care not counted).
[[nodiscard]] double day_care_workers(const demand::DemandResult& demand, const supply::CapacityModel& model,
                                      const std::vector<double>& demand_share, double users_per_care_worker,
                                      std::size_t year, std::size_t region);

/// The staffing cap's staff limits: [year][region] the year's staff (`plan`'s staff_open) less the
/// care workers day care takes (day_care_workers), never below zero.
[[nodiscard]] std::vector<std::vector<double>> staff_limits(const WorkforcePlan& plan, const WorkforceSettings& settings,
                                                            const supply::CapacityModel& model,
                                                            const demand::DemandResult& demand,
                                                            const std::vector<double>& demand_share);

/// Beds of each pool (bed type x regions + region) on 1 January of each simulated year: [year][pool],
/// as the model's dated capacity changes leave them (a closure takes at most the beds left).
[[nodiscard]] std::vector<std::vector<double>> beds_on_jan1(const supply::CapacityModel& model);

/// Care workers the beds of each region open on 1 January of each simulated year need when full:
/// [year][region], persons (the weights above; from the model's dated capacity changes, closures
/// taking at most the beds left; each bed at the year's care workers per resident of its need).
[[nodiscard]] std::vector<std::vector<double>> full_bed_need(const supply::CapacityModel& model);

}  // namespace carecap::workforce
