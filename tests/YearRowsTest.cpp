// carecap. SPDX-License-Identifier: MIT
#include <doctest/doctest.h>

#include "sim/TimeWeightedMean.hpp"
#include "sim/YearRows.hpp"

using carecap::sim::TimeWeightedMean;
using carecap::sim::YearRows;

TEST_CASE("an event at the year's end instant counts in the next year") {
  YearRows<int> rows(2024.0, 2);
  ++rows.at(0, 2024.5);   // mid-2024
  ++rows.at(1, 2025.0);   // 1 January 2025, before the 2024 year-end sample
  ++rows.at(1, 2025.0);
  const std::vector<int> y2024 = rows.roll(2025.0);
  CHECK(y2024 == std::vector<int>{1, 0});
  CHECK(rows.current() == std::vector<int>{0, 2});  // 2025 starts with the boundary's events
  ++rows.at(0, 2025.99);
  CHECK(rows.roll(2026.0) == std::vector<int>{1, 2});
  CHECK(rows.current() == std::vector<int>{0, 0});  // a rolled year starts empty
}

TEST_CASE("closing a period returns its time average and keeps the level") {
  TimeWeightedMean m;
  m.start(0.0, 2.0);
  m.change(0.25, 6.0);  // 2 for a quarter, 6 for three quarters: mean 5
  CHECK(m.close(1.0) == doctest::Approx(5.0));
  CHECK(m.level() == 6.0);
  CHECK(m.close(2.0) == doctest::Approx(6.0));  // the next period starts at the level left
}
