// carecap. SPDX-License-Identifier: MIT
#pragma once
#include "tools/report/OutputView.hpp"
#include "tools/report/ReportContent.hpp"

namespace carecap::report {

/// The report of a study file (`carecap study`): a ranking of the plan variants, every outcome
/// and its difference from the baseline, and small multiples of the indicators by year.
[[nodiscard]] ReportContent study_report(const OutputView& view);

}  // namespace carecap::report
