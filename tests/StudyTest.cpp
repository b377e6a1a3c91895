// carecap. SPDX-License-Identifier: MIT
// Specification of studies: plan variants as scenario overlays, run with common random numbers
// and compared against the baseline (scenarios/studies/beian_plan_variants.toml).
#include <doctest/doctest.h>

#include <cmath>

#include "CliRunner.hpp"
#include "output/Hdf5Reader.hpp"
#include "scenarios/loader/ScenarioLoader.hpp"
#include "scenarios/loader/Study.hpp"
#include "sim/Errors.hpp"
#include "tools/report/CsvExport.hpp"
#include "tools/report/HtmlReport.hpp"
#include "tools/report/StudyReport.hpp"
#include "tools/run/RunOutcomes.hpp"
#include "tools/run/ScenarioRun.hpp"

namespace fs = std::filesystem;
using namespace carecap;
using namespace carecap::testing;

namespace {

const std::string kStudy = "scenarios/studies/beian_plan_variants.toml";

double outcome(const std::vector<tools::Outcome>& outcomes, const std::string& name) {
  for (const auto& o : outcomes)
    if (o.name == name) return o.value;
  FAIL("no outcome " << name);
  return 0;
}

std::vector<tools::Outcome> outcomes_of(const scenarios::Scenario& s) {
  return tools::run_outcomes(s, tools::run_scenario(s, 2).replications);
}

/// The table `id` of a report, or nullptr.
const report::Table* table_of(const report::ReportContent& content, const std::string& id) {
  for (const report::Table* table : report::all_tables(content))
    if (table->id == id) return table;
  return nullptr;
}

/// The words of a cell, or "" when it holds none.
report::Text words_of(const report::Cell& cell) {
  const report::Text* text = std::get_if<report::Text>(&cell);
  return text ? *text : report::Text{};
}

/// The report of the Bei'an study file `study`: Chinese names in every table and chart, the
/// baseline first, the ranking led by the only variant that meets the 55% nursing-type share.
void check_study_report(const std::string& study, const CaseDir& dir) {
  using namespace carecap::report;
  const ReportContent content = study_report(OutputView(study));
  const std::vector<std::string> zh{"按规划", "推迟一年", "30%普通床位转护理型", "未注明床位按零计"};
  const std::vector<std::string> en{"as_published", "delayed_one_year", "convert_30pct_general", "unstated_beds_zero"};
  CHECK(content.title.zh == "北安市“一老一小”规划方案比较");  // the study's label_zh
  CHECK(content.title.en == "carecap study: beian_plan_variants");

  {  // the ranking: the only variant that meets the 55% nursing share (every other target too) first
    const Table* ranking = table_of(content, "ranking");
    REQUIRE(ranking != nullptr);
    REQUIRE(ranking->rows.size() == 4);
    CHECK(words_of(ranking->rows[0][1]).zh == "30%普通床位转护理型");
    CHECK(words_of(ranking->rows[0][1]).en == "convert_30pct_general");
    CHECK(words_of(ranking->rows[0][3]).zh == "无");
    const double first = std::get<double>(ranking->rows[0][2]);
    for (const auto& row : ranking->rows) CHECK(std::get<double>(row[2]) <= first);
    for (std::size_t r = 1; r < ranking->rows.size(); ++r)
      CHECK(contains(words_of(ranking->rows[r][3]).zh, "护理型床位占比"));  // no other variant reaches 55%
    // Ranks are 1..4; the rule in one sentence in both languages.
    for (std::size_t r = 0; r < ranking->rows.size(); ++r)
      CHECK(std::get<double>(ranking->rows[r][0]) == static_cast<double>(r + 1));
    CHECK(contains(ranking->note.zh, "排序规则：先比规划目标年达到的规划目标项数"));
    CHECK(contains(ranking->note.en, "Ranked by the plan targets met in the target year"));
  }
  {  // every table and chart lists the scenarios in the study's order, the baseline first, in Chinese and English
    for (const char* id : {"key_outcomes", "comparison", "difference", "scenarios"}) {
      CAPTURE(id);
      const Table* table = table_of(content, id);
      REQUIRE(table != nullptr);
      REQUIRE(table->rows.size() == 4);
      for (std::size_t i = 0; i < 4; ++i) {
        CHECK(words_of(table->rows[i][0]).zh == zh[i]);
        CHECK(words_of(table->rows[i][0]).en == en[i]);
      }
    }
    const Table* by_year = table_of(content, "indicators_by_year");
    REQUIRE(by_year != nullptr);
    CHECK(words_of(by_year->rows[0][2]).zh == "按规划");
    CHECK(words_of(by_year->rows[1][2]).zh == "推迟一年");
    std::size_t charts = 0;
    for (const Section& section : content.sections)
      for (const Chart& chart : section.charts) {
        CAPTURE(chart.id);
        REQUIRE(chart.series.size() == 4);
        for (std::size_t i = 0; i < 4; ++i) CHECK(chart.series[i].name.zh == zh[i]);
        CHECK(chart.series[0].name.en == "as_published");
        ++charts;
      }
    CHECK(charts >= 7 + 16);  // the key outcomes' bars and the indicators' lines
    const std::string page = html_report(content, "zh");
    for (const std::string& name : zh) CHECK_MESSAGE(contains(page, name), name);
  }
  {  // the key columns: units and number formats per column, shares in percent
    const Table* key = table_of(content, "key_outcomes");
    REQUIRE(key != nullptr);
    std::vector<std::string> header;
    for (const Column& c : key->columns) header.push_back(c.name.zh + (c.units.zh.empty() ? "" : "（" + c.units.zh + "）"));
    CHECK(header == std::vector<std::string>{"方案", "达标目标数（项）", "目标年护理型床位占比（%）", "空置床位年（张·年）",
                                             "养老建设投资（万元）", "养老运营成本（万元）", "养老轮候人年（人·年）",
                                             "未入托放弃人数（人）"});
    CHECK(key->columns[2].decimals == 1);  // 62.0%
    for (std::size_t c : {1, 3, 4, 5, 6, 7}) CHECK(key->columns[c].decimals == 0);  // whole persons, bed-years, 万元
    const ReportArray share = OutputView(study).read("comparison", "nursing_share_in_target_year");
    CHECK(std::get<double>(key->rows[2][2]) == doctest::Approx(100 * share.values[2]));
    CHECK(std::get<double>(key->rows[2][2]) == doctest::Approx(62.0).epsilon(0.01));
    // The CSV export carries the Chinese names and the percent.
    const std::string csv = (dir.path() / "tables").string();
    write_csv_directory(content, "zh", csv, false);
    const std::string ranking_csv = read_file(fs::path(csv) / "ranking.csv");
    CHECK(contains(ranking_csv, "1,30%普通床位转护理型,"));
    CHECK(contains(read_file(fs::path(csv) / "key_outcomes.csv"), "目标年护理型床位占比（%）"));
  }
}

}  // namespace

TEST_CASE("a study loads its baseline and applies each variant's overrides, seed and replications") {
  const scenarios::Study study = scenarios::load_study(kStudy);
  REQUIRE(study.variants.size() == 4);
  CHECK(study.variants[0].name == "as_published");
  CHECK(study.variants[0].scenario.supply->supply.build_lag_years == 1);
  CHECK(study.variants[1].name == "delayed_one_year");
  CHECK(study.variants[1].scenario.supply->supply.build_lag_years == 2);
  for (const auto& v : study.variants) {
    CHECK(v.scenario.run.seed == 20230101);
    CHECK(v.scenario.supply->capacity.replications == 10);
  }
  CHECK(contains(study.variants[1].scenario.text, "# overlay: " + kStudy));  // recorded in the output's provenance
}

TEST_CASE("the study's baseline is the scenario run on its own with the same seed (common random numbers)") {
  const scenarios::Study study = scenarios::load_study(kStudy);
  scenarios::Scenario alone = scenarios::load_scenario("scenarios/beian/beian.toml");
  alone.run.seed = 20230101;
  alone.supply->capacity.replications = 10;
  const auto a = outcomes_of(alone), b = outcomes_of(study.variants[0].scenario);
  for (std::size_t k = 0; k < a.size(); ++k) {
    CAPTURE(a[k].name);
    CHECK((a[k].value == b[k].value || (std::isnan(a[k].value) && std::isnan(b[k].value))));
  }
}

TEST_CASE("variants move the outcomes the way the plan's project list says they must") {
  const scenarios::Study study = scenarios::load_study(kStudy);
  const auto base = outcomes_of(study.variants[0].scenario);
  const auto delayed = outcomes_of(study.variants[1].scenario);
  const auto converted = outcomes_of(study.variants[2].scenario);
  // The list's 2022 projects open on 1 January 2023 (lag 1): 5,298 + their beds pass the
  // 5,598-bed target in 2023; a year's delay moves that to 2024.
  CHECK(outcome(base, "first_year_beds_target_met") == 2023);
  CHECK(outcome(delayed, "first_year_beds_target_met") == 2024);
  // Converting 30% of each town's 2020 general beds adds exactly those beds to the nursing
  // share in 2025 and costs 12.1 (10,000 yuan) per bed converted.
  const auto& supply = study.variants[0].scenario.supply->supply;
  double converted_beds = 0;
  for (std::size_t r = 0; r < supply.regions.size(); ++r) {
    double general = 0;
    for (const auto& f : supply.facilities)
      if (f.region == static_cast<int>(r) && f.opens <= 2021) general += static_cast<double>(f.beds[0]);
    converted_beds += std::round(0.3 * general);
  }
  const double beds_2025 = outcome(base, "beds_in_target_year");
  CHECK(outcome(converted, "nursing_share_in_target_year") ==
        doctest::Approx(outcome(base, "nursing_share_in_target_year") + converted_beds / beds_2025));
  CHECK(outcome(converted, "capital_cost_wan_yuan") ==
        doctest::Approx(outcome(base, "capital_cost_wan_yuan") + 12.1 * converted_beds));
  // The published plan never reaches its 55% nursing share; the conversion reaches it.
  CHECK(std::isnan(outcome(base, "first_year_nursing_share_target_met")));
  CHECK(outcome(converted, "first_year_nursing_share_target_met") == 2023);
}

/// The shipped Bei'an study (it has a Chinese title), in `dir`, its scenario path pointed back to the
/// source tree; `keep_title` false: without the study's `label_zh` line.
fs::path study_with_title(const CaseDir& dir, bool keep_title = true) {
  std::string text = read_file(kSourceDir / kStudy);
  const std::string relative = "scenario = \"../beian/beian.toml\"";
  REQUIRE(text.find(relative) != std::string::npos);
  text.replace(text.find(relative), relative.size(), "scenario = \"" + (kSourceDir / "scenarios/beian/beian.toml").string() + "\"");
  const std::string title = "label_zh = \"北安市“一老一小”规划方案比较\"\n";
  REQUIRE(text.find(title) != std::string::npos);
  if (!keep_title) text.erase(text.find(title), title.size());
  write_file(dir.path() / "titled.toml", text);
  return dir.path() / "titled.toml";
}

TEST_CASE("a study and its variants may carry Chinese names") {
  const CaseDir dir;
  const scenarios::Study study = scenarios::load_study(study_with_title(dir).string());
  CHECK(study.label_zh == "北安市“一老一小”规划方案比较");
  CHECK(study.variants[0].label_zh == "按规划");
  CHECK(study.variants[2].label_zh == "30%普通床位转护理型");
  const CaseDir untitled;
  CHECK(scenarios::load_study(study_with_title(untitled, false).string()).label_zh.empty());  // optional
}

TEST_CASE("carecap study stores the comparison with Chinese names in one HDF5 file, and its report reads it") {
  const CaseDir dir;
  const fs::path out = dir.path() / "study.h5";
  const auto run = run_carecap({"study", study_with_title(dir).string(), "-o", out.string()});
  INFO(run.err);
  REQUIRE(run.status == 0);
  // The terminal's table names outcomes by their ids in English, by their Chinese names in Chinese.
  for (const char* row : {"first_year_beds_target_met", "idle_bed_years", "delayed_one_year", "2024 (+1 y)",
                          "nursing_share_in_target_year", "(-1.5 pp)"})
    CHECK_MESSAGE(contains(run.out, row), row);
  const fs::path out_zh = dir.path() / "study_zh.h5";
  const auto run_zh = run_carecap_in(kChineseLocale, {"study", study_with_title(dir).string(), "-o", out_zh.string()});
  REQUIRE(run_zh.status == 0);
  for (const char* row : {"床位目标达成年份", "空置床位年", "达标目标数", "2024（+1年）", "（-1.5个百分点）"})
    CHECK_MESSAGE(contains(run_zh.out, row), row);
  const CaseDir capture;
  REQUIRE(std::system(("h5ls -r " + quoted(out.string()) + " > " + quoted((capture.path() / "ls").string())).c_str()) == 0);
  const std::string listing = read_file(capture.path() / "ls");
  for (const char* dataset : {"/comparison/idle_bed_years", "/difference_from_baseline/capital_cost_wan_yuan", "/indicators/beds",
                              "/scenario", "/scenario_label_zh", "/comparison/targets_met"})
    CHECK_MESSAGE(contains(listing, dataset), dataset);
  // The Chinese names over the scenario dimension, the baseline first, then as the study lists them.
  const output::Hdf5Reader file(out.string());
  CHECK(file.read_dimension("", "scenario").labels ==
        std::vector<std::string>{"as_published", "delayed_one_year", "convert_30pct_general", "unstated_beds_zero"});
  CHECK(file.read_text("", "scenario_label_zh") ==
        std::vector<std::string>{"按规划", "推迟一年", "30%普通床位转护理型", "未注明床位按零计"});
  CHECK(file.root_text("study_label_zh") == "北安市“一老一小”规划方案比较");
  // The plan's targets met in 2025: only the conversion reaches the 55% nursing share.
  CHECK(file.read_series("comparison", "nursing_share_target_met").values == std::vector<double>{0, 0, 1, 0});
  const auto met = file.read_series("comparison", "targets_met").values;
  const auto set = file.read_series("comparison", "targets_set").values;
  CHECK(set == std::vector<double>{5, 5, 5, 5});
  CHECK(met[2] == 5);
  for (double m : met) CHECK(m <= met[2]);
  CHECK(met[1] < met[0]);  // a year's delay misses the 2025 childcare places target (met in 2026)
  CHECK(contains(run.out, "targets_met"));
  check_study_report(out.string(), dir);
}

TEST_CASE("a study file saved with a UTF-8 byte-order mark (as Windows editors save it) is read") {
  const CaseDir dir;
  write_file(dir.path() / "bom.toml", "\xef\xbb\xbf" + read_file(kSourceDir / kStudy));
  // Paths in the study are relative to its folder: point the scenario back to the source tree.
  std::string text = read_file(dir.path() / "bom.toml");
  const std::string relative = "scenario = \"../beian/beian.toml\"";
  REQUIRE(text.find(relative) != std::string::npos);
  text.replace(text.find(relative), relative.size(),
               "scenario = \"" + (kSourceDir / "scenarios/beian/beian.toml").string() + "\"");
  write_file(dir.path() / "bom.toml", text);
  const scenarios::Study with_bom = scenarios::load_study((dir.path() / "bom.toml").string());
  const scenarios::Study plain = scenarios::load_study(kStudy);
  CHECK(with_bom.name == plain.name);
  CHECK(with_bom.variants.size() == plain.variants.size());
}

TEST_CASE("bad study files exit 2 with one line naming the file and line, and write nothing") {
  const CaseDir dir;
  const std::string head = "[study]\nname = \"s\"\ndescription = \"d\"\nscenario = \"" +
                           (kSourceDir / "scenarios/beian/beian.toml").string() + "\"\nsource = \"t\"\n";
  struct Bad {
    std::string text, expected;
  };
  const Bad cases[] = {
      {head + "[[variant]]\nname = \"v\"\ndescription = \"d\"\n[variant.overrides.supply]\nbuild_lag_yearz = 2\n",
       "bad.toml:10: supply.build_lag_yearz: unknown key"},
      {head + "[[variant]]\nname = \"v\"\ndescription = \"d\"\n[variant.overrides.supply]\nbuild_lag_years = -1\n",
       "bad.toml:10: supply.build_lag_years: expected a whole number in 0..10"},
      {head, "expected at least one [[variant]]"},
      {head + "[[variant]]\nname = \"baseline\"\ndescription = \"d\"\n[variant.overrides.supply]\nbuild_lag_years = 2\n",
       "got \"baseline\" twice"},
      // The battery of every file type (docs/reliability.md): structure, encoding, paths.
      {"[study]\nname = \"s\"\ndescription = \"d\"\nscenario = \"nothere.toml\"\nsource = \"t\"\n",
       "bad.toml:4: study.scenario: expected an existing file (relative to " + (dir.path() / "bad.toml").string() +
           "), got \"nothere.toml\", which does not exist (resolved: " + (dir.path() / "nothere.toml").string() + ")"},
      {head + "colour = 1\n", "bad.toml:6: study.colour: unknown key; expected one of"},
      {"[study]\nname = \"s\"\ndescription = \"d\n", "bad.toml:3: malformed TOML"},
      {"[study]\nname = \"s\"\ndescription = \"\xb1\xb1\xb0\xb2\"\n", "bad.toml:3: malformed TOML: Encountered invalid utf-8 sequence"},
      {"", "bad.toml: study: expected a [study] table, got none"},
      {"[study]\nname = \"../s\"\n", "bad.toml:2: study.name: expected a snake_case name"},
      // A variant of another capacity horizon: outcomes summed over other years (issue 19).
      {head + "[[variant]]\nname = \"v\"\ndescription = \"d\"\n[variant.overrides.capacity]\nlast_year = 2022\n",
       "bad.toml:10: variant.v.overrides.capacity.last_year: expected the baseline's capacity horizon 2021-2035, got "
       "2021-2022 (outcomes are sums over the simulated years)"},
      // Keys a variant cannot change: the study would run it with the baseline's value, or never
      // read or record it.
      {head + "[[variant]]\nname = \"v\"\ndescription = \"d\"\n[variant.overrides.capacity]\nreplications = 3\n",
       "bad.toml:10: variant.v.overrides.capacity.replications: expected a key that a variant can change, got one the "
       "study would ignore: every scenario is run with the same replications"},
      {head + "[[variant]]\nname = \"v\"\ndescription = \"d\"\n[variant.overrides.projection]\nseed = 5\n",
       "bad.toml:10: variant.v.overrides.projection.seed: expected a key that a variant can change"},
      {head + "[[variant]]\nname = \"v\"\ndescription = \"d\"\n[variant.overrides.scenario]\nname = \"other\"\n",
       "bad.toml:10: variant.v.overrides.scenario.name: expected a key that a variant can change"},
      {head + "[[variant]]\nname = \"v\"\ndescription = \"d\"\n[variant.overrides.plan_facts]\npopulation = 1\n",
       "bad.toml:10: variant.v.overrides.plan_facts.population: expected a key that a variant can change, got one the "
       "study would ignore: [plan_facts] is read only by the plan check"},
      {head + "[[variant]]\nname = \"v\"\ndescription = \"d\"\n[variant.overrides.supply]\nbuild_lag_years = 2\n"
              "source = \"a delay\"\n",
       "bad.toml:11: variant.v.overrides.supply.source: expected a key that a variant can change"},
  };
  for (const Bad& bad : cases) {
    CAPTURE(bad.expected);
    write_file(dir.path() / "bad.toml", bad.text);
    const auto run = run_carecap({"study", (dir.path() / "bad.toml").string(), "-o", (dir.path() / "o.h5").string()});
    CHECK(run.status == 2);
    CHECK(is_one_line(run.err));
    CHECK(contains(run.err, bad.expected));
    CHECK_FALSE(fs::exists(dir.path() / "o.h5"));
  }
}

TEST_CASE("a variant may restate the baseline's capacity horizon") {
  const CaseDir dir;
  write_file(dir.path() / "same.toml", "[study]\nname = \"s\"\ndescription = \"d\"\nscenario = \"" +
                                           (kSourceDir / "scenarios/beian/beian.toml").string() +
                                           "\"\nsource = \"t\"\n[[variant]]\nname = \"v\"\ndescription = \"d\"\n"
                                           "[variant.overrides.capacity]\nlast_year = 2035\n");
  const scenarios::Study study = scenarios::load_study((dir.path() / "same.toml").string());
  REQUIRE(study.variants.size() == 2);
  CHECK(study.variants[1].scenario.supply->capacity.last_year == 2035);
}
