// carecap. SPDX-License-Identifier: MIT
#include "models/demography/LifeTable.hpp"

#include <doctest/doctest.h>

#include "TestSupport.hpp"
#include "scenarios/loader/AgeTables.hpp"
#include <cmath>

using namespace carecap::demography;

TEST_CASE("Andreev-Kingkade a0 follows the three published segments for each sex") {
  // Andreev & Kingkade (2015), Table 3: a0 as a function of m0.
  CHECK(andreev_kingkade_a0(0.01, Sex::male) == doctest::Approx(0.14929 - 1.99545 * 0.01));
  CHECK(andreev_kingkade_a0(0.05, Sex::male) == doctest::Approx(0.02832 + 3.26201 * 0.05));
  CHECK(andreev_kingkade_a0(0.10, Sex::male) == doctest::Approx(0.29915));
  CHECK(andreev_kingkade_a0(0.01, Sex::female) == doctest::Approx(0.14903 - 2.05527 * 0.01));
  CHECK(andreev_kingkade_a0(0.05, Sex::female) == doctest::Approx(0.04667 + 3.88089 * 0.05));
  CHECK(andreev_kingkade_a0(0.10, Sex::female) == doctest::Approx(0.31411));
}

TEST_CASE("a constant death rate gives a hand-computable life table") {
  // mx = 0.02 at every age, females. m0 is in the middle segment: a0 = 0.04667 + 3.88089 * 0.02.
  AgeVector mx;
  mx.fill(0.02);
  const LifeTable t = build_life_table(mx, Sex::female);
  const double a0 = 0.04667 + 3.88089 * 0.02;
  const double q0 = 0.02 / (1 + (1 - a0) * 0.02);
  const double q = 0.02 / (1 + 0.5 * 0.02);  // ages 1..99, ax = 0.5
  CHECK(t.qx[0] == doctest::Approx(q0));
  CHECK(t.lx[1] == doctest::Approx(1 - q0));
  CHECK(t.lx[50] == doctest::Approx((1 - q0) * std::pow(1 - q, 49)));
  CHECK(t.Lx[0] == doctest::Approx(t.lx[1] + a0 * q0));
  CHECK(t.Lx[10] == doctest::Approx(0.5 * (t.lx[10] + t.lx[11])));

  SUBCASE("the open interval 100+ lives 1/m100 years on average") {
    CHECK(t.Lx[100] == doctest::Approx(t.lx[100] / 0.02));
    CHECK(t.life_expectancy(100) == doctest::Approx(50.0));
  }
  SUBCASE("survival ratios are Lx / Lx-1, L0 / l0 for births and T100 / T99 for the open interval") {
    const AgeVector s = survival_ratios(t);
    CHECK(s[0] == doctest::Approx(t.Lx[0]));
    CHECK(s[37] == doctest::Approx(t.Lx[37] / t.Lx[36]));
    CHECK(s[100] == doctest::Approx(t.Tx[100] / t.Tx[99]));
  }
}

TEST_CASE("the WPP 2024 death rates reproduce WPP's published e0 for China in every year") {
  // Reference: e0_medium.csv (UN WPP 2024 official life expectancy at birth, 2015-2100);
  // mx_medium.csv is calibrated to reproduce it with these conventions (derive_mx_medium.py).
  const auto e0 = carecap::testing::read_reference_csv("scenarios/data/china_wpp2024/e0_medium.csv");
  const auto mx = carecap::scenarios::read_year_age_sex_long(
      carecap::testing::source_path("scenarios/data/china_wpp2024/mx_medium.csv"), "mx",
      carecap::scenarios::NumberRule::positive, 10.0);
  for (std::size_t i = 0; i < e0.at("year").size(); ++i) {
    const int year = static_cast<int>(e0.at("year")[i]);
    CAPTURE(year);
    CHECK(build_life_table(mx.at(year)[Sex::male], Sex::male).life_expectancy() ==
          doctest::Approx(e0.at("e0_male")[i]).epsilon(1e-5));
    CHECK(build_life_table(mx.at(year)[Sex::female], Sex::female).life_expectancy() ==
          doctest::Approx(e0.at("e0_female")[i]).epsilon(1e-5));
    CHECK(build_life_table(mx.at(year)[Sex::female], Sex::female).life_expectancy(65) ==
          doctest::Approx(e0.at("e65_female")[i]).epsilon(1e-5));
  }
}
