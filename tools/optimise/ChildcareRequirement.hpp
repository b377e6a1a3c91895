// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "models/demand/DemandResult.hpp"
#include "models/planning/RequiredPlaces.hpp"
#include "models/planning/ServiceLevel.hpp"
#include "scenarios/loader/Scenario.hpp"

namespace carecap::tools {

/// The childcare places (托位) a scenario's service level requires, beside its published places
/// (issue 22; docs/optimise.md, "Required childcare places").
struct ChildcareRequirement {
  planning::ServiceLevel level;        // the level applied: childcare_level of the scenario's [service_level]
  planning::RequiredPlaces required;   // [year][month_band][region] least places meeting it, and the level achieved
  std::vector<std::vector<std::vector<std::int64_t>>> published;  // [year][month_band][region] places open on 1 January with the
                                                                  // published providers and projects, places
};

/// The places of a scenario with childcare supply: its childcare model built as `carecap run`
/// builds it (supply::build_childcare_model with `demand`, the demand the capacity models simulate:
/// tools/run scenario_capacity_models), then find_required_places with the scenario's seed and
/// capacity.replications on `threads` threads (the result does not depend on them). Nothing when
/// the scenario has no [supply.childcare].
[[nodiscard]] std::optional<ChildcareRequirement> childcare_requirement(const scenarios::Scenario& scenario,
                                                                        const demand::DemandResult& demand, int threads);

}  // namespace carecap::tools
