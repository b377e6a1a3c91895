// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <string>

namespace carecap::sim {

/// 76,060 or 62.2: `value` with `decimals` decimals and its digits grouped by thousands, the same
/// in Chinese and English; "-" for NaN; never "-0".
[[nodiscard]] std::string grouped(double value, int decimals = 0);

/// 25.0%: a fraction as a percentage with `decimals` decimals, grouped.
[[nodiscard]] std::string percent(double fraction, int decimals = 1);

/// "+12.3%" or "-4.0%": the relative change from `reference` to `value`; "+0.0%" when both are
/// 0 and "no percentage of 0" when only the reference is.
[[nodiscard]] std::string percent_change(double value, double reference);

}  // namespace carecap::sim
