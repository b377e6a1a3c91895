// carecap. SPDX-License-Identifier: MIT
// Reading a plan's own figures (scenarios/loader/PlanLoader): targets for several years as
// [[plan_targets]] tables, one [plan_targets] table as before, each year validated once at the
// boundary with a one-line error naming the file, line and key (the broken files themselves are
// in tests/bad_inputs/, run by BadInputTest.cpp).
#include <doctest/doctest.h>

#include <algorithm>

#include "CliRunner.hpp"
#include "scenarios/loader/ScenarioLoader.hpp"
#include "sim/Errors.hpp"

using namespace carecap;
using namespace carecap::testing;

namespace {

const std::string kTestPlan = (kSourceDir / "tests" / "scenarios" / "beian_plan.toml").string();

/// A scenario over the Bei'an test plan with `sections` added, written into `dir`.
std::string scenario_with(const CaseDir& dir, const std::string& sections, const std::string& base = kTestPlan) {
  const std::string path = dir.file("plan.toml");
  write_file(path, "base = " + quoted(base) +
                       "\n[plan_facts]\ndocument = \"《北安市“一老一小”整体解决方案》，北政办规〔2023〕9号\"\nyear = 2020\n"
                       "source = \"test\"\n" + sections);
  return path;
}

/// The InputError a load throws, in both languages.
std::pair<std::string, std::string> refusal(const std::string& path) {
  try {
    (void)scenarios::load_scenario(path);
  } catch (const InputError& error) {
    return {error.what(), error.zh()};
  }
  FAIL("no InputError for " << path);
  return {};
}

}  // namespace

TEST_CASE("[[plan_targets]] tables give targets for several years, read in year order") {
  SUBCASE("two years, as the test plan gives them") {
    const auto s = scenarios::load_scenario("tests/scenarios/beian_plan_two_target_years.toml");
    REQUIRE(s.plan);
    REQUIRE(s.plan->targets.size() == 2);
    CHECK(s.plan->targets[0].year == 2022);
    CHECK(*s.plan->targets[0].nursing_bed_share == doctest::Approx(0.40));
    CHECK(s.plan->targets[1].year == 2025);
    CHECK(*s.plan->targets[1].nursing_bed_share == doctest::Approx(0.55));
    CHECK(s.plan->last_targets() == &s.plan->targets[1]);
  }
  SUBCASE("tables in any order are sorted by year") {
    const CaseDir dir;
    const auto s = scenarios::load_scenario(scenario_with(dir, "[[plan_targets]]\nyear = 2030\nelderly_care_beds = 6000\nsource = \"t\"\n"
                                                               "[[plan_targets]]\nyear = 2025\nelderly_care_beds = 5598\nsource = \"t\"\n"));
    REQUIRE(s.plan->targets.size() == 2);
    CHECK(s.plan->targets[0].year == 2025);
    CHECK(*s.plan->targets[1].elderly_care_beds == 6000);
  }
  SUBCASE("one [plan_targets] table is still one target year") {
    const auto s = scenarios::load_scenario("scenarios/beian/beian.toml");
    REQUIRE(s.plan->targets.size() == 1);
    CHECK(s.plan->targets.front().year == 2025);
    CHECK(*s.plan->targets.front().elderly_care_beds == 5598);  // 北政办规〔2023〕9号: 5,598张以上
  }
  SUBCASE("a file's [[plan_targets]] replace those of its base") {
    const CaseDir dir;
    const auto s = scenarios::load_scenario(
        scenario_with(dir, "[[plan_targets]]\nyear = 2030\nnursing_bed_share = 0.6\nsource = \"t\"\n",
                      (kSourceDir / "tests" / "scenarios" / "beian_plan_two_target_years.toml").string()));
    REQUIRE(s.plan->targets.size() == 1);
    CHECK(s.plan->targets.front().year == 2030);
  }
}

TEST_CASE("a [[plan_targets]] table's mistake is named by its place in the array, in both languages") {
  const CaseDir dir;
  SUBCASE("a share given in percent") {
    const auto [en, zh] = refusal(scenario_with(dir, "[[plan_targets]]\nyear = 2022\nsource = \"t\"\n"
                                                     "[[plan_targets]]\nyear = 2025\nnursing_bed_share = 55\nsource = \"t\"\n"));
    CHECK(contains(en, "plan.toml:11: plan_targets[1].nursing_bed_share: expected a finite number in 0..1"));
    CHECK(contains(zh, "plan.toml:11: plan_targets[1].nursing_bed_share: "));
  }
  SUBCASE("a table without its year") {
    const auto [en, zh] = refusal(scenario_with(dir, "[[plan_targets]]\nyear = 2022\nsource = \"t\"\n"
                                                     "[[plan_targets]]\nnursing_bed_share = 0.55\nsource = \"t\"\n"));
    CHECK(contains(en, "plan.toml:9: plan_targets[1].year: missing required key"));
    CHECK(contains(zh, "plan_targets[1].year"));
  }
  SUBCASE("a year before the projection's base year (after the facts' year)") {
    const std::string path = dir.file("early.toml");
    write_file(path, "base = " + quoted(kTestPlan) +
                         "\n[projection]\nbase_date = 2022-01-01\n[plan_facts]\ndocument = \"d\"\nyear = 2020\nsource = \"t\"\n"
                         "[[plan_targets]]\nyear = 2021\nelderly_care_beds = 5400\nsource = \"t\"\n");
    const auto [en, zh] = refusal(path);
    CHECK(contains(en, "plan_targets[0].year: expected a year within the projection, 2022..2035 (projection.base_date, "
                       "projection.end_year), got 2021"));
    CHECK(contains(zh, "预测期内的年份 2022..2035"));
  }
}

namespace {

const std::string kWorkforceTargets = (kSourceDir / "scenarios" / "data" / "workforce" / "plan_workforce_targets.csv").string();

/// [plan_facts] keys naming a workforce targets file and a plan, for scenario_with.
std::string workforce_keys(const std::string& file, const std::string& plan) {
  return "workforce_targets_file = " + quoted(file) + "\nworkforce_targets_plan = " + quoted(plan) + "\n";
}

/// A workforce targets table with the shipped header and `rows`, written into `dir`.
std::string targets_file(const CaseDir& dir, const std::string& rows) {
  const std::string path = dir.file("targets.csv");
  write_file(path, "plan,year,indicator,value,unit,quote_zh,source\n" + rows);
  return path;
}

}  // namespace

TEST_CASE("[plan_facts] names the workforce targets file and its plan: that plan's rows, in file order, the file recorded") {
  const CaseDir dir;
  const auto s = scenarios::load_scenario(scenario_with(dir, workforce_keys(kWorkforceTargets, "beian")));
  REQUIRE(s.plan);
  const auto& rows = s.plan->workforce_targets;
  REQUIRE(rows.size() == 10);  // scenarios/data/workforce/plan_workforce_targets.csv: Bei'an's ten rows
  CHECK(rows[0].indicator == "social_workers_per_1000_elderly");
  CHECK(rows[0].at_least);  // "persons per 1,000 persons aged 60+ (at least)": 不少于1人
  CHECK(rows[3].indicator == "care_workers_trained");
  CHECK(rows[3].value == 240);
  CHECK_FALSE(rows[3].at_least);
  CHECK(rows[4].value == 1000);  // 附件4: the plan's other figure
  CHECK(contains(rows[4].quote_zh, "培育培训养老护理员1000名"));
  CHECK(contains(rows[4].source, "北政办规〔2023〕9号"));
  for (const auto& r : rows) CHECK(r.year == 2025);
  // Recorded with its SHA-256 among the inputs, as every table the scenario reads.
  const auto recorded = std::find_if(s.inputs.begin(), s.inputs.end(),
                                     [](const auto& input) { return contains(input.path, "plan_workforce_targets.csv"); });
  REQUIRE(recorded != s.inputs.end());
  CHECK(recorded->sha256.size() == 64);
  SUBCASE("without the keys there are none") {
    const auto bare = scenarios::load_scenario(scenario_with(dir, ""));
    REQUIRE(bare.plan);
    CHECK(bare.plan->workforce_targets.empty());
  }
}

TEST_CASE("a workforce targets file's mistake is one line naming the file, line and column, in both languages") {
  const CaseDir dir;
  SUBCASE("a share written in percent") {
    const std::string csv = targets_file(dir, "t,2026,certified_care_workers_per_10000_elderly,26,persons,q,s\n"
                                              "t,2026,senior_grade_share_of_certified,18,fraction (at least),q,s\n");
    const auto [en, zh] = refusal(scenario_with(dir, workforce_keys(csv, "t")));
    CHECK(contains(en, "targets.csv:3: column 'value' expected a finite number in 0..1, got '18'"));
    CHECK(contains(zh, "targets.csv:3: 列 'value' 应为 0..1 之间的有限数，实为 '18'"));
    CHECK(en.find('\n') == std::string::npos);
  }
  SUBCASE("an indicator misspelt") {
    const std::string csv = targets_file(dir, "t,2025,care_worker_trained,240,persons,q,s\n");
    const auto [en, zh] = refusal(scenario_with(dir, workforce_keys(csv, "t")));
    CHECK(contains(en, "targets.csv:2: column 'indicator' expected one of the indicators of scenarios/data/workforce/README.md: "));
    CHECK(contains(en, "got 'care_worker_trained'"));
    CHECK(contains(zh, "targets.csv:2: 列 'indicator' 应为 scenarios/data/workforce/README.md 所列指标之一"));
  }
  SUBCASE("a row without its quote") {
    const std::string csv = targets_file(dir, "t,2025,care_workers_trained,240,persons,,s\n");
    const auto [en, zh] = refusal(scenario_with(dir, workforce_keys(csv, "t")));
    CHECK(contains(en, "targets.csv:2: column 'quote_zh' expected non-empty text, got ''"));
    CHECK(contains(zh, "非空文本"));
  }
  SUBCASE("a plan the file does not name") {
    const auto [en, zh] = refusal(scenario_with(dir, workforce_keys(kWorkforceTargets, "beyan")));
    CHECK(contains(en, "plan_facts.workforce_targets_plan: expected a plan named in the plan column of "));
    CHECK(contains(en, "\"beian\""));
    CHECK(contains(en, "got \"beyan\""));
    CHECK(contains(zh, "的 plan 列中的规划名"));
  }
  SUBCASE("a file without its plan") {
    const auto [en, zh] = refusal(scenario_with(dir, "workforce_targets_file = " + quoted(kWorkforceTargets) + "\n"));
    CHECK(contains(en, "plan_facts.workforce_targets_plan: missing required key"));
  }
}
