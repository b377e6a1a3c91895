// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <map>
#include <string>
#include <vector>

namespace carecap::scenarios {

/// A name in Chinese and in English as a scenario gives it; either may be empty (not given).
struct Label {
  std::string zh;  // e.g. 通北镇
  std::string en;  // e.g. Tongbei
};

/// A parameter source as the scenario states it, in English (`source`) and Chinese (`source_zh`).
struct SourceText {
  std::string en;
  std::string zh;
};

/// The names a scenario gives itself, its regions (towns) and its facilities, for reports and
/// output files only (models never see them): [scenario] label_zh/label_en, [supply]
/// region_label_zh/region_label_en, the facilities file's label_zh/label_en columns and the plan
/// list's project names (name_zh). Reports fall back to the ids where a name is not given.
struct ScenarioLabels {
  Label scenario;                          // the place the scenario is about, e.g. 北安市 / Bei'an
  std::map<std::string, Label> regions;    // by region name of supply.regions (regions without a name: absent)
  std::map<std::string, Label> facilities; // by the capacity group's facility id: "P1", "project:3"
  std::vector<SourceText> sources;         // parameter sources with their Chinese text (source_zh)
};

}  // namespace carecap::scenarios
