// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <optional>

#include "scenarios/loader/ScenarioDocument.hpp"
#include "scenarios/loader/ScenarioLabels.hpp"
#include "scenarios/loader/SupplyScenario.hpp"

namespace carecap::scenarios {

/// Reads the names of ScenarioLabels: [scenario] label_zh and label_en (used only when set in the
/// file that sets scenario.name, checked wherever set); [supply] region_label_zh
/// and region_label_en, each a table { "REGION" = "name", ... } over regions of supply.regions
/// (not every region needs one); the facilities file's optional columns label_zh and label_en
/// (an empty cell: no name); and the names of the plan's projects (facility "project:<id>", in
/// Chinese as the plan list gives them). A name is a non-empty string on one line; anything else
/// throws InputError naming the file and the key (or the line and column).
[[nodiscard]] ScenarioLabels read_labels(const ScenarioDocument& doc, const std::optional<SupplyScenario>& supply);

/// The Chinese text of each parameter source the scenario states (`source_zh` beside a section's
/// `source`), for reports in Chinese: a non-empty string on one line, else InputError naming the
/// file and key.
[[nodiscard]] std::vector<SourceText> read_source_texts(const ScenarioDocument& doc);

}  // namespace carecap::scenarios
