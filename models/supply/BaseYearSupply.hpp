// carecap. SPDX-License-Identifier: MIT
#pragma once
#include "models/supply/ChildcareSupply.hpp"
#include "models/supply/SupplyParameters.hpp"

namespace carecap::supply {

/// The result groups of the natural trend, beside the plan's capacity and childcare_capacity.
inline constexpr const char* kNaturalTrendCapacity = "natural_trend_capacity";
inline constexpr const char* kNaturalTrendChildcare = "natural_trend_childcare";

/// The natural trend's supply (不实施规划; Japan's 自然体推計): the beds open on 1 January of
/// `first_year`, kept as they are to the horizon. No project of the plan is built, converted or
/// closed (the project list, listed or derived by a scenario rule, is dropped), facilities that
/// open later are left out and the base-year ones do not close. Everything else (regions, demand
/// shares, costs, the lag) is the plan's, so the two runs differ by the plan's measures alone.
[[nodiscard]] SupplyParameters base_year_supply(const SupplyParameters& plan, int first_year);

/// The same for childcare: the providers open on 1 January of `first_year`, no project.
[[nodiscard]] ChildcareSupply base_year_childcare(const ChildcareSupply& plan, int first_year);

/// True when the plan changes the supply after `first_year`: a project, or a facility or
/// provider that opens or closes later. Without such a change the natural trend is the plan.
[[nodiscard]] bool plan_changes_supply(const SupplyParameters& supply, const ChildcareSupply* childcare, int first_year);

}  // namespace carecap::supply
