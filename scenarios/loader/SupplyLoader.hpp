// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "scenarios/loader/ScenarioDocument.hpp"
#include "scenarios/loader/SupplyScenario.hpp"

namespace carecap::scenarios {

/// Reads [supply] (regions, base facilities CSV, investment plan CSV in the Bei'an project-list
/// format) and [capacity]. Returns nothing when the scenario has no [supply] section. Projects are
/// checked against the base year (none may open before it) and the facilities (a closure must
/// name one). Appends every table read to `tables_read`. Throws InputError naming file and line or key.
[[nodiscard]] std::optional<SupplyScenario> read_supply(const ScenarioDocument& doc, int base_year, int end_year,
                                                        std::vector<std::string>& tables_read);

/// The keys of [supply] and [capacity] (part of the scenario schema).
[[nodiscard]] std::vector<SectionSchema> supply_schema();

}  // namespace carecap::scenarios
