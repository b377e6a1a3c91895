// carecap. SPDX-License-Identifier: MIT
#pragma once
#include "tools/report/OutputView.hpp"
#include "tools/report/ReportContent.hpp"

namespace carecap::report {

/// The report of a run's results file (`carecap run`): population, elderly-care demand and
/// supply, operations, childcare, costs, the plan's indicators in its own format and the plan
/// check's warnings. Means over replications, with 5-95% bands where the file has them.
[[nodiscard]] ReportContent run_report(const OutputView& view);

}  // namespace carecap::report
