// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <vector>

#include "models/ResultSeries.hpp"
#include "models/supply/CapacityResult.hpp"
#include "scenarios/loader/Scenario.hpp"
#include "tools/run/ScenarioRun.hpp"

namespace carecap::tools {

/// The replications' wait histograms summed year by year, stream by stream and class by class
/// ([year][stream][class], the shape of each replication's; every replication must have it).
/// The bins are the same in every replication (supply::wait_bin), so the sum is the histogram of
/// all the replications' waits together.
[[nodiscard]] supply::YearlyWaits pool_waits(const std::vector<supply::YearlyWaits>& replications);

/// Both priority classes of one year and stream in one histogram.
[[nodiscard]] supply::WaitHistogram both_classes(const std::array<supply::WaitHistogram, supply::kPriorityClassCount>& classes);

/// The run group `capacity_waits` (output/SCHEMA.md) of a run of a scenario with [supply]: the
/// quantiles of the waits of all replications pooled, by (year, bed type needed, region) and by
/// priority class, the number of admissions behind them, and the pooled shares of people whose
/// wait ended in the year who waited at all and who waited longer than capacity.wait_target_days
/// (ratios of sums over replications). Each year's pooled quantile estimates the quantile of
/// that year's wait distribution, which a mean of the replications' own quantiles does not when a
/// replication-year holds few, correlated waits (docs/capacity.md).
[[nodiscard]] ResultGroup capacity_waits_group(const scenarios::Scenario& scenario, const ScenarioRunResult& run);

}  // namespace carecap::tools
