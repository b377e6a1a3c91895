// carecap. SPDX-License-Identifier: MIT
#pragma once
#include "models/ResultSeries.hpp"

namespace carecap::tools {

struct OptimiseResult;

/// The `optimise` group of an optimise file (output/SCHEMA.md, "Optimise files"): the required
/// beds, the chosen and the published schedules, the beds by year, type and town with each, the
/// verified service level and idle beds of both, and their costs. Every series with its units.
[[nodiscard]] ResultGroup optimise_group(const OptimiseResult& result);

}  // namespace carecap::tools
