// carecap. SPDX-License-Identifier: MIT
// Specification of the natural trend (不实施规划, models/supply/BaseYearSupply.hpp and
// tools/run/ScenarioRun.cpp): the same scenario with the beds and places of 1 January of the base
// year only, simulated with the same random numbers as the plan. Validated against a run built by
// hand: the scenario with its projects removed, run on its own, gives the trend bit for bit.
#include "models/supply/BaseYearSupply.hpp"

#include <doctest/doctest.h>

#include "scenarios/loader/ScenarioLoader.hpp"
#include "tools/run/ResultLookup.hpp"
#include "tools/run/ScenarioRun.hpp"

using namespace carecap;

namespace {

const ResultSeries& series_of(const std::vector<ResultGroup>& groups, const std::string& group, const std::string& name) {
  const ResultGroup* g = tools::find_group(groups, group);
  REQUIRE_MESSAGE(g, "no group " << group);
  const ResultSeries* s = tools::find_series(*g, name);
  REQUIRE_MESSAGE(s, "no series " << group << "/" << name);
  return *s;
}

/// Sum over all but the first (year) dimension of a series, per year.
std::vector<double> per_year(const ResultSeries& s, std::size_t years) {
  std::vector<double> out(years, 0.0);
  const std::size_t per = s.values.size() / years;
  for (std::size_t i = 0; i < s.values.size(); ++i) out[i / per] += s.values[i];
  return out;
}

}  // namespace

TEST_CASE("the natural trend keeps the base-year beds and places and drops every project") {
  const scenarios::Scenario beian = scenarios::load_scenario("scenarios/beian/beian.toml");
  const auto& plan = beian.supply->supply;
  const int base = beian.projection.base_year;
  REQUIRE(supply::plan_changes_supply(plan, &*beian.supply->childcare, base));
  const supply::SupplyParameters trend = supply::base_year_supply(plan, base);
  CHECK(trend.projects.empty());
  std::int64_t beds = 0;
  for (const auto& f : trend.facilities) {
    CHECK(f.opens <= base);
    CHECK(f.closes == 0);
    beds += f.beds[0] + f.beds[1] + f.beds[2];
  }
  CHECK(beds == 5298);  // the plan's 5,298 beds at the end of 2020 (北政办规〔2023〕9号)
  const supply::ChildcareSupply places = supply::base_year_childcare(*beian.supply->childcare, base);
  CHECK(places.projects.empty());
  CHECK_FALSE(supply::plan_changes_supply(trend, &places, base));
}

TEST_CASE("a run with its natural trend: the plan's results unchanged, the trend equal to the run without projects") {
  scenarios::Scenario beian = scenarios::load_scenario("scenarios/beian/beian.toml");
  beian.supply->capacity.replications = 2;
  const auto with_trend = tools::run_scenario(beian, 2, tools::NaturalTrend::simulate);
  const auto plan_only = tools::run_scenario(beian, 1);
  REQUIRE(with_trend.replications.size() == 2);
  for (std::size_t r = 0; r < 2; ++r) {
    // The plan's own groups are the same with or without the trend beside them.
    for (const char* name : {"n_beds", "n_occupied_beds", "n_waiting", "new_admissions"})
      CHECK(series_of(with_trend.replications[r], "capacity", name).values ==
            series_of(plan_only.replications[r], "capacity", name).values);
    CHECK(series_of(with_trend.replications[r], "childcare_capacity", "n_enrolled").values ==
          series_of(plan_only.replications[r], "childcare_capacity", "n_enrolled").values);
  }
  CHECK(tools::find_group(plan_only.replications.front(), supply::kNaturalTrendCapacity) == nullptr);

  // The same scenario with the base-year supply written in by hand, run on its own.
  scenarios::Scenario by_hand = beian;
  const int base = beian.projection.base_year;
  by_hand.supply->supply = supply::base_year_supply(beian.supply->supply, base);
  by_hand.supply->childcare = supply::base_year_childcare(*beian.supply->childcare, base);
  const auto hand = tools::run_scenario(by_hand, 2);
  for (std::size_t r = 0; r < 2; ++r) {
    for (const char* name : {"n_beds", "n_occupied_beds", "n_waiting", "new_gave_up", "new_died_waiting"})
      CHECK(series_of(with_trend.replications[r], supply::kNaturalTrendCapacity, name).values ==
            series_of(hand.replications[r], "capacity", name).values);
    for (const char* name : {"n_places", "n_enrolled", "n_waiting"})
      CHECK(series_of(with_trend.replications[r], supply::kNaturalTrendChildcare, name).values ==
            series_of(hand.replications[r], "childcare_capacity", name).values);
  }

  // Bei'an: the trend's beds stay at 5,298 while the plan's grow to 6,258 by 2025; the trend's
  // places stay at the base year's while the plan's grow to its 1,379.
  const auto& groups = with_trend.replications.front();
  const auto years = static_cast<std::size_t>(beian.supply->capacity.last_year - beian.projection.base_year + 1);
  const auto trend_beds = per_year(series_of(groups, supply::kNaturalTrendCapacity, "n_beds"), years);
  const auto plan_beds = per_year(series_of(groups, "capacity", "n_beds"), years);
  for (double b : trend_beds) CHECK(b == doctest::Approx(5298));
  CHECK(plan_beds[4] == doctest::Approx(6258));
  const auto trend_places = per_year(series_of(groups, supply::kNaturalTrendChildcare, "n_places"), years);
  const auto plan_places = per_year(series_of(groups, "childcare_capacity", "n_places"), years);
  CHECK(trend_places.back() == doctest::Approx(trend_places.front()));
  CHECK(plan_places[4] == doctest::Approx(1379));
}
