// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <string>
#include <vector>

#include "models/ResultSeries.hpp"
#include "scenarios/loader/Scenario.hpp"

namespace carecap::tools {

/// One scalar outcome of a run over its simulated years (means over replications): what a
/// study compares between plan variants and a sweep summarises over samples.
struct Outcome {
  std::string name;         // e.g. "waiting_person_years"
  std::string label_zh;     // Chinese name for planners
  std::string units;        // e.g. "person-years"
  std::string description;  // one sentence
  double value = 0;         // NaN: not modelled by this scenario, or (first_year_*) never reached
};

/// One indicator by calendar year (means over replications; NaN outside the years it is modelled).
struct IndicatorSeries {
  std::string name;         // e.g. "n_waiting_elderly"
  std::string units;
  std::string description;
  std::vector<double> values;  // one per year of the projection
};

/// The outcomes of a run of `scenario`, always the same list for scenarios of the same shape
/// (NaN where a scenario has no such part): unmet demand, idle capacity, costs, cost per person
/// served, the first year each plan target is met and the plan's indicators in the target year.
/// Definitions: docs/studies.md. With no replications, the list with every value NaN.
[[nodiscard]] std::vector<Outcome> run_outcomes(const scenarios::Scenario& scenario,
                                                const std::vector<std::vector<ResultGroup>>& replications);

/// The indicators a sweep fans out by year (docs/studies.md), over the projection's years.
[[nodiscard]] std::vector<IndicatorSeries> run_indicators(const scenarios::Scenario& scenario,
                                                          const std::vector<std::vector<ResultGroup>>& replications);

}  // namespace carecap::tools
