// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <vector>

namespace carecap::sim {

/// The p-quantile (0 <= p <= 1) of sorted, NaN-free values, interpolating linearly between order
/// statistics: Hyndman & Fan (1996) type 7, the default of R's quantile() and numpy.quantile.
[[nodiscard]] double quantile_type7(const std::vector<double>& sorted, double p);

/// Quantiles of `values` (any order) at each of `probabilities`; all NaN when `values` is empty
/// or holds a NaN (a NaN has no place in an order).
[[nodiscard]] std::vector<double> sample_quantiles(std::vector<double> values, const std::vector<double>& probabilities);

}  // namespace carecap::sim
