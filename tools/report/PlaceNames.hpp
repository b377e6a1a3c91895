// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <string>
#include <vector>

#include "tools/report/OutputView.hpp"
#include "tools/report/ReportContent.hpp"

namespace carecap::report {

/// The place a run's scenario is about, as titles name it: in Chinese its label_zh (root attribute
/// `scenario_label_zh`), in English its label_en; each falls back to the scenario's name (a
/// scenario without names, a file written before them).
[[nodiscard]] Text scenario_place(const OutputView& view);

/// The regions (towns) of `group`'s `region` dimension in order, each named in Chinese by its
/// `region_label_zh` and in English by its `region_label_en` (output/SCHEMA.md), else by its id.
[[nodiscard]] std::vector<Text> region_names(const OutputView& view, const std::string& group);

}  // namespace carecap::report
