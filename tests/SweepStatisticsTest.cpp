// carecap. SPDX-License-Identifier: MIT
// Specification of the sweep's statistics: sample quantiles, parameter distributions, sampling
// designs and Sobol indices, each against a reference outside the code.
#include <doctest/doctest.h>

#include <algorithm>
#include <boost/random/normal_distribution.hpp>
#include <boost/random/uniform_01.hpp>
#include <cmath>
#include <stdexcept>

#include "sim/ParameterDistribution.hpp"
#include "sim/Quantiles.hpp"
#include "sim/RandomStreams.hpp"
#include "sim/SamplingDesign.hpp"
#include "sim/SobolIndices.hpp"

using namespace carecap::sim;

namespace {
const std::vector<double> kFan{0.05, 0.25, 0.50, 0.75, 0.95};
// Standard normal quantiles at 5, 25, 50, 75, 95% (Abramowitz & Stegun, table 26.5).
const std::vector<double> kNormalFan{-1.644854, -0.674490, 0.0, 0.674490, 1.644854};
}  // namespace

TEST_CASE("sample quantiles are type 7, as numpy.quantile and R's quantile() compute them") {
  // numpy.quantile([1, ..., 10], [0.05, 0.25, 0.5, 0.75, 0.95]) = [1.45, 3.25, 5.5, 7.75, 9.55]
  const auto q = sample_quantiles({10, 9, 8, 7, 6, 5, 4, 3, 2, 1}, kFan);
  const std::vector<double> numpy{1.45, 3.25, 5.5, 7.75, 9.55};
  for (std::size_t k = 0; k < q.size(); ++k) CHECK(q[k] == doctest::Approx(numpy[k]));
  CHECK(std::isnan(sample_quantiles({1.0, std::nan("")}, {0.5})[0]));
  CHECK(std::isnan(sample_quantiles({}, {0.5})[0]));
}

TEST_CASE("sample quantiles of 200,000 draws approach the known quantiles of their distribution") {
  RandomEngine engine = RandomStreams(7).stream(0, 1);
  boost::random::normal_distribution<double> normal;
  boost::random::uniform_01<double> uniform;
  std::vector<double> normals, uniforms;
  for (int i = 0; i < 200000; ++i) {
    normals.push_back(normal(engine));
    uniforms.push_back(uniform(engine));
  }
  const auto qn = sample_quantiles(normals, kFan);
  const auto qu = sample_quantiles(uniforms, kFan);
  // Standard error of a sample quantile: sqrt(p (1 - p) / n) / density, below 0.008 here.
  for (std::size_t k = 0; k < kFan.size(); ++k) {
    CHECK(std::abs(qn[k] - kNormalFan[k]) < 0.025);
    CHECK(std::abs(qu[k] - kFan[k]) < 0.005);
  }
}

TEST_CASE("parameter distributions map a design point through their quantile function") {
  CHECK(ParameterDistribution::uniform(2, 4).at(0.25) == doctest::Approx(2.5));
  CHECK(ParameterDistribution::normal(10, 2).at(0.975) == doctest::Approx(10 + 2 * 1.959964));
  CHECK(ParameterDistribution::triangular(0, 1, 2).at(0.5) == doctest::Approx(1.0));
  // Triangular(0, 0, 1): F(x) = 1 - (1 - x)^2, so the 0.75 quantile is 0.5.
  CHECK(ParameterDistribution::triangular(0, 0, 1).at(0.75) == doctest::Approx(0.5));
  CHECK(ParameterDistribution::lognormal(0, 1).at(0.5) == doctest::Approx(1.0));
  CHECK(ParameterDistribution::lognormal(std::log(3.0), 0.5).at(0.841345) == doctest::Approx(3 * std::exp(0.5)).epsilon(1e-4));
  const auto choice = ParameterDistribution::discrete(3, {1, 2, 1});
  CHECK(choice.at(0.2) == 0);
  CHECK(choice.at(0.5) == 1);
  CHECK(choice.at(0.9) == 2);
  CHECK(choice.grid_points(5) == std::vector<double>{0, 1, 2});
  CHECK(ParameterDistribution::uniform(0, 1).grid_points(4) == std::vector<double>{0.125, 0.375, 0.625, 0.875});
  // The tails stay finite at the edges of the cube.
  CHECK(std::isfinite(ParameterDistribution::normal(0, 1).at(0.0)));
}

TEST_CASE("parameter distributions refuse invalid parameters with a sentence saying what was expected") {
  CHECK_THROWS_WITH_AS(ParameterDistribution::uniform(3, 1), "expected finite min < max", std::invalid_argument);
  CHECK_THROWS_AS(ParameterDistribution::normal(0, -1), std::invalid_argument);
  CHECK_THROWS_AS(ParameterDistribution::triangular(0, 3, 2), std::invalid_argument);
  CHECK_THROWS_AS(ParameterDistribution::lognormal(0, 0), std::invalid_argument);
  CHECK_THROWS_AS(ParameterDistribution::discrete(2, {1, -1}), std::invalid_argument);
  CHECK_THROWS_AS(ParameterDistribution::discrete(0), std::invalid_argument);
  CHECK_THROWS_AS(ParameterDistribution::uniform(0, std::nan("")), std::invalid_argument);
}

TEST_CASE("the Sobol design reproduces the published Joe-Kuo sequence") {
  // Joe & Kuo (2008), new-joe-kuo-6.21201: points 1-6 of the 3-dimensional sequence (point 0,
  // the origin, is skipped).
  const std::vector<std::vector<double>> published{{0.5, 0.5, 0.5},     {0.75, 0.25, 0.25},  {0.25, 0.75, 0.75},
                                                   {0.375, 0.375, 0.625}, {0.875, 0.875, 0.125}, {0.625, 0.125, 0.875}};
  CHECK(make_design(DesignKind::sobol, 6, 3, 0) == published);
}

TEST_CASE("a Latin hypercube puts exactly one point in each of the N strata of every dimension") {
  const auto rows = make_design(DesignKind::latin_hypercube, 50, 4, 11);
  REQUIRE(rows.size() == 50);
  for (std::size_t i = 0; i < 4; ++i) {
    std::vector<int> hits(50, 0);
    for (const auto& row : rows) hits[static_cast<std::size_t>(row[i] * 50)]++;
    CHECK(std::all_of(hits.begin(), hits.end(), [](int h) { return h == 1; }));
  }
  CHECK(make_design(DesignKind::latin_hypercube, 50, 4, 11) == rows);  // same seed, same design
  CHECK(make_design(DesignKind::latin_hypercube, 50, 4, 12) != rows);
}

TEST_CASE("designs have the documented sizes and refuse to be empty") {
  CHECK(make_design(DesignKind::grid, 0, 2, 0, {3, 2}) ==
        std::vector<std::vector<double>>{{0, 0}, {0, 1}, {1, 0}, {1, 1}, {2, 0}, {2, 1}});
  CHECK(make_design(DesignKind::saltelli, 8, 3, 0).size() == 8 * 5);
  CHECK_THROWS_AS(make_design(DesignKind::sobol, 0, 3, 0), std::invalid_argument);
  CHECK_THROWS_AS(make_design(DesignKind::random, 10, 0, 0), std::invalid_argument);
  CHECK_THROWS_AS(make_design(DesignKind::grid, 0, 2, 0, {3, 0}), std::invalid_argument);
  CHECK(design_from_name("saltelli") == DesignKind::saltelli);
  CHECK_THROWS_AS((void)design_from_name("halton"), std::invalid_argument);
}

TEST_CASE("Sobol indices of the Ishigami function match their analytic values") {
  // Ishigami & Homma (1990): f = sin x1 + a sin^2 x2 + b x3^4 sin x1, x ~ U(-pi, pi)^3, a = 7,
  // b = 0.1. Analytic indices (Saltelli et al. 2008, Global Sensitivity Analysis, 4.7):
  // S = (0.3139, 0.4424, 0), S_T = (0.5576, 0.4424, 0.2437).
  const double a = 7, b = 0.1, pi = 3.14159265358979323846;
  const std::size_t d = 3, n = 8192;
  const auto x = ParameterDistribution::uniform(-pi, pi);
  std::vector<double> f;
  for (const auto& row : make_design(DesignKind::saltelli, n, d, 0)) {
    const double x1 = x.at(row[0]), x2 = x.at(row[1]), x3 = x.at(row[2]);
    f.push_back(std::sin(x1) + a * std::sin(x2) * std::sin(x2) + b * std::pow(x3, 4) * std::sin(x1));
  }
  const SobolIndices s = estimate_sobol_indices(f, d, 200, 1);
  const double v = a * a / 8 + b * std::pow(pi, 4) / 5 + b * b * std::pow(pi, 8) / 18 + 0.5;
  const double v1 = 0.5 * std::pow(1 + b * std::pow(pi, 4) / 5, 2), v2 = a * a / 8;
  const double v13 = b * b * std::pow(pi, 8) * (1.0 / 18 - 1.0 / 50);
  const std::vector<double> first{v1 / v, v2 / v, 0.0}, total{(v1 + v13) / v, v2 / v, v13 / v};
  CHECK(first[0] == doctest::Approx(0.3139).epsilon(1e-3));  // the closed form gives the published values
  CHECK(total[2] == doctest::Approx(0.2437).epsilon(1e-3));
  CHECK(s.variance == doctest::Approx(v).epsilon(0.01));
  for (std::size_t i = 0; i < d; ++i) {
    CAPTURE(i);
    CHECK(std::abs(s.first_order[i] - first[i]) < 0.02);
    CHECK(std::abs(s.total[i] - total[i]) < 0.02);
    CHECK(s.first_order_low[i] <= first[i] + 0.01);  // the bootstrap interval covers the true value
    CHECK(s.first_order_high[i] >= first[i] - 0.01);
    CHECK(s.total_low[i] <= total[i] + 0.01);
    CHECK(s.total_high[i] >= total[i] - 0.01);
    CHECK(s.first_order_high[i] - s.first_order_low[i] < 0.1);
  }
}

TEST_CASE("Sobol indices of an output that does not vary are NaN, not a division by zero") {
  const std::vector<double> flat(5 * 16, 3.0);
  const auto s = estimate_sobol_indices(flat, 3, 10, 1);
  CHECK(std::isnan(s.first_order[0]));
  CHECK(std::isnan(s.total[2]));
  CHECK_THROWS_AS(estimate_sobol_indices(std::vector<double>(7, 1.0), 3, 0, 1), std::invalid_argument);
}
