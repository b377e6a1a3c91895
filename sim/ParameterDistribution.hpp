// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <string>
#include <vector>

namespace carecap::sim {

/// The distribution of one uncertain parameter of a sweep, applied to a point u in (0, 1) of a
/// sampling design through its quantile function (inverse CDF), so that designs built on the
/// unit cube (Latin hypercube, Sobol, grid) carry over to any distribution.
class ParameterDistribution {
public:
  enum class Kind { uniform, normal, triangular, lognormal, discrete };

  /// Constructors check their parameters and throw std::invalid_argument with one sentence
  /// saying what was expected (the loader adds the file and key).
  static ParameterDistribution uniform(double min, double max);             // min < max
  static ParameterDistribution normal(double mean, double sd);              // sd > 0
  static ParameterDistribution triangular(double min, double mode, double max);  // min <= mode <= max, min < max
  static ParameterDistribution lognormal(double mu, double sigma);          // of log X; sigma > 0
  /// One of `count` alternatives with the given weights (empty: equal weights); weights >= 0, sum > 0.
  static ParameterDistribution discrete(std::size_t count, std::vector<double> weights = {});

  /// The value at u in (0, 1): the quantile for continuous kinds, the index of the alternative
  /// (as a double) for discrete. u is clamped to [1e-12, 1 - 1e-12] so that unbounded kinds stay finite.
  [[nodiscard]] double at(double u) const;

  [[nodiscard]] Kind kind() const { return kind_; }
  /// The parameters as given: uniform min, max; normal mean, sd; triangular min, mode, max;
  /// lognormal mu, sigma; none for discrete.
  [[nodiscard]] const std::vector<double>& parameters() const { return parameters_; }
  /// Number of alternatives of a discrete distribution (0 for continuous kinds).
  [[nodiscard]] std::size_t alternatives() const { return kind_ == Kind::discrete ? weights_.size() : 0; }
  /// The points of a full grid with `levels` levels: for continuous kinds the quantiles at
  /// (k + 1/2) / levels, for discrete kinds every alternative once (levels is ignored).
  [[nodiscard]] std::vector<double> grid_points(int levels) const;
  /// "uniform(1, 2)" and the like, for messages and file attributes.
  [[nodiscard]] std::string describe() const;

private:
  ParameterDistribution(Kind kind, std::vector<double> parameters) : kind_(kind), parameters_(std::move(parameters)) {}
  Kind kind_;
  std::vector<double> parameters_;
  std::vector<double> weights_;  // discrete: normalised cumulative weights
};

}  // namespace carecap::sim
