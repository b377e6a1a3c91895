// carecap. SPDX-License-Identifier: MIT
#pragma once
#include "tools/report/ReportContent.hpp"
#include "tools/report/RunView.hpp"

namespace carecap::report {

/// The plan indicators in the plans' own format (id "indicators"): indicator, units, base year,
/// 2025, 2030, 2035, the plan's target and the gap (the model's value in the target year minus
/// the target). Supply rows from the capacity simulation, demand rows from the demand model.
[[nodiscard]] Table indicator_table(const RunView& run);

}  // namespace carecap::report
