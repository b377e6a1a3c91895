// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <string>
#include <vector>

#include "models/plan/ModelFigures.hpp"
#include "models/plan/PlanCheck.hpp"
#include "models/plan/PlanStatement.hpp"

namespace carecap::plan {

/// An indicator a plan's workforce target may name (scenarios/data/workforce/README.md) and the
/// units the plan check gives its figures in: "1" (a share, a fraction in 0..1), "persons",
/// "person-times" or a rate ("persons per 10,000 persons aged 60+", ...).
struct WorkforceIndicator {
  const char* name;
  const char* units;
};

/// Every indicator a workforce target may name, those the check compares first.
[[nodiscard]] const std::vector<WorkforceIndicator>& workforce_indicators();

/// The indicator named `name`; nullptr for a name that is not one.
[[nodiscard]] const WorkforceIndicator* find_workforce_indicator(const std::string& name);

/// Holds every workforce target of the plan against the model, one finding of kind `workforce`
/// per target (id "workforce_" + indicator), in the plan's order, with the model's figures of the
/// target year (ModelFigures: means of the replications; NaN when the run has no workforce model):
/// - certified care workers per 10,000 elders: the supply's rate (`other`), and the rate the need
///   implies (need x certified share / elders x 10,000; values "need_rate");
/// - senior-grade shares: the scenario's assumption (an input) against the target, and the
///   senior-grade workers it implies;
/// - care workers trained: the scenario's programmes, cumulative to the target year;
/// - professional care staff: the care workers the supply gives, whole area;
/// - social workers per 1,000 or 10,000 elders or per 100 beds: carecap does not model social
///   workers (verdict not_modelled); `plan` is the number of them the target implies with the
///   model's elders or beds in the target year;
/// - childcare professionals: the childcare workers the children enrolled need at the class ratios;
/// - every other indicator: not_modelled, the target quoted (PlanFinding::quote).
/// An "at least" target agrees when reached; any other agrees within kForecastTolerance. Two of
/// the plan's values for the same year and indicator that differ by more than
/// kContradictionTolerance add a finding "workforce_target_contradiction" naming both.
[[nodiscard]] std::vector<PlanFinding> check_workforce(const PlanStatement& plan, const ModelFigures& model);

}  // namespace carecap::plan
