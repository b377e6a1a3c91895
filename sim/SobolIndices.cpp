// carecap. SPDX-License-Identifier: MIT
#include "sim/SobolIndices.hpp"

#include <algorithm>
#include <boost/random/uniform_int_distribution.hpp>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "sim/Quantiles.hpp"
#include "sim/RandomStreams.hpp"

namespace carecap::sim {
namespace {

constexpr std::uint64_t kBootstrapStream = 0x424f4f54ull;  // "BOOT"
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// Indices from the base rows `rows` (indices j into the N blocks, repeats allowed).
void estimate(const std::vector<double>& f, std::size_t d, const std::vector<std::size_t>& rows,
              std::vector<double>& first, std::vector<double>& total, double& variance) {
  const std::size_t block = d + 2;
  double sum = 0;
  for (std::size_t j : rows) sum += f[j * block] + f[j * block + 1];
  const double n = 2.0 * static_cast<double>(rows.size());
  const double mean = sum / n;
  double squares = 0;  // two passes: no cancellation for outputs with a large mean (years, costs)
  for (std::size_t j : rows)
    for (std::size_t k : {std::size_t{0}, std::size_t{1}}) squares += (f[j * block + k] - mean) * (f[j * block + k] - mean);
  variance = squares / n;
  first.assign(d, kNaN);
  total.assign(d, kNaN);
  if (!(variance > 0)) return;
  for (std::size_t i = 0; i < d; ++i) {
    double s1 = 0, st = 0;
    for (std::size_t j : rows) {
      const double a = f[j * block], b = f[j * block + 1], ab = f[j * block + 2 + i];
      s1 += (b - mean) * (ab - a);  // centred f_B: the same expectation, far less noise when the mean is large
      st += (a - ab) * (a - ab);
    }
    first[i] = s1 / static_cast<double>(rows.size()) / variance;
    total[i] = st / (2.0 * static_cast<double>(rows.size())) / variance;
  }
}

}  // namespace

SobolIndices estimate_sobol_indices(const std::vector<double>& outputs, std::size_t dimensions, int bootstrap,
                                    std::uint64_t seed) {
  const std::size_t block = dimensions + 2;
  if (dimensions == 0 || outputs.empty() || outputs.size() % block != 0)
    throw std::invalid_argument("expected the outputs of a Saltelli design: N blocks of d + 2 runs");
  const std::size_t n = outputs.size() / block;
  SobolIndices result;
  const auto nan_row = std::vector<double>(dimensions, kNaN);
  result.first_order_low = result.first_order_high = result.total_low = result.total_high = nan_row;
  if (std::any_of(outputs.begin(), outputs.end(), [](double v) { return std::isnan(v); })) {
    result.first_order = result.total = nan_row;
    result.variance = kNaN;
    return result;
  }
  std::vector<std::size_t> rows(n);
  for (std::size_t j = 0; j < n; ++j) rows[j] = j;
  estimate(outputs, dimensions, rows, result.first_order, result.total, result.variance);
  if (bootstrap <= 0 || !(result.variance > 0)) return result;

  RandomEngine engine = RandomStreams(seed).stream(0, kBootstrapStream);
  boost::random::uniform_int_distribution<std::size_t> pick(0, n - 1);
  std::vector<std::vector<double>> first_samples(dimensions), total_samples(dimensions);
  std::vector<double> first, total;
  double variance = 0;
  for (int b = 0; b < bootstrap; ++b) {
    for (std::size_t& j : rows) j = pick(engine);
    estimate(outputs, dimensions, rows, first, total, variance);
    if (!(variance > 0)) continue;  // a resample of equal outputs has no indices; it is left out
    for (std::size_t i = 0; i < dimensions; ++i) {
      first_samples[i].push_back(first[i]);
      total_samples[i].push_back(total[i]);
    }
  }
  for (std::size_t i = 0; i < dimensions; ++i) {
    const auto f = sample_quantiles(first_samples[i], {0.025, 0.975});
    const auto t = sample_quantiles(total_samples[i], {0.025, 0.975});
    result.first_order_low[i] = f[0];
    result.first_order_high[i] = f[1];
    result.total_low[i] = t[0];
    result.total_high[i] = t[1];
  }
  return result;
}

}  // namespace carecap::sim
