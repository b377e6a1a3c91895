// carecap. SPDX-License-Identifier: MIT
// Bei'an's 2022-2024 project list (scenarios/data/beian/beian_projects_2022_2024.csv, 附件1 of the plan
// 北政办规〔2023〕9号, 2023-10-17) run as an investment plan: tests/scenarios/beian_plan.toml.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

#include "models/supply/CapacityInputs.hpp"
#include "scenarios/loader/ScenarioLoader.hpp"
#include "tools/run/ScenarioRun.hpp"

using namespace carecap;

namespace {

/// The list's elderly institutions, read here independently of the loader: (build type,
/// capacity or -1, investment).
struct Project {
  std::string build;
  double capacity;
  double investment;
};

std::vector<Project> elderly_projects() {
  std::ifstream in("scenarios/data/beian/beian_projects_2022_2024.csv");
  std::string line;
  std::getline(in, line);
  std::vector<Project> out;
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::stringstream row(line);
    for (std::string cell; std::getline(row, cell, ',');) f.push_back(cell);
    if (f.size() > 9 && f[2] == "elderly_institution")
      out.push_back({f[3], f[7].empty() ? -1.0 : std::stod(f[7]), std::stod(f[9])});
  }
  return out;
}

const ResultSeries& series(const std::vector<ResultGroup>& groups, const std::string& group, const std::string& name) {
  for (const auto& g : groups)
    if (g.name == group)
      for (const auto& s : g.series)
        if (s.name == name) return s;
  throw std::runtime_error("no series " + group + "/" + name);
}

}  // namespace

TEST_CASE("the Bei'an project list becomes a capacity schedule by the documented rules") {
  const auto scenario = scenarios::load_scenario("tests/scenarios/beian_plan.toml");
  REQUIRE(scenario.supply);
  const auto& supply = scenario.supply->supply;
  const auto projects = elderly_projects();
  CHECK(supply.projects.size() == projects.size());  // 11 elderly institutions
  CHECK(projects.size() == 11);

  // Missing capacities: investment / (investment per bed of the projects stating both).
  double invested = 0, stated = 0, added = 0, converted = 0, investment = 0;
  for (const auto& p : projects)
    if (p.capacity >= 0) {
      invested += p.investment;
      stated += p.capacity;
    }
  for (const auto& p : projects) {
    const double beds = p.capacity >= 0 ? p.capacity : std::round(p.investment / (invested / stated));
    (p.build == "renovation" ? converted : added) += beds;
    investment += p.investment;
  }
  CHECK(stated == 730);  // the plan's stated total (北政办规〔2023〕9号, 附件1)
  // Base 5,298 beds (plan, 2020): 3,708 general and 1,590 nursing in the test's assumed split.
  const auto schedule = supply::capacity_schedule(supply, 2021);
  double general = 0, nursing = 0;
  for (const auto& c : schedule) (c.bed_type == 0 ? general : nursing) += static_cast<double>(c.beds);
  CHECK(general + nursing == doctest::Approx(5298 + added));
  CHECK(nursing == doctest::Approx(1590 + added + converted));
  MESSAGE("Bei'an list: " << added << " beds added, " << converted << " converted to nursing-type; the plan says +300");

  SUBCASE("the simulation opens them on 1 January after their plan year and books the investment") {
    auto run_me = scenario;
    run_me.supply->capacity.replications = 1;
    const auto run = tools::run_scenario(run_me, 1);
    const auto& groups = run.replications.front();
    const ResultSeries& beds = series(groups, "capacity", "n_beds");  // (year 2021.., bed type, region)
    const std::size_t per_year = 3 * 4;
    auto year_total = [&](int year) {
      double sum = 0;
      for (std::size_t i = 0; i < per_year; ++i) sum += beds.values[static_cast<std::size_t>(year - 2021) * per_year + i];
      return sum;
    };
    CHECK(year_total(2022) == doctest::Approx(5298));           // 2022 projects open in 2023
    CHECK(year_total(2026) == doctest::Approx(5298 + added));   // all open by 2025
    const ResultSeries& capital = series(groups, "capacity", "cum_capital_cost_wan_yuan");
    CHECK(capital.values.back() == doctest::Approx(investment));  // 21,973 wan yuan of the list's 29,603
    CHECK(run.capacity_events > 1000);
    // By facility: the 5 facilities of the file and the 11 projects (as project:<id>) add up to
    // the beds and residents of the pools in every year.
    const ResultSeries& by_facility = series(groups, "capacity", "n_beds_by_facility");  // (year, facility, bed type)
    const ResultSeries& occupied_by_facility = series(groups, "capacity", "n_occupied_beds_by_facility");
    const ResultSeries& occupied = series(groups, "capacity", "n_occupied_beds");
    const std::size_t facilities = by_facility.values.size() / 3 / 10;
    CHECK(facilities == 5 + 11);
    for (int year = 2021; year <= 2030; ++year) {
      CAPTURE(year);
      double beds_sum = 0, occupied_sum = 0, pools_occupied = 0;
      for (std::size_t i = 0; i < facilities * 3; ++i) {
        beds_sum += by_facility.values[static_cast<std::size_t>(year - 2021) * facilities * 3 + i];
        occupied_sum += occupied_by_facility.values[static_cast<std::size_t>(year - 2021) * facilities * 3 + i];
      }
      for (std::size_t i = 0; i < per_year; ++i) pools_occupied += occupied.values[static_cast<std::size_t>(year - 2021) * per_year + i];
      CHECK(beds_sum == doctest::Approx(year_total(year)));
      CHECK(occupied_sum == doctest::Approx(pools_occupied));
    }
  }
}

TEST_CASE("an annual budget defers the projects that do not fit to the next year with room") {
  // Bei'an's list commits 21,973 (10,000 yuan) in 2022-2024: 16,625 in 2022 alone. With a budget
  // of 6,000 a year, projects are funded in list order and the later ones move to 2023-2025.
  auto scenario = scenarios::load_scenario("tests/scenarios/beian_plan.toml");
  auto& supply = scenario.supply->supply;
  const auto unlimited = supply::funded_years(supply);
  supply.annual_budget_wan_yuan = 6000.0;
  const auto limited = supply::funded_years(supply);
  std::map<int, double> spent;
  for (std::size_t i = 0; i < limited.size(); ++i) {
    CHECK(limited[i] >= unlimited[i]);  // never earlier than planned
    spent[limited[i]] += supply.projects[i].investment_wan_yuan;
  }
  for (const auto& [year, amount] : spent) {
    CAPTURE(year);
    CHECK(amount <= 6000.0);  // no project alone exceeds 6,000 in this list
  }
  CHECK(*std::max_element(limited.begin(), limited.end()) > 2024);  // the plan runs late
}

TEST_CASE("two plan variants of the Bei'an scenario with the same seed see the same arrivals") {
  // Variant: the same scenario with a 6,000 budget a year (the plan runs late). Common random
  // numbers: every arrival stream is identical; admissions and waits differ.
  auto base = scenarios::load_scenario("tests/scenarios/beian_plan.toml");
  base.supply->capacity.replications = 2;
  auto variant = base;
  variant.supply->supply.annual_budget_wan_yuan = 6000.0;
  const auto a = tools::run_scenario(base, 1), b = tools::run_scenario(variant, 2);
  for (std::size_t r = 0; r < 2; ++r) {
    CAPTURE(r);
    CHECK(series(a.replications[r], "capacity", "new_arrivals").values ==
          series(b.replications[r], "capacity", "new_arrivals").values);
    CHECK(series(a.replications[r], "capacity", "n_beds").values != series(b.replications[r], "capacity", "n_beds").values);
  }
}

TEST_CASE("the Bei'an childcare projects open as places by band and region, with the children enrolled in 2020") {
  // The list's six childcare projects state 810 places (the plan's 附件1) and 3,630 (10,000 yuan);
  // the test scenario assumes 569 places in 2020, so that 2025 has the plan's minimum of 1,379.
  const auto scenario = scenarios::load_scenario("tests/scenarios/beian_plan.toml");
  REQUIRE(scenario.supply->childcare);
  const auto& childcare = *scenario.supply->childcare;
  REQUIRE(childcare.projects.size() == 6);
  std::int64_t stated = 0;
  for (const auto& p : childcare.projects) stated += p.places;
  CHECK(stated == 810);

  auto run_me = scenario;
  run_me.supply->capacity.replications = 1;
  const auto groups = tools::run_scenario(run_me, 1).replications.front();
  const ResultSeries& places = series(groups, "childcare_capacity", "n_places");  // (year 2021.., band, region)
  const std::size_t per_year = 4 * 4;
  auto total = [&](const ResultSeries& s, int year, int region = -1) {
    double sum = 0;
    for (std::size_t i = 0; i < per_year; ++i)
      if (region < 0 || static_cast<int>(i % 4) == region) sum += s.values[static_cast<std::size_t>(year - 2021) * per_year + i];
    return sum;
  };
  CHECK(total(places, 2021) == doctest::Approx(569));
  CHECK(total(places, 2022) == doctest::Approx(569));               // 2022 projects open on 1 January 2023
  CHECK(total(places, 2023) == doctest::Approx(569 + 310));         // 丽水华庭 110 + 北岗 200
  CHECK(total(places, 2024) == doctest::Approx(569 + 310 + 220));   // 朗智童 120 + 通北 100
  CHECK(total(places, 2025) == doctest::Approx(1379));              // 中心 200 + 赵光 80
  CHECK(total(places, 2025, 1) == doctest::Approx(100));            // 通北镇
  CHECK(total(places, 2025, 3) == doctest::Approx(80));             // 赵光镇
  CHECK(series(groups, "childcare_capacity", "cum_capital_cost_wan_yuan").values.back() == doctest::Approx(3630));

  SUBCASE("enrolment starts from the 486 children of 2020 and never exceeds the places") {
    const ResultSeries& enrolled = series(groups, "childcare_capacity", "n_enrolled");
    for (std::size_t i = 0; i < enrolled.values.size(); ++i) CHECK(enrolled.values[i] <= places.values[i] + 1e-9);
    // 2021 mean enrolment: starts at 486 (138 + 348), then follows applications; within the
    // places and above the 2020 enrolment less a year of ageing out is all that is certain.
    CHECK(total(enrolled, 2021) > 300);
    CHECK(total(enrolled, 2021) <= 569);
  }
  SUBCASE("the supply basis of the indicators: places per 1,000 people and the affordable share") {
    const ResultSeries& per_1000 = series(groups, "demand", "childcare_places_per_1000_people");  // (year, basis)
    const ResultSeries& total_population = series(groups, "", "n_total");
    const std::size_t t2025 = 2025 - 2021;
    CHECK(per_1000.values[2 * t2025 + 1] == doctest::Approx(1000.0 * 1379 / total_population.values[t2025]));
    const ResultSeries& affordable = series(groups, "demand", "affordable_place_share");
    CHECK(affordable.values[2 * t2025 + 1] == doctest::Approx(100.0 * 810 / 1379));  // below the plan's 80% target
    const ResultSeries& utilisation = series(groups, "demand", "place_utilisation");
    CHECK(utilisation.values[2 * t2025 + 1] > 0);
    CHECK(utilisation.values[2 * t2025 + 1] <= 100);
  }
}

TEST_CASE("childcare plan variants with the same seed see the same applications") {
  auto base = scenarios::load_scenario("tests/scenarios/beian_plan.toml");
  base.supply->capacity.replications = 2;
  auto variant = base;
  variant.supply->childcare->projects.clear();  // variant: no childcare projects
  const auto a = tools::run_scenario(base, 1), b = tools::run_scenario(variant, 2);
  for (std::size_t r = 0; r < 2; ++r) {
    CAPTURE(r);
    CHECK(series(a.replications[r], "childcare_capacity", "new_applications").values ==
          series(b.replications[r], "childcare_capacity", "new_applications").values);
    CHECK(series(a.replications[r], "childcare_capacity", "n_enrolled").values !=
          series(b.replications[r], "childcare_capacity", "n_enrolled").values);
  }
}
