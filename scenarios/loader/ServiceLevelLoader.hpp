// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <optional>

#include "models/planning/ServiceLevel.hpp"
#include "scenarios/loader/ScenarioDocument.hpp"

namespace carecap::scenarios {

/// Reads [service_level] (docs/optimise.md): wait_days (0..3650 days), max_share_waiting (0..1),
/// probability (above 0 and below 1: no finite number of replications shows a level held with
/// certainty), max_idle_share (optional, 0..1), source, and for childcare places the optional
/// childcare_wait_days (0..3650 days) and childcare_max_share_waiting (0..1). Nothing when the
/// section is absent.
/// Throws InputError naming the file, line and key.
[[nodiscard]] std::optional<planning::ServiceLevel> read_service_level(const ScenarioDocument& doc);

/// The keys of [service_level] (part of the scenario schema).
[[nodiscard]] SectionSchema service_level_schema();

}  // namespace carecap::scenarios
