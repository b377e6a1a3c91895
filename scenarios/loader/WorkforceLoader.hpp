// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <optional>
#include <set>
#include <string>

#include "models/workforce/WorkforceSettings.hpp"
#include "scenarios/loader/ScenarioDocument.hpp"
#include "scenarios/loader/SupplyScenario.hpp"

namespace carecap::scenarios {

/// The keys of [workforce] that state the care-worker supply (the section's schema also holds
/// residents_per_care_worker and source, read with the demand).
[[nodiscard]] std::set<std::string> workforce_supply_keys();

/// Reads the care-worker supply of [workforce] (scenarios/README.md, docs/workforce.md): nothing
/// when the section states none of workforce_supply_keys(). With them the scenario needs [supply];
/// leaving_rate (0..1 per year) is required; base_care_workers (a total, or a table by region) or
/// else the facilities' care_workers column for every facility open on 1 January of the first
/// year; trained years from the first simulated year (those after the last are not simulated). Throws InputError naming file, line and key.
[[nodiscard]] std::optional<workforce::WorkforceSettings> read_workforce_supply(const ScenarioDocument& doc,
                                                                                const std::optional<SupplyScenario>& supply,
                                                                                int first_year);

}  // namespace carecap::scenarios
