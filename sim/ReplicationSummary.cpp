// carecap. SPDX-License-Identifier: MIT
#include "sim/ReplicationSummary.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>

namespace carecap::sim {
namespace {

double quantile_type7(const std::vector<double>& sorted, double p) {
  const double h = (static_cast<double>(sorted.size()) - 1.0) * p;
  const auto below = static_cast<std::size_t>(std::floor(h));
  const std::size_t above = std::min(below + 1, sorted.size() - 1);
  const double fraction = h - static_cast<double>(below);
  // Exact order statistics need no interpolation (which would turn equal infinities into NaN).
  if (fraction == 0.0 || sorted[above] == sorted[below]) return sorted[below];
  return sorted[below] + fraction * (sorted[above] - sorted[below]);
}

}  // namespace

std::array<std::vector<double>, 4> summarise_replications(const std::vector<std::vector<double>>& samples) {
  assert(!samples.empty());
  const std::size_t n = samples.front().size();
  std::array<std::vector<double>, 4> out;
  for (auto& statistic : out) statistic.assign(n, 0.0);
  std::vector<double> column(samples.size());
  for (std::size_t i = 0; i < n; ++i) {
    double sum = 0.0;
    bool has_nan = false;
    for (std::size_t r = 0; r < samples.size(); ++r) {
      assert(samples[r].size() == n);
      column[r] = samples[r][i];
      sum += column[r];
      has_nan = has_nan || std::isnan(column[r]);
    }
    if (has_nan) {  // NaN has no place in an order (std::sort would be undefined): no statistic
      for (auto& statistic : out) statistic[i] = std::numeric_limits<double>::quiet_NaN();
      continue;
    }
    std::sort(column.begin(), column.end());
    out[0][i] = sum / static_cast<double>(samples.size());
    out[1][i] = quantile_type7(column, 0.05);
    out[2][i] = quantile_type7(column, 0.50);
    out[3][i] = quantile_type7(column, 0.95);
  }
  return out;
}

}  // namespace carecap::sim
