// carecap. SPDX-License-Identifier: MIT
#include "sim/ReplicationSummary.hpp"

#include "sim/Quantiles.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>

namespace carecap::sim {

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
