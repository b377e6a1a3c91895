// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "models/demand/DemandParameters.hpp"
#include "scenarios/loader/ScenarioDocument.hpp"

namespace carecap::scenarios {

/// Reads the demand sections ([care_need], [care_setting], [workforce], [childcare]). Returns
/// nothing when the scenario has no [care_need] section (a projection-only scenario). With it,
/// [care_setting] is required; [workforce] and [childcare] fall back to the defaults of their
/// parameter structs. Appends every table read to `tables_read`. Throws InputError naming the
/// file and line or key.
[[nodiscard]] std::optional<demand::DemandParameters> read_demand(const ScenarioDocument& doc,
                                                                  std::vector<std::string>& tables_read);

/// The keys of the demand sections (part of the scenario schema).
[[nodiscard]] std::vector<SectionSchema> demand_schema();

}  // namespace carecap::scenarios
