// carecap. SPDX-License-Identifier: MIT
// Base populations from what a county publishes (models/demography/SyntheticPopulation.cpp):
// every given figure reproduced, a smooth adjustment of the standard, bad groups refused.
#include "models/demography/SyntheticPopulation.hpp"

#include <doctest/doctest.h>

#include <cmath>

#include "scenarios/loader/PopulationGroupsLoader.hpp"
#include "sim/Errors.hpp"

using namespace carecap;
using namespace carecap::demography;

namespace {

AgeSexTable china_2020() {
  return scenarios::read_population_groups("scenarios/beian/population_groups.toml").standard;
}

/// The factor applied to the standard's both-sex count at each age.
double factor(const AgeSexTable& result, const AgeSexTable& standard, int age) {
  return result.sum_both(age, age) / standard.sum_both(age, age);
}

}  // namespace

TEST_CASE("Bei'an's published figures are reproduced exactly") {
  // Plan (北政办规〔2023〕9号, 2023-10-17): 70,000 aged 60+ = 25% of the
  // population at the end of 2020, so 280,000; about 2,709 children under 3.
  const auto file = scenarios::read_population_groups("scenarios/beian/population_groups.toml");
  const AgeSexTable p = synthesize_population(file.groups, file.standard);
  CHECK(p.sum_both() == doctest::Approx(280000).epsilon(1e-12));
  CHECK(p.sum_both(60, 100) == doctest::Approx(70000).epsilon(1e-12));
  CHECK(p.sum_both(0, 2) == doctest::Approx(2709).epsilon(1e-12));
  for (int a = 0; a <= 100; ++a) {
    CHECK(p[Sex::male][static_cast<std::size_t>(a)] >= 0);
    CHECK(p[Sex::female][static_cast<std::size_t>(a)] >= 0);
  }
  SUBCASE("the adjustment is smooth: no step in the factor at the group borders 3 and 60") {
    for (int border : {3, 60}) {
      CAPTURE(border);
      const double before = factor(p, file.standard, border - 1), after = factor(p, file.standard, border);
      const double step = std::abs(after - before) / before;
      const double typical = std::abs(factor(p, file.standard, border - 2) - before) / before;
      CHECK(step < 3 * typical + 1e-3);  // the change across the border is like the change before it
    }
  }
  SUBCASE("the sex pattern by age is the standard's when no sex ratio is given") {
    for (int a : {0, 30, 70, 90}) {
      const double standard_share = file.standard.sum(Sex::male, a, a) / file.standard.sum_both(a, a);
      CHECK(p.sum(Sex::male, a, a) / p.sum_both(a, a) == doctest::Approx(standard_share).epsilon(1e-12));
    }
  }
}

TEST_CASE("a total alone scales the standard proportionally; a sex ratio is met exactly") {
  const AgeSexTable standard = china_2020();
  PopulationGroups groups;
  groups.total = 1000000;
  const AgeSexTable p = synthesize_population(groups, standard);
  for (int a : {0, 45, 100}) CHECK(factor(p, standard, a) == doctest::Approx(1e6 / standard.sum_both()).epsilon(1e-6));
  groups.sex_ratio = 98.0;
  const AgeSexTable q = synthesize_population(groups, standard);
  CHECK(100.0 * q.sum(Sex::male) / q.sum(Sex::female) == doctest::Approx(98.0).epsilon(1e-10));
  CHECK(q.sum_both() == doctest::Approx(1e6).epsilon(1e-12));
}

TEST_CASE("Anyang's census groups and 5-year groups are met together") {
  // Anyang end of 2020 (安政办〔2022〕37号, 2022-08-31): 5,476,300 residents, 1,003,300
  // aged 60+, 172,300 under 3; a 5-year group added as a further constraint (an assumption).
  const AgeSexTable standard = china_2020();
  PopulationGroups groups;
  groups.total = 5476300;
  groups.groups = {{"age_60_plus", 60, 100, 1003300}, {"age_0_2", 0, 2, 172300}, {"age_80_84", 80, 84, 80000}};
  const AgeSexTable p = synthesize_population(groups, standard);
  CHECK(p.sum_both() == doctest::Approx(5476300).epsilon(1e-12));
  CHECK(p.sum_both(60, 100) == doctest::Approx(1003300).epsilon(1e-12));
  CHECK(p.sum_both(0, 2) == doctest::Approx(172300).epsilon(1e-12));
  CHECK(p.sum_both(80, 84) == doctest::Approx(80000).epsilon(1e-12));
}

TEST_CASE("groups that contradict each other are refused") {
  const AgeSexTable standard = china_2020();
  PopulationGroups groups;
  groups.total = 100000;
  groups.groups = {{"age_60_plus", 60, 100, 30000}, {"age_65_plus", 65, 100, 20000}, {"age_60_64", 60, 64, 5000}};
  CHECK_THROWS_AS((void)synthesize_population(groups, standard), InputError);  // 20,000 + 5,000 != 30,000
}
