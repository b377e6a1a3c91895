// carecap. SPDX-License-Identifier: MIT
#pragma once
#include "tools/report/OutputView.hpp"
#include "tools/report/ReportContent.hpp"

namespace carecap::report {

/// The report of an optimise file (`carecap optimise`, output/SCHEMA.md "Optimise files"): the
/// section "beds for a service level" — the level and the answer in words, the required beds and
/// both plans' beds, idle beds and worst share failing by year, the chosen starts, both plans'
/// costs and a chart of total beds by year — then the sources.
[[nodiscard]] ReportContent optimise_report(const OutputView& view);

}  // namespace carecap::report
