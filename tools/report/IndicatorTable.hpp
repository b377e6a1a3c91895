// carecap. SPDX-License-Identifier: MIT
#pragma once
#include "tools/report/ReportContent.hpp"
#include "tools/report/RunView.hpp"

namespace carecap::report {

/// The plan indicators in the plans' own format (id "indicators"): indicator, units, the base
/// date (the plan's base figures: end of the year before the base year, the model's 1 January),
/// the target years and 2025, 2030, 2035, then for each target year of the plan its target and
/// the gap (the model's value in that year minus the target). Supply rows from the capacity
/// simulation, demand rows from the demand model.
[[nodiscard]] Table indicator_table(const RunView& run);

}  // namespace carecap::report
