// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <string>

#include "models/plan/PlanCheck.hpp"
#include "text/Catalogue.hpp"

namespace carecap::tools {

/// A finding of the plan check in one sentence, in Chinese and English from the message catalogue
/// (text/messages/plan.toml): the same numbers and derivation in both, differences of shares in
/// percentage points, an "at least" target reached shown as met. The one place that words a
/// finding: the terminal prints it, the `plan_check` group stores it, the report shows it.
[[nodiscard]] text::Text plan_finding_text(const plan::PlanFinding& finding);

/// What a finding compares, by its id (e.g. target_beds: 养老床位 / elderly-care beds); the id
/// itself for an id the catalogue does not know.
[[nodiscard]] text::Text plan_figure_text(const std::string& id);

/// The verdict as the terminal prints it (CONTRADICTION stands out in English).
[[nodiscard]] text::Text plan_verdict_word(plan::Verdict verdict);

}  // namespace carecap::tools
