// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <optional>
#include <vector>

#include "models/plan/PlanStatement.hpp"
#include "scenarios/loader/ScenarioDocument.hpp"

namespace carecap::scenarios {

/// Reads a published plan's own figures: [plan_facts] (base-year figures, required when any plan
/// section is present), [plan_forecast] and the targets: one [plan_targets] table or
/// [[plan_targets]] tables, one per target year. Returns nothing when the scenario has none of
/// them. Forecast and target years must follow the facts' year; target years must lie within the
/// projection and be given once. Throws InputError naming the file, line and key.
[[nodiscard]] std::optional<plan::PlanStatement> read_plan(const ScenarioDocument& doc);

/// The keys of [plan_facts], [plan_forecast] and [plan_targets] (part of the scenario schema).
[[nodiscard]] std::vector<SectionSchema> plan_schema();

}  // namespace carecap::scenarios
