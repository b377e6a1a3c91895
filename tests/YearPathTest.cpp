// carecap. SPDX-License-Identifier: MIT
#include "models/demography/YearPath.hpp"

#include <doctest/doctest.h>

#include "sim/Errors.hpp"

using carecap::demography::YearPath;

TEST_CASE("a year path interpolates linearly between anchors and returns anchors exactly") {
  const YearPath tfr({{2024, 1.0}, {2034, 1.5}, {2050, 1.5}});
  CHECK(tfr.at(2024) == 1.0);
  CHECK(tfr.at(2029) == doctest::Approx(1.25));
  CHECK(tfr.at(2034) == 1.5);
  CHECK(tfr.at(2040) == doctest::Approx(1.5));
  CHECK(tfr.first_year() == 2024);
  CHECK(tfr.last_year() == 2050);
}

TEST_CASE("a year outside the anchors is reported, not read out of bounds") {
  const YearPath tfr({{2024, 1.0}, {2030, 1.2}});
  CHECK_THROWS_AS((void)tfr.at(2031), carecap::RuntimeFault);
  CHECK_THROWS_AS((void)tfr.at(2023), carecap::RuntimeFault);
}
