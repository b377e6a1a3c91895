// carecap. SPDX-License-Identifier: MIT
#include "sim/ReplicationSummary.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <limits>

TEST_CASE("replication summaries give the mean and type-7 percentiles element by element") {
  // Five replications of a two-element series. Element 0: values 1..5; numpy.percentile gives
  // p5 = 1.2, p50 = 3, p95 = 4.8 (linear interpolation, type 7).
  const std::vector<std::vector<double>> samples{{1, 10}, {2, 10}, {3, 10}, {4, 10}, {5, 10}};
  const auto s = carecap::sim::summarise_replications(samples);
  CHECK(s[0][0] == doctest::Approx(3.0));
  CHECK(s[1][0] == doctest::Approx(1.2));
  CHECK(s[2][0] == doctest::Approx(3.0));
  CHECK(s[3][0] == doctest::Approx(4.8));
  CHECK(s[0][1] == doctest::Approx(10.0));
  CHECK(s[3][1] == doctest::Approx(10.0));
}

TEST_CASE("an element with a NaN in any replication has every statistic NaN") {
  // Element 0 has a NaN in the second of five replications; element 1 has none and is unaffected.
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const std::vector<std::vector<double>> samples{{1, 1}, {nan, 2}, {3, 3}, {4, 4}, {5, 5}};
  const auto s = carecap::sim::summarise_replications(samples);
  for (const auto& statistic : s) CHECK(std::isnan(statistic[0]));
  CHECK(s[0][1] == doctest::Approx(3.0));
  CHECK(s[1][1] == doctest::Approx(1.2));
  CHECK(s[2][1] == doctest::Approx(3.0));
  CHECK(s[3][1] == doctest::Approx(4.8));
}

TEST_CASE("infinite values are ordered like any other, and equal infinities are not turned into NaN") {
  const double inf = std::numeric_limits<double>::infinity();
  const std::vector<std::vector<double>> samples{{inf, 1}, {inf, inf}, {inf, 2}};
  const auto s = carecap::sim::summarise_replications(samples);
  for (const auto& statistic : s) CHECK(statistic[0] == inf);
  CHECK(s[2][1] == doctest::Approx(2.0));
  CHECK(s[3][1] == inf);
}
