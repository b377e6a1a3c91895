// carecap. SPDX-License-Identifier: MIT
// The shipped Bei'an scenario (scenarios/beian/) reproduces the plan's base-year facts
// (北政办规〔2023〕9号, 2023-10-17; in English in scenarios/beian/README.md), and its
// plan variant differs exactly where it says.
#include <doctest/doctest.h>

#include "models/supply/CapacityInputs.hpp"
#include "models/supply/ChildcareInputs.hpp"
#include "scenarios/loader/ScenarioLoader.hpp"

using namespace carecap;

TEST_CASE("the Bei'an scenario reproduces the plan's end-2020 figures") {
  const auto s = scenarios::load_scenario("scenarios/beian/beian.toml");
  const auto& population = s.projection.base_population;
  // 70,000 aged 60+ = 25% of the population; about 2,709 children under 3 (plan, end of 2020).
  CHECK(population.sum_both() == doctest::Approx(280000).epsilon(1e-8));
  CHECK(population.sum_both(60, 100) == doctest::Approx(70000).epsilon(1e-8));
  CHECK(population.sum_both(60, 100) / population.sum_both() == doctest::Approx(0.25).epsilon(1e-8));
  CHECK(population.sum_both(0, 2) == doctest::Approx(2709).epsilon(1e-8));
  CHECK(s.projection.base_year == 2021);  // 1 January 2021 = end of 2020

  REQUIRE(s.supply);
  const auto& supply = s.supply->supply;
  // 54 institutions with 5,298 beds, 4 public with 586 (plan, 2020).
  std::int64_t beds = 0, public_beds = 0, nursing = 0;
  for (const auto& f : supply.facilities) {
    for (auto b : f.beds) beds += b;
    if (f.ownership == "public") public_beds += f.beds[0] + f.beds[1] + f.beds[2];
    nursing += f.beds[1] + f.beds[2];
  }
  CHECK(beds == 5298);
  CHECK(public_beds == 586);
  MESSAGE("nursing-type share of 2020 beds (assumed split): " << 100.0 * static_cast<double>(nursing) / 5298 << "%");
  // The project list: 25 projects, 19 elderly (11 institutions, 8 day care) and 6 childcare
  // stating 810 places; 730 beds stated.
  CHECK(supply.projects.size() == 11);
  std::int64_t stated_beds = 0;
  for (const auto& p : supply.projects)
    if (!p.beds_derived) stated_beds += p.beds;
  CHECK(stated_beds == 730);
  REQUIRE(s.supply->childcare);
  const auto& childcare = *s.supply->childcare;
  CHECK(childcare.projects.size() == 6);
  CHECK(supply::childcare_places_open(childcare, supply.build_lag_years, 2025, false) == 1379);  // the 2025 minimum
  CHECK(childcare.initial_enrolled[2] + childcare.initial_enrolled[3] == 486);  // 138 + 348 enrolled in 2020
}

TEST_CASE("the variant with unstated bed counts as zero loses exactly the derived beds") {
  // Five elderly projects of the list state no bed count; by the list's 18.66 (10,000 yuan) per
  // bed they add 448 beds in the published variant, none in this one.
  const auto published = scenarios::load_scenario("scenarios/beian/beian.toml");
  const auto zero = scenarios::load_scenario("scenarios/beian/beian_unstated_beds_zero.toml");
  std::int64_t derived = 0;
  for (const auto& p : published.supply->supply.projects)
    if (p.beds_derived) derived += p.beds;
  CHECK(derived == 86 + 193 + 19 + 102 + 48);
  auto total_beds = [](const auto& s) {
    std::int64_t sum = 0;
    for (const auto& c : supply::capacity_schedule(s.supply->supply, 2021)) sum += c.beds;
    return sum;
  };
  std::int64_t derived_added = 0;
  for (const auto& p : published.supply->supply.projects)
    if (p.beds_derived && p.action == supply::ProjectAction::add_beds) derived_added += p.beds;
  CHECK(total_beds(published) - total_beds(zero) == derived_added);
  for (const auto& p : zero.supply->supply.projects)
    if (p.beds_derived) CHECK(p.beds == 0);
}
