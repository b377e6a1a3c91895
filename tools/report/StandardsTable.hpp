// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <optional>

#include "tools/report/ReportContent.hpp"
#include "tools/report/RunView.hpp"

namespace carecap::report {

/// What the plan's own standards require each year given the projection (id "standards"): beds
/// at its beds per 1,000 aged 60+, nursing-type beds at its nursing share, childcare places at its
/// places per 1,000 people, and care workers at the scenario's staffing ratios, against the
/// scenario's supply and the simulated use (occupied beds, enrolled children). A year takes the
/// standard of the first target year from it on (after the last target year, the last one's).
/// None when the plan states none of these standards.
[[nodiscard]] std::optional<Table> standards_table(const RunView& run);

}  // namespace carecap::report
