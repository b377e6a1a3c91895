// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <ostream>
#include <vector>

#include "models/ResultSeries.hpp"
#include "models/plan/ModelFigures.hpp"
#include "models/plan/PlanCheck.hpp"
#include "scenarios/loader/Scenario.hpp"
#include "text/Lang.hpp"

namespace carecap::tools {

/// The model's side of a plan check: the scenario's base population and supply at the base date,
/// the project list's stated and derived beds, and each year of the run (means of replications;
/// none when `replications` is empty), and the projects with the year the build lag opens them.
[[nodiscard]] plan::ModelFigures model_figures(const scenarios::Scenario& scenario,
                                               const std::vector<std::vector<ResultGroup>>& replications);

/// Checks the scenario's plan (which it must have) against the run and prints the findings in
/// `lang`, section by section (one section per target year), and a count of contradictions and
/// differences.
void print_plan_check(std::ostream& out, const scenarios::Scenario& scenario,
                      const std::vector<std::vector<ResultGroup>>& replications, text::Lang lang = text::Lang::en);

/// The plan check as the run's `plan_check` group (output/SCHEMA.md): every finding (dimension
/// `finding`) with its kind, year, figures, verdict and its sentence in Chinese and English
/// (PlanFindingText), and every figure the plan states (dimension `plan_statement`: facts,
/// forecast and targets with their years and units; the latest target year as `targets.*`,
/// earlier ones as `targets_YEAR.*`), so that reports can mark targets and list contradictions
/// from the results file alone.
[[nodiscard]] ResultGroup plan_check_group(const scenarios::Scenario& scenario,
                                           const std::vector<std::vector<ResultGroup>>& replications);

}  // namespace carecap::tools
