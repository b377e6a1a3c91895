// carecap. SPDX-License-Identifier: MIT
// Specification of places by name and results by town (乡镇): a scenario may name itself, its
// towns and its facilities in Chinese (label_zh) and English (label_en); the names reach the
// results file beside the region and facility dimensions, the report's title and town table, the
// workbook and the CSV files; the town table's totals are the whole area's figures and equal the
// sum of its towns; a name that is not a non-empty string on one line is refused by the loader
// with one line naming the file and the key, exit 2.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cstdio>

#include "CliRunner.hpp"
#include "output/Hdf5Reader.hpp"
#include "scenarios/loader/ScenarioLoader.hpp"
#include "tools/report/OutputView.hpp"
#include "tools/report/RunReport.hpp"

using namespace carecap;
using namespace carecap::testing;

namespace {

const std::vector<std::string> kBeianTowns{"北安市", "通北镇", "二井镇", "赵光镇"};
const std::vector<std::string> kBeianTownsZh{"北安市城区", "通北镇", "二井镇", "赵光镇"};
const std::vector<std::string> kBeianTownsEn{"Bei'an city proper", "Tongbei", "Erjing", "Zhaoguang"};

/// A Bei'an run shared by the cases (10 replications, the plan check included).
const fs::path& beian_run() {
  static const CaseDir dir;
  static const fs::path path = [] {
    const fs::path out = dir.path() / "beian.h5";
    const Outcome run = run_carecap({"run", "scenarios/beian/beian.toml", "-o", out.string()});
    REQUIRE_MESSAGE(run.status == 0, run.err);
    return out;
  }();
  return path;
}

/// What a shell command printed on stdout.
std::string output_of(const std::string& command) {
  std::string out;
  if (FILE* pipe = popen(command.c_str(), "r")) {
    std::array<char, 4096> buffer{};
    for (std::size_t n; (n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0;) out.append(buffer.data(), n);
    pclose(pipe);
  }
  return out;
}

std::size_t index_of(const std::vector<std::string>& labels, const std::string& label) {
  const auto at = std::find(labels.begin(), labels.end(), label);
  REQUIRE_MESSAGE(at != labels.end(), label);
  return static_cast<std::size_t>(at - labels.begin());
}

/// The whole area's figure of a (capacity_year, ..., region) series in `year`: the file's mean over
/// replications summed over every other dimension, without the report's code.
double whole_area(const report::OutputView& view, const std::string& group, const std::string& series, int year) {
  const report::ReportArray a = view.read(group, series);
  REQUIRE(a.dimensions.front().name == "capacity_year");
  const std::size_t y = static_cast<std::size_t>(
      std::find(a.dimensions.front().values.begin(), a.dimensions.front().values.end(), year) -
      a.dimensions.front().values.begin());
  const std::size_t inner = a.values.size() / a.dimensions.front().size();
  double sum = 0;
  for (std::size_t i = 0; i < inner; ++i) sum += a.values[y * inner + i];
  return sum;
}

const report::Table* table_of(const report::ReportContent& content, const std::string& id) {
  for (const report::Table* t : report::all_tables(content))
    if (t->id == id) return t;
  return nullptr;
}

/// A scenario laid over Bei'an's in `dir` (bad.toml) with `lines` after its [scenario] name.
fs::path over_beian(const CaseDir& dir, const std::string& lines) {
  const fs::path path = dir.path() / "bad.toml";
  write_file(path, "base = \"" + (kSourceDir / "scenarios/beian/beian.toml").string() + "\"\n[scenario]\nname = \"bad\"\n" + lines);
  return path;
}

/// Expects `carecap validate` of `scenario` in English to exit 2 with one line containing `says`.
void expect_refused(const fs::path& scenario, const std::string& says, const std::string& lang = "en") {
  const Outcome o = run_carecap({"validate", scenario.string(), "--lang", lang});
  CHECK(o.status == 2);
  CHECK_MESSAGE(is_one_line(o.err), o.err);
  CHECK_MESSAGE(contains(o.err, says), o.err);
}

}  // namespace

TEST_CASE("the shipped scenarios name their place, towns and facilities in Chinese and English") {
  const scenarios::Scenario beian = scenarios::load_scenario("scenarios/beian/beian.toml");
  CHECK(beian.labels.scenario.zh == "北安市");
  CHECK(beian.labels.scenario.en == "Bei'an");
  for (std::size_t i = 0; i < kBeianTowns.size(); ++i) {
    CHECK(beian.labels.regions.at(kBeianTowns[i]).zh == kBeianTownsZh[i]);
    CHECK(beian.labels.regions.at(kBeianTowns[i]).en == kBeianTownsEn[i]);
  }
  CHECK(beian.labels.facilities.at("P1").zh == "公办养老机构（4家）");
  CHECK(beian.labels.facilities.at("R2").zh == "通北镇民办养老机构");
  // The plan list's projects by the names it gives them (name_zh).
  CHECK(beian.labels.facilities.at("project:1").zh == "黑龙江省通北林业局有限公司养老院项目");
  const std::vector<std::pair<const char*, const char*>> places{{"scenarios/anyang/anyang.toml", "安阳市"},
                                                                {"scenarios/jiaxing/jiaxing.toml", "嘉兴市"},
                                                                {"scenarios/heilongjiang/heilongjiang.toml", "黑龙江省"},
                                                                {"scenarios/china.toml", "中国"}};
  for (const auto& [path, zh] : places) CHECK_MESSAGE(scenarios::load_scenario(path).labels.scenario.zh == zh, path);
}

TEST_CASE("the place's names belong to the file that names the scenario; towns' names are inherited") {
  const CaseDir dir;
  // A variant of Bei'an with a name of its own and no names: reports call it by its name, not 北安市.
  const scenarios::Scenario variant = scenarios::load_scenario(over_beian(dir, "").string());
  CHECK(variant.labels.scenario.zh.empty());
  CHECK(variant.labels.scenario.en.empty());
  CHECK(variant.labels.regions.at("通北镇").en == "Tongbei");
  // A scenario on china.toml is not called 中国.
  CHECK(scenarios::load_scenario("tests/scenarios/beian_plan.toml").labels.scenario.zh.empty());
}

TEST_CASE("a run keeps the names beside its region and facility dimensions") {
  const output::Hdf5Reader file(beian_run().string());
  CHECK(file.root_text("scenario_label_zh") == "北安市");
  CHECK(file.root_text("scenario_label_en") == "Bei'an");
  for (const char* group : {"capacity", "capacity_waits", "childcare_capacity"}) {
    INFO(group);
    CHECK(file.read_dimension(group, "region").labels == kBeianTowns);
    CHECK(file.read_text(group, "region_label_zh") == kBeianTownsZh);
    CHECK(file.read_text(group, "region_label_en") == kBeianTownsEn);
  }
  const std::vector<std::string> facilities = file.read_dimension("capacity", "facility").labels;
  const std::vector<std::string> zh = file.read_text("capacity", "facility_label_zh");
  const std::vector<std::string> en = file.read_text("capacity", "facility_label_en");
  REQUIRE(zh.size() == facilities.size());
  REQUIRE(en.size() == facilities.size());
  CHECK(zh[index_of(facilities, "P1")] == "公办养老机构（4家）");
  CHECK(en[index_of(facilities, "P1")] == "public institutions (4)");
  CHECK(zh[index_of(facilities, "project:2")] == "黑龙江省北安市三角小区等老旧小区养老失能照护服务中心建设项目");
  CHECK(en[index_of(facilities, "project:2")].empty());  // the plan list names its projects in Chinese only
}

TEST_CASE("the town table's totals are the whole county's figures, and its towns add up to them") {
  const report::OutputView view(beian_run().string());
  const report::ReportContent content = report::run_report(view);
  const report::Table* towns = table_of(content, "towns");
  REQUIRE(towns != nullptr);
  CHECK(towns->title.zh == "分乡镇结果");
  // year, town, then beds, occupied beds, elders waiting, places, children enrolled, children waiting
  REQUIRE(towns->columns.size() == 8);
  const std::vector<std::pair<std::string, std::string>> measures{
      {"capacity", "n_beds"},         {"capacity", "n_occupied_beds"},        {"capacity", "n_waiting"},
      {"childcare_capacity", "n_places"}, {"childcare_capacity", "n_enrolled"}, {"childcare_capacity", "n_waiting"}};
  // The base year and the plan's target year (2025), each with the four towns and the county's total.
  REQUIRE(towns->rows.size() == 2 * (kBeianTowns.size() + 1));
  const std::size_t block = kBeianTowns.size() + 1;
  for (std::size_t b = 0; b < 2; ++b) {
    const int year = static_cast<int>(std::get<double>(towns->rows[b * block][0]));
    CHECK(year == (b == 0 ? 2021 : 2025));
    for (std::size_t t = 0; t < kBeianTowns.size(); ++t) {
      const auto& name = std::get<report::Text>(towns->rows[b * block + t][1]);
      CHECK(name.zh == kBeianTownsZh[t]);
      CHECK(name.en == kBeianTownsEn[t]);
    }
    const auto& total_name = std::get<report::Text>(towns->rows[b * block + kBeianTowns.size()][1]);
    CHECK(total_name.zh == "北安市合计");
    CHECK(total_name.en == "Bei'an, total");
    for (std::size_t m = 0; m < measures.size(); ++m) {
      INFO(measures[m].second << " " << year);
      double sum = 0;
      for (std::size_t t = 0; t < kBeianTowns.size(); ++t) sum += std::get<double>(towns->rows[b * block + t][m + 2]);
      const double total = std::get<double>(towns->rows[b * block + kBeianTowns.size()][m + 2]);
      const double county = whole_area(view, measures[m].first, measures[m].second, year);
      CHECK(total == doctest::Approx(county).epsilon(1e-12));
      CHECK(sum == doctest::Approx(county).epsilon(1e-9));
    }
  }
  // Beds in the base year: the facilities file's 5,298 (the plan's, end of 2020).
  CHECK(std::get<double>(towns->rows[kBeianTowns.size()][2]) == doctest::Approx(5298));
}

TEST_CASE("the report, workbook and CSV files name the place and its towns in Chinese (English with --lang en)") {
  const CaseDir dir;
  const fs::path zh_page = dir.path() / "zh.html", en_page = dir.path() / "en.html";
  REQUIRE(run_carecap({"report", beian_run().string(), "-o", zh_page.string()}).status == 0);
  const std::string zh = read_file(zh_page);
  CHECK(contains(zh, "<title>一老一小规划测算报告：北安市</title>"));
  CHECK_FALSE(contains(zh, "一老一小规划测算报告：beian"));
  for (const char* words : {"分乡镇结果", "北安市城区", "通北镇", "北安市合计", "基年2021年、规划目标年2025年"})
    CHECK_MESSAGE(contains(zh, words), words);
  REQUIRE(run_carecap({"report", beian_run().string(), "-o", en_page.string(), "--lang", "en"}).status == 0);
  const std::string en = read_file(en_page);
  CHECK(contains(en, "<title>carecap report: Bei"));
  for (const char* words : {"Results by town", "Tongbei", "Bei'an, total"}) CHECK_MESSAGE(contains(en, words), words);

  const fs::path book = dir.path() / "beian.xlsx";
  REQUIRE(run_carecap({"export", beian_run().string(), "--xlsx", book.string()}).status == 0);
  const std::string script =
      "import sys, openpyxl\n"
      "book = openpyxl.load_workbook(sys.argv[1])\n"
      "print(book.properties.title)\n"
      "s = book['分乡镇结果']\n"
      "print(s['A1'].value)\n"
      "print('|'.join(str(row[1].value) for row in s.iter_rows(min_row=5, max_row=9)))\n";
  CHECK(output_of("/usr/bin/python3 -c " + quoted(script) + " " + quoted(book.string()) + " 2>&1") ==
        "一老一小规划测算报告：北安市\n"
        "分乡镇结果\n"
        "北安市城区|通北镇|二井镇|赵光镇|北安市合计\n");

  const fs::path tables = dir.path() / "tables";
  REQUIRE(run_carecap({"export", beian_run().string(), "--csv", tables.string()}).status == 0);
  const std::string csv = read_file(tables / "towns.csv");
  CHECK(contains(csv, "2021,北安市城区,"));
  CHECK(contains(csv, "2025,北安市合计,"));
}

TEST_CASE("a name that is not a non-empty string on one line: exit 2, one line naming the file and the key") {
  const CaseDir dir;
  SUBCASE("an empty scenario name") {
    expect_refused(over_beian(dir, "label_zh = \"\"\n"), "bad.toml:4: scenario.label_zh: expected a non-empty name");
    expect_refused(over_beian(dir, "label_zh = \"\"\n"), "bad.toml:4: scenario.label_zh: 应为一行非空的名称", "zh");
  }
  SUBCASE("a scenario name on two lines") {
    expect_refused(over_beian(dir, "label_en = \"Bei'an\\ncity\"\n"), "bad.toml:4: scenario.label_en: expected a non-empty "
                                                                        "name on one line, got \"Bei'an\\ncity\"");
  }
  SUBCASE("a number for a name") { expect_refused(over_beian(dir, "label_zh = 3\n"), "bad.toml:4: scenario.label_zh: "); }
  SUBCASE("a town that is not one of supply.regions") {
    expect_refused(over_beian(dir, "[supply]\nregion_label_zh = { \"南安市\" = \"南安\" }\n"),
                   "bad.toml:5: supply.region_label_zh: expected a region of supply.regions (北安市, 通北镇, 二井镇, 赵光镇), "
                   "got '南安市'");
  }
  SUBCASE("an empty town name") {
    expect_refused(over_beian(dir, "[supply]\nregion_label_en = { \"通北镇\" = \" \" }\n"),
                   "bad.toml:5: supply.region_label_en: expected a non-empty name on one line for '通北镇'");
  }
  SUBCASE("town names as a list") {
    expect_refused(over_beian(dir, "[supply]\nregion_label_zh = [\"北安市城区\"]\n"),
                   "bad.toml:5: supply.region_label_zh: expected a table of names by region");
  }
  SUBCASE("a facility name with a line break in the facilities file") {
    // Bei'an's facilities, the first facility's Chinese name (line 2) in two lines.
    std::string table = read_file(kSourceDir / "scenarios/beian/data/facilities_2020.csv");
    const std::string name = "公办养老机构（4家）";
    REQUIRE(contains(table, name));
    table.replace(table.find(name), name.size(), "\"公办\n养老机构\"");
    write_file(dir.path() / "facilities.csv", table);
    expect_refused(over_beian(dir, "[supply]\nfacilities_file = \"facilities.csv\"\n"),
                   "facilities.csv:2: column 'label_zh' expected a name on one line");
  }
}
