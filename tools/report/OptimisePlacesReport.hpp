// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <optional>

#include "tools/report/OutputView.hpp"
#include "tools/report/ReportContent.hpp"

namespace carecap::report {

/// The table "childcare places for the service level" of an optimise file: required and
/// published places by year and month band, county totals (output/SCHEMA.md, required_places and
/// n_places_published). Nothing when the file has no required_places (no childcare supply).
[[nodiscard]] std::optional<Table> optimise_places_table(const OutputView& view);

}  // namespace carecap::report
