// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <string>
#include <vector>

#include "models/ResultSeries.hpp"
#include "models/plan/ModelFigures.hpp"
#include "scenarios/loader/Scenario.hpp"
#include "text/Lang.hpp"
#include "tools/run/RunOutcomes.hpp"

namespace carecap::tools {

/// The outcomes and indicators of every scenario of a study, the baseline first.
struct StudyComparison {
  std::string label_zh;                  // the study's Chinese title (may be empty)
  std::vector<std::string> names;        // scenario names
  std::vector<std::string> labels_zh;    // Chinese names (may be empty)
  std::vector<std::string> descriptions; // one sentence each
  std::vector<int> years;                // projection years
  std::vector<std::vector<Outcome>> outcomes;            // [scenario][outcome], same outcome list for all
  std::vector<std::vector<IndicatorSeries>> indicators;  // [scenario][indicator]
};

/// The plan's targets (beds, nursing share, beds per 1,000 aged 60+, childcare places, places per
/// 1,000 people) the scenario meets in the plan's target year, as outcomes: `targets_met` and
/// `targets_set` (counts; NaN without targets), then one `*_target_met` each (1 met, 0 not, NaN
/// no such target). Met: the model's 1 July figure of the target year >= the target, as
/// `first_year_*_target_met` counts it.
[[nodiscard]] std::vector<Outcome> target_outcomes(const scenarios::Scenario& scenario, const plan::ModelFigures& model);

/// The comparison as a plain-text table a planner can read and paste: one row per outcome
/// modelled (its name and units in `lang`), one column per scenario; variants show their value
/// and, in brackets, the change from the baseline.
[[nodiscard]] std::string comparison_table(const StudyComparison& comparison, text::Lang lang = text::Lang::en);

/// The comparison as result groups for the study's HDF5 file: the root with the `scenario` and
/// `year` dimensions and the text dataset `scenario_label_zh` (each scenario's Chinese name, "" when none); `comparison` (each outcome by scenario), `difference_from_baseline` (each
/// outcome minus the baseline's) and `indicators` (each indicator by scenario and year).
[[nodiscard]] std::vector<ResultGroup> comparison_groups(const StudyComparison& comparison);

}  // namespace carecap::tools
