// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <map>
#include <string>
#include <vector>

#include "tools/report/OutputView.hpp"
#include "tools/report/ReportContent.hpp"

namespace carecap::report {

/// A figure a plan states (the run file's plan_check/stated_*).
struct StatedFigure {
  int year = 0;
  double value = 0;
  std::string units;
};

/// The plan's stated figures by name ("targets.elderly_care_beds": the latest target year;
/// "targets_2022.nursing_bed_share": an earlier one); empty without a plan check.
[[nodiscard]] std::map<std::string, StatedFigure> stated_figures(const OutputView& view);

/// The stated targets by year, then by field ("elderly_care_beds"): every target year of the plan.
[[nodiscard]] std::map<int, std::map<std::string, StatedFigure>> targets_by_year(
    const std::map<std::string, StatedFigure>& stated);

/// The plan check's findings that are not agreements, contradictions first: the sentences the run
/// stored (tools/run/PlanFindingText), in Chinese and English with the same numbers; empty
/// without a plan check.
[[nodiscard]] std::vector<Warning> plan_warnings(const OutputView& view);

/// Every finding of the plan check as a table (id "plan_check"); none without a plan check.
[[nodiscard]] std::vector<Table> plan_check_tables(const OutputView& view);

}  // namespace carecap::report
