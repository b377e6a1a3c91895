// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <cstddef>
#include <string>

#include "text/Lang.hpp"

namespace carecap::tools {

/// An outcome's value as the printed tables of studies and sweeps show it: 12345.6 -> "12,346";
/// values under 100 that are not whole keep one or two decimals; calendar years print whole (one
/// decimal for a mean that is not), NaN years as "never"; fractions as percent ("44.2%"); other
/// NaN as "-".
[[nodiscard]] std::string format_outcome_value(double v, const std::string& units, text::Lang lang = text::Lang::en);

/// Columns that UTF-8 `text` takes in a terminal table: CJK characters (three bytes) take two.
[[nodiscard]] std::size_t display_width(const std::string& text);

}  // namespace carecap::tools
