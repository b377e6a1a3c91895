// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <cstdint>
#include <vector>

namespace carecap::sim {

/// First-order and total Sobol sensitivity indices of one output, with bootstrap confidence intervals.
struct SobolIndices {
  std::vector<double> first_order;        // S_i, one per parameter
  std::vector<double> total;              // S_Ti
  std::vector<double> first_order_low, first_order_high;  // 95% bootstrap percentile interval
  std::vector<double> total_low, total_high;
  double variance = 0;                    // of the output over the A and B rows
};

/// Estimates the indices from the outputs of a Saltelli design (make_design(saltelli, N, d)),
/// in its row order: blocks of d + 2 (f(A_j), f(B_j), f(AB_j^(i)) for i = 1..d). First order:
/// Saltelli et al. (2010), S_i = mean(f(B) (f(AB^(i)) - f(A))) / V; total: Jansen (1999),
/// S_Ti = mean((f(A) - f(AB^(i)))^2) / 2V; V is the variance of f(A) and f(B) together.
/// Intervals: percentiles 2.5 and 97.5 of `bootstrap` resamples of the N base rows, drawn from
/// a stream of `seed` (none when bootstrap = 0: the bounds are NaN). Indices are NaN when the
/// output does not vary or holds a NaN. f(B) is centred on the mean of f(A) and f(B) in the
/// first-order estimator (same expectation, smaller error for outputs with a large mean); a
/// bootstrap resample whose outputs do not vary is left out of the intervals.
[[nodiscard]] SobolIndices estimate_sobol_indices(const std::vector<double>& outputs, std::size_t dimensions,
                                                  int bootstrap, std::uint64_t seed);

}  // namespace carecap::sim
