// carecap. SPDX-License-Identifier: MIT
#include "sim/ReplicationSummary.hpp"

#include <doctest/doctest.h>

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
