// carecap. SPDX-License-Identifier: MIT
#pragma once
#include "tools/report/OutputView.hpp"
#include "tools/report/ReportContent.hpp"

namespace carecap::report {

/// The report of a sweep file (`carecap sweep`): the swept parameters, fan charts of the
/// indicators by year, quantiles of every outcome and, for Saltelli designs, Sobol indices.
[[nodiscard]] ReportContent sweep_report(const OutputView& view);

}  // namespace carecap::report
