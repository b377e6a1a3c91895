// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <string>
#include <vector>

#include "models/ResultSeries.hpp"
#include "models/plan/PlanStatement.hpp"

namespace carecap::tools {

/// One number a finding rests on.
struct FindingNumber {
  std::string name;  // e.g. "n_beds", unique within its finding
  double value = 0;  // in `units`
  std::string units;
  int year = 0;      // the calendar year it is for; 0 when none
};

/// One main finding of a run in plain words: the same numbers in Chinese and English, each
/// sentence naming the assumption it rests on.
struct RunFinding {
  std::string id;  // population, beds, childcare, plan_beds, plan_places, plan_effect
  std::vector<FindingNumber> numbers;
  std::string zh;
  std::string en;
};

/// The 3-6 findings of a run (means of the replications) for its base year, the first plan year
/// (2025, or the next year) and its last year: elders and children; beds open, occupied and sought;
/// childcare places against children and places sought; when `plan` states a per-1,000 target,
/// what that target needs given the projection; and, with a natural trend (tools/run/ScenarioRun),
/// what the plan's projects change. replications[r] holds replication r's result groups.
[[nodiscard]] std::vector<RunFinding> run_findings(const std::vector<std::vector<ResultGroup>>& replications,
                                                   const plan::PlanStatement* plan = nullptr);

/// The findings as the run's `findings` group (output/SCHEMA.md): dimension `finding` with the
/// sentences `text_zh`, `text_en`, and dimension `finding_number` (`ID.NAME`) with `value`,
/// `value_year` and `value_units`.
[[nodiscard]] ResultGroup findings_group(const std::vector<RunFinding>& findings);

}  // namespace carecap::tools
