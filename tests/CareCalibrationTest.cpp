// carecap. SPDX-License-Identifier: MIT
// The China demand defaults against the published national figures they were built on
// (shared/context/care_parameters.md), on the 2020 age structure (UN WPP 2024, 1 July 2020).
#include <doctest/doctest.h>

#include "TestSupport.hpp"
#include "models/demand/DemandModel.hpp"
#include "scenarios/loader/AgeTables.hpp"
#include "scenarios/loader/ScenarioLoader.hpp"

using namespace carecap;

namespace {

/// Demand on a population frozen at the 2020 structure: one year, nobody born, dying or moving.
demand::DemandResult demand_on_2020_structure() {
  const auto scenario = scenarios::load_scenario("scenarios/china.toml");
  const auto pop2020 = scenarios::read_age_by_sex_wide("scenarios/data/china_wpp2024/pop_2020_by_age_sex.csv",
                                                       scenarios::NumberRule::non_negative, 2e9);
  demography::ProjectionResult frozen;
  frozen.base_year = 2020;
  frozen.population_jan1 = {pop2020, pop2020};
  frozen.population_jul1 = {pop2020};
  frozen.births = {demography::AgeSexTable{}};
  frozen.deaths = {demography::AgeSexTable{}};
  frozen.net_migrants = {demography::AgeSexTable{}};
  frozen.total_fertility = {0.0};
  frozen.e0 = {{0.0, 0.0}};
  return demand::compute_demand(frozen, *scenario.demand);
}

}  // namespace

TEST_CASE("on the 2020 age structure the defaults give the published shares of 60+") {
  const auto d = demand_on_2020_structure();
  const auto& e = d.elder[0];
  MESSAGE("2020 structure: disabled " << 100 * (e.by_state[1] + e.by_state[2]) / e.elderly << "%, fully "
          << 100 * e.by_state[2] / e.elderly << "%, dementia " << 100 * e.with_dementia / e.elderly << "%, institutional "
          << 100 * (e.beds[0] + e.beds[1] + e.beds[2]) / e.elderly << "%");
  // 4th Sample Survey of the Aged Population in Urban and Rural China (2015): 18.3% partly or fully disabled.
  CHECK(100 * (e.by_state[1] + e.by_state[2]) / e.elderly == doctest::Approx(18.3).epsilon(0.005));
  // Shaanxi 2020 census, "cannot look after themselves": 2.1% (used as the fully disabled share).
  CHECK(100 * e.by_state[2] / e.elderly == doctest::Approx(2.1).epsilon(0.01));
  // Jia et al., Lancet Public Health 2020: dementia 6.0% of 60+.
  CHECK(100 * e.with_dementia / e.elderly == doctest::Approx(6.0).epsilon(0.005));
  // 2020 census long form (Qiao Xiaochun): 0.73% of 60+ live in institutions.
  const double institutional = e.beds[0] + e.beds[1] + e.beds[2];
  CHECK(100 * institutional / e.elderly == doctest::Approx(0.73).epsilon(0.01));
}

TEST_CASE("at a one-third wish rate childcare demand is far above published enrollment") {
  // NHC 2021: about one third of families want childcare; enrollment was 5.5% (2021) and 7.86%
  // (NHC, 2025). Demand at the wish rate, with no care under 6 months, is 1/3 of the 6-36 month
  // children: about 28% of 0-2, i.e. 3.5 to 5 times actual enrollment.
  const auto d = demand_on_2020_structure();
  double places = 0, children = 0;
  for (int b = 0; b < demand::kMonthBandCount; ++b) {
    places += d.childcare[0].places[b];
    children += d.childcare[0].children[b];
  }
  const double enrollment = 100 * places / children;
  MESSAGE("2020 structure: childcare places wanted " << enrollment << "% of children 0-2");
  CHECK(enrollment == doctest::Approx(100.0 / 3 * 5 / 6).epsilon(0.03));
  CHECK(enrollment > 3 * 7.86);
}
