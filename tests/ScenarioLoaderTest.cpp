// carecap. SPDX-License-Identifier: MIT
#include "scenarios/loader/ScenarioLoader.hpp"

#include <doctest/doctest.h>

#include <array>
#include <cstdint>

#include "models/demography/LifeTable.hpp"
#include "models/demography/RateSchedule.hpp"

#include "TestSupport.hpp"

using namespace carecap::demography;
using carecap::scenarios::load_scenario;

TEST_CASE("the China scenario loads every WPP table and records their SHA-256") {
  const auto s = load_scenario("scenarios/china.toml");
  CHECK(s.name == "china_wpp2024_medium");
  CHECK(s.projection.base_year == 2024);
  CHECK(s.projection.end_year == 2100);
  CHECK(s.run.mode == ProjectionMode::deterministic);
  CHECK(s.inputs.size() == 7);  // the TOML file, five demographic tables and the care prevalence table
  for (const auto& input : s.inputs) CHECK(input.sha256.size() == 64);
  // Reference: pop_2024_jan1_by_age_sex.csv README: 1 Jan 2024 total 1,420.94 million.
  CHECK(s.projection.base_population.sum_both() == doctest::Approx(1420.94e6).epsilon(1e-4));
}

TEST_CASE("a variant inherits its base and overrides keys, switching fertility to a profile and a TFR path") {
  const auto s = load_scenario("tests/scenarios/china_tfr_path.toml");
  CHECK(s.name == "china_tfr_path");
  CHECK(s.projection.end_year == 2050);
  CHECK(s.text.find("# file: tests/scenarios/china_tfr_path.toml") != std::string::npos);
  CHECK(s.text.find("china.toml") != std::string::npos);
  const RateSchedule rates = compile_rates(s.projection);
  // TFR path anchors 2024: 1.0, 2034: 1.5 -> 2029: 1.25 by linear interpolation.
  CHECK(rates.years[0].total_fertility == doctest::Approx(1.0));
  CHECK(rates.years[2029 - 2024].total_fertility == doctest::Approx(1.25));
  CHECK(rates.years[2040 - 2024].total_fertility == doctest::Approx(1.5));
  // The age shape is the 2024 profile: the share at age 30 is unchanged by scaling.
  CHECK(rates.years[10].asfr[30] / rates.years[10].total_fertility ==
        doctest::Approx(rates.years[0].asfr[30] / rates.years[0].total_fertility));
}

TEST_CASE("an e0 path solves the mx level so the life table gives the target e0") {
  const auto s = load_scenario("tests/scenarios/china_e0_path.toml");
  const RateSchedule rates = compile_rates(s.projection);
  // Targets: male 75 -> 80 over 2024-2050 (2037: 77.5), female 81 -> 85.
  CHECK(rates.years[0].e0[0] == doctest::Approx(75.0).epsilon(1e-9));
  CHECK(rates.years[2037 - 2024].e0[0] == doctest::Approx(77.5).epsilon(1e-9));
  CHECK(rates.years[2050 - 2024].e0[1] == doctest::Approx(85.0).epsilon(1e-9));
  // The level is one factor on the whole schedule: the ratio of two ages' mx is unchanged.
  const auto& base = std::get<MxLevelForE0>(s.projection.mortality.schedule).base_mx;
  CHECK(rates.years[20].mx[Sex::male][70] / rates.years[20].mx[Sex::male][30] ==
        doctest::Approx(base[Sex::male][70] / base[Sex::male][30]));
}

TEST_CASE("an improvement rate lowers every mx by a constant fraction a year; a migrant total is spread by profile") {
  const auto s = load_scenario("tests/scenarios/china_improvement.toml");
  const RateSchedule rates = compile_rates(s.projection);
  const auto& base = std::get<MxImprovement>(s.projection.mortality.schedule).base_mx;
  CHECK(rates.years[10].mx[Sex::female][80] == doctest::Approx(base[Sex::female][80] * std::pow(0.99, 10)));
  // Total path -200 000 (2024) to -100 000 (2040): 2032 is -150 000.
  CHECK(rates.years[2032 - 2024].net_migrants.sum_both() == doctest::Approx(-150000));
  CHECK(rates.years[0].net_migrants.sum_both() == doctest::Approx(-200000));
}

TEST_CASE("TFR and e0 paths can come from yearly tables (WPP 2024's own TFR and e0)") {
  // Reference: tfr_medium.csv and e0_medium.csv (UN WPP 2024): TFR 2060 = row 2060 - 2015,
  // e0 likewise; the scaled schedules must reproduce them.
  const auto s = load_scenario("tests/scenarios/china_wpp_paths.toml");
  const RateSchedule rates = compile_rates(s.projection);
  const auto tfr = carecap::testing::read_reference_csv("scenarios/data/china_wpp2024/tfr_medium.csv");
  const auto e0 = carecap::testing::read_reference_csv("scenarios/data/china_wpp2024/e0_medium.csv");
  for (int year : {2024, 2035, 2060}) {
    CAPTURE(year);
    const auto& r = rates.years[year - 2024];
    const auto row = static_cast<std::size_t>(year - 2015);  // both tables start in 2015
    CHECK(r.total_fertility == doctest::Approx(tfr.at("tfr")[row]).epsilon(1e-9));
    CHECK(r.e0[0] == doctest::Approx(e0.at("e0_male")[row]).epsilon(1e-9));
    CHECK(r.e0[1] == doctest::Approx(e0.at("e0_female")[row]).epsilon(1e-9));
  }
}

TEST_CASE("a variant switches care needs to transition mode with banded transition and incidence tables") {
  const auto s = load_scenario("tests/scenarios/china_transitions.toml");
  REQUIRE(s.demand);
  REQUIRE(s.demand->elder_care.transitions);
  const auto& t = *s.demand->elder_care.transitions;
  // Band 80-100, women, from partly disabled: 0.07 / 0.80 / 0.13, expanded to every single age.
  CHECK(t.probability[1][2][Sex::female][80] == doctest::Approx(0.13));
  CHECK(t.probability[1][2][Sex::female][100] == doctest::Approx(0.13));
  CHECK(t.probability[0][0][Sex::male][79] == doctest::Approx(0.96));
  CHECK(t.dementia_incidence[Sex::male][84] == doctest::Approx(0.02));
  // The prevalence (base-year distribution) and sources are inherited from china.toml.
  CHECK(s.demand->elder_care.prevalence.state_share[2][Sex::female][97] == doctest::Approx(0.2217));
  CHECK(s.demand->elder_care.source.find("18.3%") != std::string::npos);
}

TEST_CASE("the China scenario's demand sections load with their sources and defaults") {
  const auto s = load_scenario("scenarios/china.toml");
  REQUIRE(s.demand);
  CHECK_FALSE(s.demand->elder_care.transitions);
  CHECK(s.demand->elder_care.first_age == 60);
  // Reference: care_prevalence_china.csv, band 85-89 men: 0.541 / 0.3851 / 0.0739, dementia 0.204.
  CHECK(s.demand->elder_care.prevalence.state_share[1][Sex::male][87] == doctest::Approx(0.3851));
  CHECK(s.demand->care_setting.by_state[2][2] == doctest::Approx(0.04256));
  CHECK(s.demand->workforce.residents_per_care_worker[2] == doctest::Approx(3));
  CHECK(s.demand->childcare.children_per_carer[3] == doctest::Approx(7));
  CHECK(s.demand->childcare.source.find("NHC") != std::string::npos);
}

namespace {

bool same_tables(const std::map<int, AgeSexTable>& a, const std::map<int, AgeSexTable>& b) {
  if (a.size() != b.size()) return false;
  for (const auto& [year, table] : a)
    if (!b.count(year) || b.at(year).by_sex != table.by_sex) return false;
  return true;
}

}  // namespace

TEST_CASE("a table cache gives a later load the tables the files give, and tells files apart") {
  // A sweep loads its scenario once per run through one cache (tools/sweep/SweepRun.cpp).
  carecap::scenarios::TableCache cache;
  const auto plain = load_scenario("scenarios/china.toml");
  const auto first = load_scenario("scenarios/china.toml", {}, &cache);   // reads the files, keeps the tables
  const auto cached = load_scenario("scenarios/china.toml", {}, &cache);  // takes them from the cache
  for (const auto* s : {&first, &cached}) {
    CHECK(s->projection.base_population.by_sex == plain.projection.base_population.by_sex);
    CHECK(same_tables(std::get<MxByYear>(s->projection.mortality.schedule).mx,
                      std::get<MxByYear>(plain.projection.mortality.schedule).mx));
    CHECK(same_tables(std::get<MigrantsByYear>(s->projection.migration.schedule).net_migrants,
                      std::get<MigrantsByYear>(plain.projection.migration.schedule).net_migrants));
    CHECK(std::get<AsfrByYear>(s->projection.fertility.schedule).asfr ==
          std::get<AsfrByYear>(plain.projection.fertility.schedule).asfr);
    REQUIRE(s->inputs.size() == plain.inputs.size());
    for (std::size_t i = 0; i < plain.inputs.size(); ++i) {
      CHECK(s->inputs[i].path == plain.inputs[i].path);
      CHECK(s->inputs[i].sha256 == plain.inputs[i].sha256);
    }
  }
  // Bei'an reads its own base population through the same cache: not China's.
  const auto beian = load_scenario("scenarios/beian/beian.toml", {}, &cache);
  CHECK(beian.projection.base_population.sum_both() == load_scenario("scenarios/beian/beian.toml").projection.base_population.sum_both());
  CHECK(beian.projection.base_population.sum_both() < 1e6);
}

TEST_CASE("a facilities file may give each facility's residents at the base date by bed type; the total is their sum") {
  // tests/scenarios/data/beian_facilities_observed.csv (invented residents): P1 300 general, 150
  // nursing, 35 dementia; R2 200, 100, 0.
  const auto s = load_scenario("tests/scenarios/beian_observed_use.toml");
  REQUIRE(s.supply);
  const auto& facilities = s.supply->supply.facilities;
  REQUIRE(facilities.size() == 5);
  CHECK(facilities[0].id == "P1");
  CHECK(facilities[0].residents == std::array<std::int64_t, 3>{300, 150, 35});
  CHECK(facilities[0].residents_total == 485);
  CHECK(facilities[2].residents == std::array<std::int64_t, 3>{200, 100, 0});
  CHECK(facilities[2].residents_total == 300);
  CHECK_FALSE(s.supply->capacity.initial_occupancy);
}

TEST_CASE("a facilities file may give only each facility's total residents; by bed type they stay unknown (-1)") {
  // tests/scenarios/data/beian_facilities_observed_totals.csv: P1 485, R1 1,550, R2 300, R3 150, R4 130.
  const auto s = load_scenario("tests/scenarios/beian_observed_totals.toml");
  REQUIRE(s.supply);
  const auto& facilities = s.supply->supply.facilities;
  REQUIRE(facilities.size() == 5);
  const std::array<std::int64_t, 5> totals{485, 1550, 300, 150, 130};
  for (std::size_t i = 0; i < facilities.size(); ++i) {
    CAPTURE(facilities[i].id);
    CHECK(facilities[i].residents_total == totals[i]);
    CHECK(facilities[i].residents == std::array<std::int64_t, 3>{-1, -1, -1});
  }
}

TEST_CASE("without residents columns no facility states its residents") {
  const auto s = load_scenario("scenarios/beian/beian.toml");
  REQUIRE(s.supply);
  for (const auto& f : s.supply->supply.facilities) {
    CAPTURE(f.id);
    CHECK(f.residents_total == -1);
    CHECK(f.residents == std::array<std::int64_t, 3>{-1, -1, -1});
  }
}

TEST_CASE("a providers file with enrolled columns gives the children by provider; initial_enrolled is their sum") {
  // tests/scenarios/data/beian_childcare_enrolled.csv, by band 6-12, 13-24, 25-36 months: C1 0, 138,
  // 348; C2 (open since 2019) 5, 10, 20; C3 opens in 2023 with its enrolled fields empty (0).
  const auto s = load_scenario("tests/scenarios/data/beian_childcare_enrolled.toml");
  REQUIRE(s.supply);
  REQUIRE(s.supply->childcare);
  const auto& c = *s.supply->childcare;
  CHECK(c.providers_state_enrolled);
  REQUIRE(c.providers.size() == 3);
  CHECK(c.providers[0].enrolled == std::array<std::int64_t, 4>{0, 0, 138, 348});
  CHECK(c.providers[1].enrolled == std::array<std::int64_t, 4>{0, 5, 10, 20});
  CHECK(c.providers[2].enrolled == std::array<std::int64_t, 4>{0, 0, 0, 0});
  // Bands 0-5, 6-12, 13-24, 25-36 months.
  CHECK(c.initial_enrolled == std::array<double, 4>{0, 5, 148, 368});
}

TEST_CASE("a providers file without enrolled columns leaves the children enrolled to initial_enrolled") {
  const auto s = load_scenario("scenarios/beian/beian.toml");
  REQUIRE(s.supply);
  REQUIRE(s.supply->childcare);
  CHECK_FALSE(s.supply->childcare->providers_state_enrolled);
  CHECK(s.supply->childcare->initial_enrolled == std::array<double, 4>{0, 0, 138, 348});  // beian.toml
}
