// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <ostream>
#include <vector>

#include "models/demography/ProjectionResult.hpp"

namespace carecap::tools {

/// Prints the headline indicators (total, 0-2, 60+, 65+, 80+, births, TFR) for the base year,
/// 2025, every fifth year and the last year; with several replications, the mean and the
/// 5th-95th percentile range.
void print_run_summary(std::ostream& out, const std::vector<demography::ProjectionResult>& replications);

}  // namespace carecap::tools
