// carecap. SPDX-License-Identifier: MIT
#include "sim/Quantiles.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace carecap::sim {

double quantile_type7(const std::vector<double>& sorted, double p) {
  const double h = (static_cast<double>(sorted.size()) - 1.0) * p;
  const auto below = static_cast<std::size_t>(std::floor(h));
  const std::size_t above = std::min(below + 1, sorted.size() - 1);
  const double fraction = h - static_cast<double>(below);
  // Exact order statistics need no interpolation (which would turn equal infinities into NaN).
  if (fraction == 0.0 || sorted[above] == sorted[below]) return sorted[below];
  return sorted[below] + fraction * (sorted[above] - sorted[below]);
}

std::vector<double> sample_quantiles(std::vector<double> values, const std::vector<double>& probabilities) {
  const bool usable = !values.empty() && std::none_of(values.begin(), values.end(), [](double v) { return std::isnan(v); });
  std::vector<double> out(probabilities.size(), std::numeric_limits<double>::quiet_NaN());
  if (!usable) return out;
  std::sort(values.begin(), values.end());
  for (std::size_t k = 0; k < probabilities.size(); ++k) out[k] = quantile_type7(values, probabilities[k]);
  return out;
}

}  // namespace carecap::sim
