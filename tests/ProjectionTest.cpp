// carecap. SPDX-License-Identifier: MIT
// Hand-computable cases of the cohort-component step (models/demography/Projection.cpp).
#include "models/demography/Projection.hpp"

#include <doctest/doctest.h>

#include "TestSupport.hpp"
#include "models/demography/ProjectionRecorder.hpp"

using namespace carecap::demography;
using carecap::testing::flat_year;

namespace {

ProjectionResult run_one(const AgeSexTable& base, const std::vector<YearRates>& years) {
  RateSchedule schedule{years.front().year, years};
  ProjectionRecorder recorder;
  project_deterministic(base, schedule, recorder);
  return recorder.take_result();
}

}  // namespace

TEST_CASE("a single cohort survives by its survival ratio and moves up one year of age") {
  // 1 000 women aged 30 on 1 Jan 2024; survival ratio 0.9 everywhere.
  // Expected 1 Jan 2025: 900 aged 31; 100 deaths recorded at age 31; 1 July 2024 at age 30: 500.
  AgeSexTable base;
  base[Sex::female][30] = 1000;
  const auto r = run_one(base, {flat_year(2024, 0.9)});
  CHECK(r.population_jan1[1][Sex::female][31] == doctest::Approx(900));
  CHECK(r.population_jan1[1][Sex::female][30] == 0);
  CHECK(r.deaths[0][Sex::female][31] == doctest::Approx(100));
  CHECK(r.population_jul1[0][Sex::female][30] == doctest::Approx(500));
  CHECK(r.population_jul1[0][Sex::female][31] == doctest::Approx(450));
}

TEST_CASE("with zero mortality everyone ages one year and nobody dies") {
  AgeSexTable base;
  for (int a = 0; a <= kOpenAge; ++a) base[Sex::male][a] = 10.0 + a;
  const auto r = run_one(base, {flat_year(2024, 1.0), flat_year(2025, 1.0)});
  // After two years age 50 holds those aged 48 at the start.
  CHECK(r.population_jan1[2][Sex::male][50] == doctest::Approx(58));
  CHECK(r.deaths[0].sum_both() == 0);
  CHECK(r.population_jan1[2].sum_both() == doctest::Approx(base.sum_both()));
}

TEST_CASE("the open interval 100+ takes survivors of ages 99 and 100+ at the T100/T99 ratio") {
  // 100 people aged 99 and 50 aged 100+; the open-interval survival ratio is 0.5.
  AgeSexTable base;
  base[Sex::female][99] = 100;
  base[Sex::female][100] = 50;
  YearRates year = flat_year(2024, 1.0);
  year.survival[1][kOpenAge] = 0.5;
  const auto r = run_one(base, {year});
  CHECK(r.population_jan1[1][Sex::female][100] == doctest::Approx(75));
  CHECK(r.deaths[0][Sex::female][100] == doctest::Approx(75));
}

TEST_CASE("births are ASFR times mean women exposed, split by the sex ratio at birth") {
  // 1 000 women aged 29 and 1 000 aged 30 on 1 Jan; no deaths; ASFR 0.1 at age 30 only.
  // Women aged 30: 1 000 at the start, 1 000 at the end (the 29s aged) -> births = 0.1 x 1 000 = 100.
  // Sex ratio at birth 1.05 -> male share 1.05/2.05.
  AgeSexTable base;
  base[Sex::female][29] = 1000;
  base[Sex::female][30] = 1000;
  YearRates year = flat_year(2024, 1.0);
  year.asfr[30] = 0.1;
  year.male_birth_share = 1.05 / 2.05;
  const auto r = run_one(base, {year});
  CHECK(r.births[0].sum_both() == doctest::Approx(100));
  CHECK(r.births[0][Sex::male][30] == doctest::Approx(100 * 1.05 / 2.05));
  CHECK(r.births[0][Sex::female][30] == doctest::Approx(100 / 2.05));
  CHECK(r.population_jan1[1][Sex::male][0] == doctest::Approx(100 * 1.05 / 2.05));

  SUBCASE("births reach age 0 on 1 January next at the L0/l0 survival ratio") {
    year.survival[0][0] = 0.99;
    year.survival[1][0] = 0.99;
    const auto r2 = run_one(base, {year});
    CHECK(r2.population_jan1[1][Sex::female][0] == doctest::Approx(0.99 * 100 / 2.05));
    CHECK(r2.deaths[0][Sex::female][0] == doctest::Approx(0.01 * 100 / 2.05));
  }
}

TEST_CASE("net migrants join at year end and never take an age below zero") {
  // 10 men aged 40 -> 10 aged 41 on 1 Jan next; +5 migrants at 41, -30 at 20 (nobody there).
  AgeSexTable base;
  base[Sex::male][40] = 10;
  YearRates year = flat_year(2024, 1.0);
  year.net_migrants[Sex::male][41] = 5;
  year.net_migrants[Sex::male][20] = -30;
  const auto r = run_one(base, {year});
  CHECK(r.population_jan1[1][Sex::male][41] == doctest::Approx(15));
  CHECK(r.population_jan1[1][Sex::male][20] == 0);
  CHECK(r.net_migrants[0][Sex::male][20] == 0);  // the migrants actually applied are recorded
  CHECK(r.net_migrants[0][Sex::male][41] == 5);
  // 1 July is the mean of the two 1 Januarys, migrants included.
  CHECK(r.population_jul1[0][Sex::male][41] == doctest::Approx(7.5));
}
