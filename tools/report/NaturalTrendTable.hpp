// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <optional>

#include "tools/report/ReportContent.hpp"
#include "tools/report/RunView.hpp"

namespace carecap::report {

/// The plan beside its natural trend (id "natural_trend", 不实施规划 / 实施规划): for the plan's
/// target year and the last simulated year, the main indicators of beds and places without the
/// plan's projects (groups natural_trend_capacity, natural_trend_childcare), with them (capacity,
/// childcare_capacity) and the difference the plan makes. Both runs use the same random numbers,
/// so the difference is the plan's and not chance's. None for a file without a natural trend (no
/// plan that changes the supply, or written before the natural trend was simulated).
[[nodiscard]] std::optional<Table> natural_trend_table(const RunView& run);

}  // namespace carecap::report
