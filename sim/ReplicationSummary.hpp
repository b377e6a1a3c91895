// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <array>
#include <vector>

namespace carecap::sim {

/// Statistics reported across replications, in this order.
inline constexpr std::array<const char*, 4> kSummaryStatistics{"mean", "p5", "p50", "p95"};

/// Element-wise mean and 5th, 50th and 95th percentiles of equally long samples, one per
/// replication. Percentiles interpolate linearly between order statistics (Hyndman & Fan type 7,
/// numpy's and R's default). An element with a NaN in any replication has every statistic NaN.
/// Result: [statistic][element].
[[nodiscard]] std::array<std::vector<double>, 4> summarise_replications(
    const std::vector<std::vector<double>>& samples);

}  // namespace carecap::sim
