// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "scenarios/loader/Scenario.hpp"

namespace carecap::scenarios {

/// One scenario of a study: the baseline (no overrides) or a plan variant.
struct StudyVariant {
  std::string name;         // snake_case, unique in the study, e.g. "delayed_one_year"
  std::string label_zh;     // Chinese name for the comparison table, may be empty
  std::string description;  // one sentence: what the variant changes
  std::string description_zh;  // the same in Chinese, may be empty (reports then show the English)
  Scenario scenario;        // the baseline with the variant's overrides, validated
};

/// A study after validation: a baseline scenario and plan variants, run with common random
/// numbers (one seed, the same replications) and compared against the baseline.
struct Study {
  std::string path;         // the study file
  std::string name;         // study.name
  std::string label_zh;     // study.label_zh: the study's Chinese title, may be empty
  std::string description;  // study.description
  std::string text;         // text of the study file
  std::string source;       // where the variants come from
  std::string source_zh;    // the same in Chinese, may be empty
  std::vector<StudyVariant> variants;  // the baseline first
};

/// Reads a study file (keys in scenarios/README.md, "Studies"): [study] with name, description,
/// label_zh, scenario (the baseline, relative to the study file), baseline_name, baseline_label_zh,
/// replications, seed and source; [[variant]] tables with name, label_zh, description and
/// [variant.overrides.SECTION] tables holding scenario keys. Every variant's scenario is loaded
/// and validated here. Throws InputError with one line naming the file and line or key.
[[nodiscard]] Study load_study(const std::string& path);

}  // namespace carecap::scenarios
