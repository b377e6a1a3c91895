// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <optional>

#include "models/money/MoneyParameters.hpp"
#include "scenarios/loader/ScenarioDocument.hpp"
#include "scenarios/loader/SupplyScenario.hpp"

namespace carecap::scenarios {

/// Reads [money] (scenarios/README.md; docs/money.md): operating cost per bed and per resident,
/// subsidies by rule, who owns the plan's projects and who pays, and optional long-term-care
/// insurance. Every key is optional; nothing when the section is absent. `supply` is the
/// scenario's validated supply (none: the section is refused, it needs beds to cost). Throws
/// InputError naming the file, line and key.
[[nodiscard]] std::optional<money::MoneyParameters> read_money(const ScenarioDocument& doc, const SupplyScenario* supply);

/// The keys of [money] (part of the scenario schema).
[[nodiscard]] SectionSchema money_schema();

}  // namespace carecap::scenarios
