// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <string>
#include <vector>

#include "tools/report/OutputView.hpp"
#include "tools/report/ReportContent.hpp"

namespace carecap::report {

/// The value of label `label` of a 1-D dataset `name` over `dimension` in an optimise file's group
/// `optimise` (e.g. cost_published at cost = discounted_total); NaN when the label is absent.
[[nodiscard]] double optimise_value(const OutputView& view, const std::string& name, const std::string& dimension,
                                    const std::string& label);

/// The years in which a plan failed the level somewhere, "2031, 2032" ("" when none): the
/// years of `years` whose 0/1 dataset `name` (over year: verified_met, published_met) is 0.
[[nodiscard]] std::string failed_years(const OutputView& view, const std::string& name, const std::vector<int>& years);

/// A fraction as a percentage, whole when it is one: 0.05 -> 5%, 0.025 -> 2.5%.
[[nodiscard]] Text whole_percent(double fraction);

}  // namespace carecap::report
