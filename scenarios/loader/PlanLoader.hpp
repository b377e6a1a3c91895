// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "models/plan/PlanStatement.hpp"
#include "scenarios/loader/ScenarioDocument.hpp"

namespace carecap::scenarios {

/// Reads a published plan's own figures: [plan_facts] (base-year figures, required when any plan
/// section is present), [plan_forecast] and the targets: one [plan_targets] table or
/// [[plan_targets]] tables, one per target year. Returns nothing when the scenario has none of
/// them. Forecast and target years must follow the facts' year; target years must lie within the
/// projection and be given once. [plan_facts] workforce_targets_file and workforce_targets_plan
/// (both or neither) read the plan's workforce targets from a CSV table
/// (scenarios/data/workforce/README.md), appended to `tables_read`. Throws InputError naming the
/// file, line and key (or column).
[[nodiscard]] std::optional<plan::PlanStatement> read_plan(const ScenarioDocument& doc, std::vector<std::string>& tables_read);

/// The keys of [plan_facts], [plan_forecast] and [plan_targets] (part of the scenario schema).
[[nodiscard]] std::vector<SectionSchema> plan_schema();

}  // namespace carecap::scenarios
