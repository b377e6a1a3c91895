// carecap. SPDX-License-Identifier: MIT
// Calibration (models/demography/Calibration): the fertility scale that reproduces observed births
// and the migration level that reproduces an observed population, checked against closed-form
// cases and against the shipped scenarios, whose TFRs were set by `carecap calibrate`.
#include <doctest/doctest.h>

#include "models/demography/Calibration.hpp"
#include "models/demography/ProjectionRun.hpp"
#include "scenarios/loader/ScenarioLoader.hpp"
#include "sim/Errors.hpp"

using namespace carecap;
using namespace carecap::demography;

namespace {

ProjectionResult project(const ProjectionParameters& p) { return run_projection(p, RunSettings{}, 1).front(); }

/// China's 2024 fertility profile scaled to a TFR path (tests/scenarios/china_tfr_path.toml).
ProjectionParameters china() { return scenarios::load_scenario("tests/scenarios/china_tfr_path.toml").projection; }

/// Migration of `per_year` persons a year, spread evenly over ages 20-39 of both sexes.
ProjectionParameters with_migration(ProjectionParameters p, double per_year) {
  MigrantTotalWithProfile m;
  m.total = YearPath({{p.base_year, per_year}, {p.end_year, per_year}});
  for (int age = 20; age < 40; ++age)
    for (auto sex : {Sex::male, Sex::female}) m.profile[sex][static_cast<std::size_t>(age)] = 1.0 / 40.0;
  p.migration.schedule = m;
  return p;
}

}  // namespace

TEST_CASE("first-year births are proportional to fertility: twice the births need a scale of exactly 2") {
  // Births of the first projected year depend only on the base women and that year's ASFR, so
  // they are linear in the scale: a closed-form answer for the root finder.
  const ProjectionParameters p = china();
  const double births = project(p).births.front().sum_both();
  CalibrationTargets t;
  t.births_year = p.base_year;
  t.births = 2.0 * births;
  const CalibrationResult r = calibrate(p, t);
  CHECK(r.fertility_scale == doctest::Approx(2.0).epsilon(1e-9));
  CHECK(r.births == doctest::Approx(2.0 * births).epsilon(1e-9));
  CHECK(r.rounds == 1);
}

TEST_CASE("a crude birth rate target is births per 1,000 persons on 1 July") {
  const ProjectionParameters p = china();
  CalibrationTargets t;
  t.births_year = p.base_year + 3;
  t.crude_birth_rate = 5.0;
  const CalibrationResult r = calibrate(p, t);
  const ProjectionResult check = project(r.parameters);
  const double births = check.births[3].sum_both();
  CHECK(1000.0 * births / check.population_jul1[3].sum_both() == doctest::Approx(5.0).epsilon(1e-9));
  CHECK(r.crude_birth_rate == doctest::Approx(5.0).epsilon(1e-9));
}

TEST_CASE("the migration level that made a population is found again, with fertility fitted at the same time") {
  const ProjectionParameters truth = with_migration(china(), -250000.0);
  const ProjectionResult made = project(truth);
  CalibrationTargets t;
  t.population_year = truth.base_year + 6;
  t.population = made.population_jul1[6].sum_both();
  t.births_year = truth.base_year + 1;
  t.births = made.births[1].sum_both();
  const CalibrationResult r = calibrate(with_migration(china(), 0.0), t);
  REQUIRE(r.net_migrants_per_year);
  CHECK(*r.net_migrants_per_year == doctest::Approx(-250000.0).epsilon(1e-6));
  CHECK(r.fertility_scale == doctest::Approx(1.0).epsilon(1e-6));
  CHECK(r.population == doctest::Approx(t.population).epsilon(1e-9));
}

TEST_CASE("the shipped scenarios hold their calibrated fertility") {
  // Bei'an: 731 births in 2021 (the base population's age-0 cohort, from the plan's 2,709 under 3);
  // Anyang: 40,000 births a year (the Anyang plan, 安政办〔2022〕37号).
  for (const auto& [path, births] : {std::pair{"scenarios/beian/beian.toml", 731.0},
                                     std::pair{"scenarios/anyang/anyang.toml", 40000.0}}) {
    CAPTURE(path);
    const auto s = scenarios::load_scenario(path);
    REQUIRE(s.calibration);
    CHECK(s.calibration->births == births);
    const CalibrationResult r = calibrate(s.projection, *s.calibration);
    CHECK(r.fertility_scale == doctest::Approx(1.0).epsilon(1e-4));  // TFR written to 4 decimals
    CHECK(project(s.projection).births.front().sum_both() == doctest::Approx(births).epsilon(1e-4));
  }
}

TEST_CASE("unreachable targets and a migration target without a profile are bad input") {
  const ProjectionParameters p = china();
  CalibrationTargets births;
  births.births_year = p.base_year;
  births.births = 1.0;  // fewer births than a thousandth of today's fertility gives
  CHECK_THROWS_AS((void)calibrate(p, births), InputError);
  CalibrationTargets population;
  population.population_year = p.base_year + 2;
  population.population = 1e6;
  CHECK_THROWS_WITH_AS((void)calibrate(p, population), doctest::Contains("age_sex_profile_file"), InputError);
}
