// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <vector>

#include "models/planning/CapacityGrid.hpp"
#include "models/planning/OptimiseSettings.hpp"
#include "models/planning/ScheduleProblem.hpp"
#include "models/planning/ScheduleProgramme.hpp"
#include "models/supply/CapacityParameters.hpp"
#include "models/supply/SupplyParameters.hpp"

namespace carecap::tools {

/// The programme of `carecap optimise` (docs/optimise.md, "The schedule"): cover `required` from
/// `existing` (the base-year supply without projects) at least discounted cost, choosing from
///   - the plan's listed projects (rows of its project list; a scenario rule such as
///     general_to_nursing is not a row): each as the scenario compiles it (its beds, bed type,
///     conversion of general beds, closure of a facility), at its own investment, started in any
///     year from the base year to its plan year + settings.project_window_years;
///   - the generic options of `settings`: build blocks of each of build_bed_types, and (with
///     `conversions`) convert general beds to nursing, in each of build_regions, in any year.
/// Years before base year + build lag cannot change (nothing opens before then): their
/// requirement is left out of the programme and only verified. Costs, lag and acceptable beds come
/// from the supply and the model; the optional nursing-share standard from `settings`.
[[nodiscard]] planning::ScheduleProblem schedule_problem(const planning::CapacityGrid& required,
                                                         const planning::CapacityGrid& existing,
                                                         const supply::SupplyParameters& supply,
                                                         const supply::CapacityModel& model,
                                                         const planning::OptimiseSettings& settings);

/// The published plan's own schedule and costs, priced as the programme prices a schedule: each
/// listed project started in the year the plan funds it (its plan year, or later under the plan's
/// annual budget), its capital discounted from then; operating cost of the beds `capacity` holds.
struct PublishedPlan {
  std::vector<planning::ScheduledStart> schedule;
  planning::ScheduleCosts costs;
};
[[nodiscard]] PublishedPlan published_plan(const supply::SupplyParameters& supply, const planning::CapacityGrid& capacity,
                                           double discount_rate);

}  // namespace carecap::tools
