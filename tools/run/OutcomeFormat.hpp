// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <string>

namespace carecap::tools {

/// An outcome's value as the printed tables of studies and sweeps show it: 12345.6 -> "12,346";
/// values under 100 that are not whole keep one or two decimals; calendar years print whole (one
/// decimal for a mean that is not), NaN years as "never"; fractions as percent ("44.2%"); other
/// NaN as "-".
[[nodiscard]] std::string format_outcome_value(double v, const std::string& units);

}  // namespace carecap::tools
