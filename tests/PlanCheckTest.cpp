// carecap. SPDX-License-Identifier: MIT
// The plan check (models/plan/PlanCheck) reports every contradiction of the plans, with its
// numbers, for Bei'an (北政办规〔2023〕9号, 2023-10-17) and Anyang (安政办〔2022〕37号, 2022-08-31):
// first from the plans' figures alone, then from the shipped scenarios (Jiaxing with targets for 2022 and 2025)
// run end to end.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include "models/plan/PlanCheck.hpp"
#include "scenarios/loader/ScenarioLoader.hpp"
#include "tools/run/PlanCheckReport.hpp"
#include "tools/run/PlanFindingText.hpp"
#include "tools/run/ScenarioRun.hpp"

using namespace carecap;
using namespace carecap::plan;

namespace {

/// A copy: callers pass the findings of check_plan as a temporary (ASan found the dangling
/// reference an earlier version returned).
PlanFinding finding(const std::vector<PlanFinding>& findings, const std::string& id) {
  const auto at = std::find_if(findings.begin(), findings.end(), [&](const PlanFinding& f) { return f.id == id; });
  REQUIRE_MESSAGE(at != findings.end(), "no finding " << id);
  return *at;
}

/// A finding's sentence as the terminal prints it in English (tools/run/PlanFindingText).
std::string en(const PlanFinding& f) { return tools::plan_finding_text(f).en; }

bool has(const std::vector<PlanFinding>& findings, const std::string& id) {
  return std::any_of(findings.begin(), findings.end(), [&](const PlanFinding& f) { return f.id == id; });
}

/// Bei'an's figures as the plan states them (北政办规〔2023〕9号; scenarios/beian/README.md).
PlanStatement beian_plan() {
  PlanStatement p;
  p.document = "《北安市“一老一小”整体解决方案》，北安市人民政府办公室，北政办规〔2023〕9号，2023年10月17日";
  p.facts.year = 2020;
  p.facts.population = 280000;
  p.facts.age_60_plus = 70000;
  p.facts.age_0_2 = 2709;
  p.facts.elderly_care_beds = 5298;
  p.facts.childcare_enrolled = 486;
  p.forecast = PlanForecast{2025, 90000.0, 0.30, {}, {}};
  PlanTargets t;
  t.year = 2025;
  t.elderly_care_beds = 5598;
  t.elderly_care_beds_added = 300;
  t.beds_per_1000_elderly = 73.6;
  t.childcare_places = 1379;
  t.childcare_places_per_1000_people = 4.5;
  p.targets = {t};
  return p;
}

/// The model's side with only the project list known: no projection has run.
ModelFigures list_only(double stated_beds) {
  ModelFigures m;
  m.listed_beds_stated = stated_beds;
  return m;
}

}  // namespace

TEST_CASE("Bei'an's bed targets imply 76,060 elders while the plan forecasts 90,000") {
  const auto findings = check_plan(beian_plan(), list_only(730));
  const PlanFinding& f = finding(findings, "elderly_implied_by_bed_rate");
  CHECK(f.plan == doctest::Approx(5598.0 / 73.6 * 1000.0));  // 76,059.8
  CHECK(f.other == 90000);
  CHECK(f.verdict == Verdict::contradiction);
  CHECK(en(f).find("76,060") != std::string::npos);
  CHECK(en(f).find("62.2 beds per 1,000") != std::string::npos);  // 5,598 / 90,000
}

TEST_CASE("Bei'an's +300 beds contradict the 730 beds its project list states") {
  const auto findings = check_plan(beian_plan(), list_only(730));
  const PlanFinding& f = finding(findings, "bed_additions_vs_list");
  CHECK(f.plan == 300);
  CHECK(f.other == 730);
  CHECK(f.verdict == Verdict::contradiction);
  CHECK(finding(findings, "bed_target_arithmetic").verdict == Verdict::agrees);  // 5,298 + 300 = 5,598
  // A list within the stated addition is no contradiction.
  CHECK(finding(check_plan(beian_plan(), list_only(300)), "bed_additions_vs_list").verdict == Verdict::agrees);
}

TEST_CASE("Bei'an's 1,379 places are one for every second child under 3, with 486 enrolled") {
  const PlanFinding& f = finding(check_plan(beian_plan(), list_only(730)), "childcare_places_per_child");
  CHECK(f.plan == doctest::Approx(1379.0 / 2709.0));  // 0.51
  CHECK(en(f).find("51 places per 100 children") != std::string::npos);
  CHECK(en(f).find("486 were enrolled") != std::string::npos);
  CHECK(en(f).find("per 1,000 people") != std::string::npos);
  // 1,379 at 4.5 per 1,000 needs 306,444 people, not the plan's 280,000.
  const PlanFinding& population = finding(check_plan(beian_plan(), list_only(730)), "population_implied_by_place_rate");
  CHECK(population.plan == doctest::Approx(306444.4).epsilon(1e-6));
  CHECK(population.verdict == Verdict::contradiction);
}

TEST_CASE("consistent targets raise no contradiction") {
  PlanStatement p = beian_plan();
  p.forecast->age_60_plus = 5598.0 / 73.6 * 1000.0;
  p.targets.front().childcare_places = 1260;  // 4.5 x 280,000 / 1,000
  const auto findings = check_plan(p, list_only(250));
  for (const auto& f : findings) CHECK_MESSAGE(f.verdict != Verdict::contradiction, en(f));
  // Figures not stated are not checked.
  PlanStatement bare;
  bare.facts.year = 2020;
  CHECK(check_plan(bare, ModelFigures{}).empty());
}

TEST_CASE("the shipped Bei'an scenario: base facts reproduced, the seed contradictions reported with the model's figures") {
  auto s = scenarios::load_scenario("scenarios/beian/beian.toml");
  REQUIRE(s.plan);
  s.supply->capacity.replications = 2;  // the check reads means; two replications suffice here
  const auto run = tools::run_scenario(s, 1);
  const ModelFigures model = tools::model_figures(s, run.replications);
  const auto findings = check_plan(*s.plan, model);
  for (const char* fact : {"population", "age_60_plus", "share_60_plus", "age_0_2", "elderly_care_beds", "childcare_enrolled"})
    CHECK_MESSAGE(finding(findings, fact).verdict == Verdict::agrees, fact);
  // The plan's forecast against the projection: 90,000 against the model's 80,067 aged 60+ (closed population).
  const PlanFinding& forecast = finding(findings, "forecast_age_60_plus");
  CHECK(forecast.other == doctest::Approx(80067).epsilon(1e-4));
  CHECK(forecast.verdict == Verdict::differs);
  CHECK(finding(findings, "elderly_implied_by_bed_rate").verdict == Verdict::contradiction);
  const PlanFinding& list = finding(findings, "bed_additions_vs_list");
  CHECK(list.other == 730);  // stated capacities of the list (北政办规〔2023〕9号, 附件1)
  CHECK(list.verdict == Verdict::contradiction);
  const PlanFinding& childcare = finding(findings, "childcare_places_per_child");
  CHECK(childcare.plan == doctest::Approx(1379.0 / 2709.0));
  CHECK(childcare.verdict == Verdict::differs);  // places far above the places sought
  CHECK(finding(findings, "target_nursing_bed_share").verdict == Verdict::differs);  // 44% < 55%
}

TEST_CASE("the shipped Anyang scenario: base facts reproduced, the per-1,000 rule gives 14 places per 100 children") {
  auto s = scenarios::load_scenario("scenarios/anyang/anyang.toml");
  REQUIRE(s.plan);
  s.supply->capacity.replications = 1;
  const auto run = tools::run_scenario(s, 1);
  const auto findings = check_plan(*s.plan, tools::model_figures(s, run.replications));
  for (const char* fact : {"population", "age_60_plus", "share_60_plus", "age_0_2", "elderly_care_beds", "nursing_bed_share",
                           "childcare_places_per_1000_people"})
    CHECK_MESSAGE(finding(findings, fact).verdict == Verdict::agrees, fact);
  const PlanFinding& childcare = finding(findings, "childcare_places_per_child");
  CHECK(childcare.plan == doctest::Approx(24600.0 / 172300.0));  // 14.3%
  CHECK(en(childcare).find("14 places per 100 children") != std::string::npos);
  CHECK(en(childcare).find("set per 1,000 people") != std::string::npos);
  // The plan's "+40,000 aged 60+ a year" is checked against the projection.
  CHECK(has(findings, "forecast_age_60_plus_increase"));
  CHECK(finding(findings, "forecast_age_60_plus_increase").plan == 40000);
  // 24,600 = 4.5 per 1,000 of 5,466,667: the plan's own figures agree with each other here.
  CHECK(finding(findings, "population_implied_by_place_rate").verdict == Verdict::agrees);
}

TEST_CASE("every shipped scenario reproduces the base-year facts it transcribes") {
  // Jiaxing's table 1 gives 3.11 places per 1,000 people beside 3,151 places: no population of
  // Jiaxing makes both hold (the plan's own indicator table says 0.8), so that fact alone differs.
  const char* scenarios_with_plans[] = {
      "scenarios/beian/beian.toml",           "scenarios/beian/beian_unstated_beds_zero.toml",
      "scenarios/anyang/anyang.toml",         "scenarios/anyang/anyang_childcare_by_children.toml",
      "scenarios/jiaxing/jiaxing.toml",       "scenarios/jiaxing/jiaxing_childcare_by_children.toml",
      "scenarios/heilongjiang/heilongjiang.toml", "scenarios/heilongjiang/heilongjiang_out_migration.toml"};
  for (const char* path : scenarios_with_plans) {
    CAPTURE(path);
    const auto s = scenarios::load_scenario(path);
    REQUIRE(s.plan);
    int facts = 0;
    for (const auto& f : check_plan(*s.plan, tools::model_figures(s, {}))) {
      if (f.kind != FindingKind::base_fact) continue;
      ++facts;
      const bool jiaxing_rate = std::string(path).find("jiaxing") != std::string::npos && f.id == "childcare_places_per_1000_people";
      CHECK_MESSAGE((f.verdict == Verdict::agrees) != jiaxing_rate, en(f));
    }
    CHECK(facts >= 2);
  }
}

TEST_CASE("a start-up transient of occupied beds is reported with the assumption that causes it") {
  // 2,649 residents on 1 January 2021 (half the beds) while the demand model sustains about 522:
  // occupied beds drain from 2,590 to 1,300 in two years while beds and elders barely move.
  ModelFigures m;
  m.start = "occupancy_share";
  m.initial_residents = 2649;
  m.national_use_residents = 522;
  for (int y = 2021; y <= 2025; ++y) {
    m.years[y].beds = 5298;
    m.years[y].age_60_plus = 70000 + 2000 * (y - 2021);
  }
  m.years[2021].occupied_beds = 2590;
  m.years[2022].occupied_beds = 1800;
  m.years[2023].occupied_beds = 1300;
  const auto transient = finding(check_plan(beian_plan(), m), "start_transient");
  CHECK(transient.verdict == Verdict::differs);
  CHECK(en(transient).find("capacity.initial_occupancy") != std::string::npos);
  CHECK(en(transient).find("-49.8%") != std::string::npos);
  CHECK(en(finding(check_plan(beian_plan(), m), "start_use")).find("5.1 times") != std::string::npos);

  SUBCASE("occupancy that moves with beds or elders is no transient") {
    m.years[2023].beds = 2600;  // half the beds closed
    CHECK_FALSE(has(check_plan(beian_plan(), m), "start_transient"));
  }
  SUBCASE("a smooth start raises nothing") {
    m.years[2022].occupied_beds = 2650;
    m.years[2023].occupied_beds = 2700;
    CHECK_FALSE(has(check_plan(beian_plan(), m), "start_transient"));
  }
}

TEST_CASE("a start-up jump of children enrolled is reported with the wish rate that causes it") {
  // 420 children enrolled on 1 January 2021 in 900 places; families of one in three children
  // aged 6-36 months seek a place, about 600: enrolment fills to 560 by 2023 while the places and
  // the children under 3 barely move (+33.3% from the start).
  ModelFigures m;
  m.base.childcare_enrolled = 420;
  m.base.childcare_places = 900;
  m.base.age_0_2 = 2709;
  m.childcare_wish_rate = 1.0 / 3;
  for (int y = 2021; y <= 2025; ++y) {
    m.years[y].childcare_places = 900;
    m.years[y].age_0_2 = 2709 - 40 * (y - 2020);
    m.years[y].childcare_places_sought = 600;
  }
  m.years[2021].childcare_enrolled = 530;
  m.years[2022].childcare_enrolled = 555;
  m.years[2023].childcare_enrolled = 560;
  const auto jump = finding(check_plan(beian_plan(), m), "childcare_start_transient");
  CHECK(jump.verdict == Verdict::differs);
  CHECK(jump.plan == doctest::Approx(420));
  CHECK(jump.other == doctest::Approx(560));
  const auto words = tools::plan_finding_text(jump);
  for (const std::string& sentence : {words.en, words.zh})
    for (const char* figure : {"420", "560", "2021", "2023", "+33.3%", "+0.0%", "-4.4%", "600", "33.3%", "[childcare] wish_rate"})
      CHECK_MESSAGE(sentence.find(figure) != std::string::npos, figure << " missing from " << sentence);

  SUBCASE("a fall of enrolment is a start-up transient as well") {
    m.years[2023].childcare_enrolled = 360;  // -14.3%
    CHECK(en(finding(check_plan(beian_plan(), m), "childcare_start_transient")).find("-14.3%") != std::string::npos);
  }
  SUBCASE("enrolment that follows places opening is no transient") {
    m.years[2023].childcare_places = 1000;  // +11.1%
    CHECK_FALSE(has(check_plan(beian_plan(), m), "childcare_start_transient"));
  }
  SUBCASE("enrolment that follows the children under 3 is no transient") {
    m.years[2023].age_0_2 = 2400;  // -11.4%
    CHECK_FALSE(has(check_plan(beian_plan(), m), "childcare_start_transient"));
  }
  SUBCASE("enrolment moving by less than 10% raises nothing") {
    m.years[2023].childcare_enrolled = 460;  // +9.5%
    CHECK_FALSE(has(check_plan(beian_plan(), m), "childcare_start_transient"));
  }
  SUBCASE("without a childcare simulation there is nothing to report") {
    for (auto& [year, y] : m.years) y.childcare_enrolled = kNotModelled;
    CHECK_FALSE(has(check_plan(beian_plan(), m), "childcare_start_transient"));
  }
}

TEST_CASE("figures of 0 never make the plan check print or store inf or NaN") {
  // Rates of 0 per 1,000 (the loader refuses them: tests/bad_inputs/plan_target_rate_zero.toml),
  // a forecast share of 0, no children and counts of 0 reach check_plan when it is called directly.
  PlanStatement p = beian_plan();
  p.facts.population = 0;
  p.facts.age_0_2 = 0;
  p.facts.childcare_places = 0;
  p.facts.childcare_places_per_1000_people = 0;
  p.forecast = PlanForecast{2025, 0.0, 0.0, 0.0, 0.0};
  p.targets.front().beds_per_1000_elderly = 0;
  p.targets.front().childcare_places_per_1000_people = 0;
  ModelFigures m = list_only(730);
  m.base.population = 280000;
  m.base.age_60_plus = 70000;
  m.base.age_0_2 = 2709;
  for (int y = 2021; y <= 2025; ++y) {
    ModelYear& f = m.years[y];
    f.population = 280000;
    f.age_60_plus = 70000 + 2000 * (y - 2021);
    f.age_0_2 = 0;
    f.births = 700;
    f.beds = 5298;
    f.nursing_beds = 1000;
    f.childcare_places = 1379;
    f.childcare_places_sought = 0;
  }
  const auto findings = check_plan(p, m);
  CHECK(findings.size() >= 4);
  for (const auto& f : findings) {
    CAPTURE(en(f));
    CHECK(std::isfinite(f.plan));
    CHECK(std::isfinite(f.other));
    for (const std::string& sentence : {tools::plan_finding_text(f).zh, en(f)}) {
      CHECK(sentence.find("inf") == std::string::npos);
      CHECK(sentence.find("nan") == std::string::npos);
    }
  }
  // The implied figures need a rate above 0; the forecast of 0 is compared, not divided by.
  CHECK_FALSE(has(findings, "elderly_implied_by_bed_rate"));
  CHECK_FALSE(has(findings, "population_implied_by_forecast"));
  CHECK_FALSE(has(findings, "childcare_places_per_child"));  // no children under 3 in the plan's base
  CHECK(en(finding(findings, "forecast_age_60_plus")).find("no percentage of 0") != std::string::npos);

  SUBCASE("without a demand model, places per child are held against the children enrolled, not NaN") {
    const PlanFinding f = finding(check_plan(beian_plan(), list_only(730)), "childcare_places_per_child");
    CHECK(f.other == doctest::Approx(486.0 / 2709.0));
    CHECK(f.other_label == "plan enrolled");
  }
}

TEST_CASE("a plan with targets for two years is checked in each: Jiaxing's 2022 milestone and 2025 targets") {
  // The Jiaxing draft's indicator table (2020 / 2022 / 2025): nursing-type share 54 / 56 / 60%,
  // childcare places per 1,000 people 0.8 / 3.2 / 4.6; scenarios/jiaxing/jiaxing.toml transcribes both years.
  auto s = scenarios::load_scenario("scenarios/jiaxing/jiaxing.toml");
  REQUIRE(s.plan);
  REQUIRE(s.plan->targets.size() == 2);
  CHECK(s.plan->targets[0].year == 2022);
  CHECK(*s.plan->targets[0].nursing_bed_share == doctest::Approx(0.56));
  CHECK(*s.plan->targets[0].childcare_places_per_1000_people == doctest::Approx(3.2));
  CHECK(s.plan->targets[1].year == 2025);
  CHECK(*s.plan->targets[1].nursing_bed_share == doctest::Approx(0.60));
  CHECK(s.plan->last_targets()->year == 2025);
  s.supply->capacity.replications = 1;
  const auto run = tools::run_scenario(s, 1);
  const auto findings = check_plan(*s.plan, tools::model_figures(s, run.replications));
  auto in_year = [&](const std::string& id, int year) {
    for (const auto& f : findings)
      if (f.id == id && f.year == year) return f;
    FAIL("no finding " << id << " for " << year);
    return findings.front();
  };
  // 2022: the base year's 53.9% (the conversions of 2022 open in 2023) is short of 56%.
  const PlanFinding nursing_2022 = in_year("target_nursing_bed_share", 2022);
  CHECK(nursing_2022.plan == doctest::Approx(0.56));
  CHECK(nursing_2022.other == doctest::Approx(20907.0 / 38788.0).epsilon(1e-3));
  CHECK(nursing_2022.verdict == Verdict::differs);
  // 2025: the three conversions reach 60%.
  const PlanFinding nursing_2025 = in_year("target_nursing_bed_share", 2025);
  CHECK(nursing_2025.plan == doctest::Approx(0.60));
  CHECK(nursing_2025.verdict == Verdict::agrees);
  CHECK(in_year("target_childcare_places_per_1000_people", 2022).verdict == Verdict::differs);
  CHECK(in_year("target_childcare_places_per_1000_people", 2025).verdict == Verdict::agrees);
  CHECK(in_year("childcare_places_per_child", 2022).plan < in_year("childcare_places_per_child", 2025).plan);
}

TEST_CASE("projects dated in a target year open after it with a build lag, and the check says so") {
  ModelFigures m = list_only(730);
  m.build_lag_years = 1;
  //          plan year, opens, beds, places
  m.projects = {{2024, 2025, 120, 0}, {2025, 2026, 90, 0}, {2025, 2026, 0, 60}, {2026, 2027, 50, 0}};
  const PlanFinding late = finding(check_plan(beian_plan(), m), "projects_open_after_target");
  CHECK(late.kind == FindingKind::target);
  CHECK(late.year == 2025);
  CHECK(late.plan == 2);   // the two projects dated 2025
  CHECK(late.other == 3);  // of the three dated by 2025
  CHECK(late.values.at("beds") == 90);
  CHECK(late.values.at("places") == 60);
  CHECK(late.verdict == Verdict::differs);
  CHECK(en(late).find("2 of the 3 projects the plan dates by 2025 (90 beds, 60 childcare places) open after 2025 with a "
                      "build lag of 1 year(s)") != std::string::npos);
  CHECK(tools::plan_finding_text(late).zh.find("2025年及以前的3个规划项目中，2个（90张床位、60个托位）按建设周期1年") !=
        std::string::npos);

  SUBCASE("without a lag a project of the target year opens in it: nothing to flag") {
    m.build_lag_years = 0;
    for (auto& p : m.projects) p.opens = p.plan_year;
    CHECK_FALSE(has(check_plan(beian_plan(), m), "projects_open_after_target"));
  }
  SUBCASE("the shipped Jiaxing scenario: its 2022 projects open in 2023, after the 2022 milestone") {
    const auto s = scenarios::load_scenario("scenarios/jiaxing/jiaxing.toml");
    std::vector<PlanFinding> lag;
    for (const auto& f : check_plan(*s.plan, tools::model_figures(s, {})))
      if (f.id == "projects_open_after_target") lag.push_back(f);
    REQUIRE(lag.size() == 1);  // none for 2025: the last projects are dated 2024
    CHECK(lag.front().year == 2022);
    CHECK(lag.front().plan == 2);                         // N1 (789 beds converted) and P1 (4,474 places)
    CHECK(lag.front().values.at("beds") == 789);
    CHECK(lag.front().values.at("places") == 4474);
  }
}
