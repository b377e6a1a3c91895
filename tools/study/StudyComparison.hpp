// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <string>
#include <vector>

#include "models/ResultSeries.hpp"
#include "tools/run/RunOutcomes.hpp"

namespace carecap::tools {

/// The outcomes and indicators of every scenario of a study, the baseline first.
struct StudyComparison {
  std::vector<std::string> names;        // scenario names
  std::vector<std::string> labels_zh;    // Chinese names (may be empty)
  std::vector<std::string> descriptions; // one sentence each
  std::vector<int> years;                // projection years
  std::vector<std::vector<Outcome>> outcomes;            // [scenario][outcome], same outcome list for all
  std::vector<std::vector<IndicatorSeries>> indicators;  // [scenario][indicator]
};

/// The comparison as a plain-text table a planner can read and paste: one row per outcome
/// modelled (English and Chinese name, units), one column per scenario; variants show their
/// value and, in brackets, the change from the baseline.
[[nodiscard]] std::string comparison_table(const StudyComparison& comparison);

/// The comparison as result groups for the study's HDF5 file: the root with the `scenario` and
/// `year` dimensions; `comparison` (each outcome by scenario), `difference_from_baseline` (each
/// outcome minus the baseline's) and `indicators` (each indicator by scenario and year).
[[nodiscard]] std::vector<ResultGroup> comparison_groups(const StudyComparison& comparison);

}  // namespace carecap::tools
