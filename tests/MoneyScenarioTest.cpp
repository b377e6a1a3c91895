// carecap. SPDX-License-Identifier: MIT
// The money of the shipped scenarios against what their [money] says and the run's own figures:
// Bei'an's 2,000 yuan once per new private non-profit bed, Shengzhou's long-term-care insurance for
// the whole population, and the study outcome of public cost per person served.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include "scenarios/loader/ScenarioLoader.hpp"
#include "tools/run/ResultLookup.hpp"
#include "tools/run/RunFindings.hpp"
#include "tools/run/RunOutcomes.hpp"
#include "tools/run/ScenarioRun.hpp"

using namespace carecap;

namespace {

const ResultSeries& series_of(const std::vector<ResultGroup>& groups, const char* group, const char* name) {
  const ResultGroup* g = tools::find_group(groups, group);
  REQUIRE(g != nullptr);
  const ResultSeries* s = tools::find_series(*g, name);
  REQUIRE(s != nullptr);
  return *s;
}

}  // namespace

TEST_CASE("Bei'an: 2,000 yuan once per bed of the new private non-profit projects, in the year they open") {
  auto s = scenarios::load_scenario("scenarios/beian/beian.toml");
  REQUIRE(s.money);
  CHECK(s.money->subsidy_yuan_per_new_bed[1] == 2000);  // 《北安市“一老一小”整体解决方案》保障措施（二）
  s.supply->capacity.replications = 2;
  // The beds of the projects [money] names private (9 and 10), as the loader derived them.
  double private_beds = 0, public_beds = 0;
  for (std::size_t i = 0; i < s.supply->supply.projects.size(); ++i) {
    const auto& p = s.supply->supply.projects[i];
    const int year = p.year + s.supply->supply.build_lag_years;
    if (p.action == supply::ProjectAction::close_facility || year > s.supply->capacity.last_year) continue;
    (s.money->project_ownership[i] == 1 ? private_beds : public_beds) += static_cast<double>(p.beds);
  }
  CHECK(private_beds == doctest::Approx(149));  // 19 (project 9, at the list's investment per bed) + 130 (project 10)
  const auto run = tools::run_scenario(s, 2);
  for (const auto& replication : run.replications) {
    const ResultSeries& subsidy = series_of(replication, "money", "new_subsidy_wan_yuan");  // [year][rule]
    const ResultSeries& opened = series_of(replication, "money", "new_beds_opened");        // [year][ownership]
    double per_new_bed = 0, opened_private = 0;
    for (std::size_t y = 0; y < subsidy.values.size() / 4; ++y) {
      per_new_bed += subsidy.values[y * 4];
      opened_private += opened.values[y * 3 + 1];
    }
    CHECK(opened_private == doctest::Approx(private_beds));
    CHECK(per_new_bed == doctest::Approx(private_beds * 2000 / 1e4));  // 29.8 (10,000 yuan): all in 2023
    CHECK(subsidy.values[(2023 - 2021) * 4] == doctest::Approx(29.8));
    // Public and private spending add up to capital and operating cost.
    const ResultSeries& pub = series_of(replication, "money", "new_public_spending_wan_yuan");
    const ResultSeries& priv = series_of(replication, "money", "new_private_spending_wan_yuan");
    const ResultSeries& capital = series_of(replication, "money", "new_capital_cost_wan_yuan");
    const ResultSeries& operating = series_of(replication, "money", "new_operating_cost_wan_yuan");
    for (std::size_t y = 0; y < pub.values.size(); ++y) {
      double cost = 0;
      for (std::size_t o = 0; o < 3; ++o) cost += capital.values[y * 3 + o] + operating.values[y * 3 + o];
      CHECK(pub.values[y] + priv.values[y] == doctest::Approx(cost));
    }
    // The money group's operating cost is the capacity group's (no per-resident part in Bei'an).
    const ResultSeries& capacity_operating = series_of(replication, "capacity", "new_operating_cost_wan_yuan");
    double money_total = 0, capacity_total = 0;
    for (double v : operating.values) money_total += v;
    for (double v : capacity_operating.values) capacity_total += v;
    CHECK(money_total == doctest::Approx(capacity_total));
  }
  SUBCASE("the study outcome: public spending over persons served") {
    const auto outcomes = tools::run_outcomes(s, run.replications);
    double spending = 0, served = 0, per_person = 0;
    for (const auto& o : outcomes) {
      if (o.name == "public_spending_wan_yuan") spending = o.value;
      if (o.name == "persons_served") served = o.value;
      if (o.name == "public_cost_per_person_served_yuan") per_person = o.value;
    }
    CHECK(spending > 0);
    CHECK(served > 0);
    CHECK(per_person == doctest::Approx(spending * 1e4 / served));
    // The run's finding says the same numbers.
    const auto findings = tools::run_findings(run.replications, nullptr);
    const auto money = std::find_if(findings.begin(), findings.end(), [](const tools::RunFinding& f) { return f.id == "money"; });
    REQUIRE(money != findings.end());
    for (const auto& n : money->numbers)
      if (n.name == "new_public_spending_wan_yuan") CHECK(n.value == doctest::Approx(spending));
    CHECK(money->zh.find("资金：2021-2035年") == 0);
  }
}

TEST_CASE("Shengzhou: long-term-care insurance for the whole population; outlay = insured users x benefit") {
  const auto s = scenarios::load_scenario("scenarios/shengzhou/shengzhou.toml");
  REQUIRE(s.money);
  REQUIRE(s.money->ltc);
  CHECK(s.money->ltc->base == money::InsuredBase::population);  // "覆盖全市域全人群"
  const auto run = tools::run_scenario(s, 1);
  const auto& groups = run.replications.front();
  const ResultSeries& insured = series_of(groups, "money", "n_ltc_insured");
  const ResultSeries& users = series_of(groups, "money", "n_care_users");  // [year][state][setting]
  const ResultSeries& outlay = series_of(groups, "money", "new_ltc_outlay_wan_yuan");
  const ResultSeries& per_insured = series_of(groups, "money", "ltc_outlay_per_insured_yuan");
  const ResultGroup* root = tools::find_group(groups, "");
  REQUIRE(root != nullptr);
  const std::vector<int> years{2021, 2030};
  const auto population = tools::query_values(groups, {"", "n_population_jul1", "", {}}, years);
  for (std::size_t k = 0; k < years.size(); ++k) {
    const std::size_t y = static_cast<std::size_t>(years[k] - 2021);
    CHECK(insured.values[y] == doctest::Approx(0.95 * population[k]));
    // Only the fully disabled draw a benefit: 10,800 at home and in day care, 18,000 in an institution.
    const double* fully = &users.values[y * 9 + 2 * 3];
    const double expected = 0.95 * (fully[0] * 10800 + fully[1] * 10800 + fully[2] * 18000);
    CHECK(outlay.values[y] == doctest::Approx(expected / 1e4));
    CHECK(per_insured.values[y] == doctest::Approx(expected / insured.values[y]));
  }
  CHECK(outlay.values.back() > outlay.values.front());  // more fully disabled elders, 2021 -> 2030
}
