// carecap. SPDX-License-Identifier: MIT
// The care-worker stock with flows (models/workforce/WorkforceFlow.hpp) against its closed form
// and hand-computed years.
#include <doctest/doctest.h>

#include <cmath>

#include "models/workforce/WorkforceFlow.hpp"

using carecap::workforce::project_workforce;
using carecap::workforce::WorkforceParameters;

TEST_CASE("a stock with a leaving rate and constant entrants follows the closed form") {
  // S_t = E / l + (S_0 - E / l) (1 - l)^t: 100 workers, 20% leave a year, 30 enter a year
  // (10 other entrants and 25 trained of whom 80% take up care work): the stock tends to 150.
  WorkforceParameters p;
  p.base_staff = {100.0};
  p.leaving_rate = 0.2;
  p.other_entrants_per_year = 10.0;
  p.trained_per_year = std::vector<double>(30, 25.0);
  p.trained_entering_share = 0.8;
  p.entrant_region_share = {1.0};
  const auto years = project_workforce(p, 30);
  REQUIRE(years.size() == 30);
  for (int t = 1; t <= 30; ++t)
    CHECK(years[static_cast<std::size_t>(t - 1)].staff_end[0] == doctest::Approx(150.0 - 50.0 * std::pow(0.8, t)).epsilon(1e-12));
  CHECK(years[0].leavers[0] == doctest::Approx(20.0));
  CHECK(years[0].trained[0] == doctest::Approx(20.0));
  CHECK(years[1].staff_start[0] == years[0].staff_end[0]);
}

TEST_CASE("entrants go to the regions by their shares and projects bring their own staff") {
  WorkforceParameters p;
  p.base_staff = {40.0, 10.0};
  p.leaving_rate = 0.25;
  p.other_entrants_per_year = 4.0;
  p.trained_per_year = {48.0, 48.0};  // Bei'an's 240 care workers over five years, the first two
  p.entrant_region_share = {0.75, 0.25};
  p.project_staff = {{0.0, 0.0}, {0.0, 17.0}};  // a project opening in the second year in region 1
  const auto years = project_workforce(p, 3);
  // Year 1: 40 - 10 + 3 + 36 = 69; 10 - 2.5 + 1 + 12 = 20.5.
  CHECK(years[0].staff_end[0] == doctest::Approx(69.0));
  CHECK(years[0].staff_end[1] == doctest::Approx(20.5));
  // Year 2: 69 - 17.25 + 3 + 36 = 90.75; the project's 17 join on 1 January: 20.5 + 17 = 37.5
  // open the year, 9.375 of them leave, 37.5 - 9.375 + 1 + 12 = 41.125.
  CHECK(years[1].staff_end[0] == doctest::Approx(90.75));
  CHECK(years[1].staff_open[1] == doctest::Approx(37.5));
  CHECK(years[1].leavers[1] == doctest::Approx(9.375));
  CHECK(years[1].staff_end[1] == doctest::Approx(41.125));
  // Year 3: no one trained (the programme's years are over): leavers and other entrants only.
  CHECK(years[2].trained[0] == 0.0);
  CHECK(years[2].staff_end[0] == doctest::Approx(90.75 * 0.75 + 3.0));
}
