// carecap. SPDX-License-Identifier: MIT
// The Excel and CSV exports of a report's tables: what a planner opens, and what a script reads.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <random>

#include "CliRunner.hpp"
#include "output/ReplaceFile.hpp"
#include "sim/Errors.hpp"
#include "tools/cli/ExportCommand.hpp"
#include "tools/report/CsvExport.hpp"
#include "tools/report/OutputView.hpp"
#include "tools/report/ReportText.hpp"
#include "tools/report/RunReport.hpp"
#include "tools/report/SpreadsheetExport.hpp"

using namespace carecap;
using namespace carecap::report;
using namespace carecap::testing;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// Two tables with Chinese words, a NaN, words with a comma, quotes and a line break; the sources.
ReportContent small_report() {
  ReportContent content;
  content.kind = "run";
  content.title = {"北安市养老服务能力", "Bei'an care capacity"};
  content.source_path = "results/beian.h5";
  Section section;
  section.id = "population";
  Table population;
  population.id = "population";
  population.title = {"常住人口", "Resident population"};
  population.note = {"年末数，模型预测", "End of year, model projection"};
  population.columns = {{{"年份", "Year"}, {}, 0}, {{"常住人口", "Population"}, {"万人", "10k persons"}, 1},
                        {{"说明", "Remark"}, {}, 0}};
  population.rows = {{2025.0, 1234.56789, Text{"基线, \"中\"方案", "baseline, \"medium\" variant"}},
                     {2030.0, kNaN, Text{"无数据", "no data"}},
                     {2035.0, 0.1 + 0.2, std::monostate{}}};
  Table beds;
  beds.id = "beds";
  beds.title = {"养老床位", "Care beds"};
  beds.columns = {{{"机构", "Facility"}, {}, 0}, {{"床位", "Beds"}, {"张", "beds"}, 0}};
  beds.rows = {{Text{"北安市福利院", "Bei'an welfare home"}, 100.0 / 3.0},
               {Text{"两行\n名称", "two\nlines"}, 1e-300}};
  beds.row_decimals = {0, 2};  // rows of mixed units: the second row's numbers show two decimals
  section.tables = {population, beds};
  content.sections = {section};
  content.sources.id = "sources";
  content.sources.title = {"来源与假设", "Sources and assumptions"};
  content.sources.columns = {{{"项目", "Item"}, {}, 0}, {{"来源", "Source"}, {}, 0}};
  content.sources.rows = {{Text{"人口", "Population"}, Text{"第七次人口普查", "2020 census"}}};
  return content;
}

/// What a shell command printed on stdout.
std::string output_of(const std::string& command) {
  std::string out;
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  char buffer[4096];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, n);
  ::pclose(pipe);
  return out;
}

/// The results of a scenario run into `dir` (the binary, as a planner runs it).
std::string run_results(const CaseDir& dir, const std::string& scenario) {
  const std::string out = dir.file(fs::path(scenario).stem().string() + ".h5");
  const Outcome run = run_carecap({"run", scenario, "-o", out});
  INFO("stderr: " << run.err);
  REQUIRE(run.status == 0);
  return out;
}

/// The table `id` of a report, or nullptr.
const Table* table_of(const ReportContent& content, const std::string& id) {
  for (const Table* table : all_tables(content))
    if (table->id == id) return table;
  return nullptr;
}

/// A table's number in the row whose first cell (Chinese) is `row`; NaN when there is none.
double value_in(const Table& table, const std::string& row) {
  for (const auto& cells : table.rows)
    if (std::get<Text>(cells.front()).zh == row) return std::get<double>(cells.back());
  return kNaN;
}

}  // namespace

TEST_CASE("a run's report says how its beds started and how local care use compares with the national default") {
  const CaseDir dir;
  SUBCASE("Bei'an as published: no occupancy stated, beds start in the base year's demand steady state") {
    const std::string results = run_results(dir, "scenarios/beian/beian.toml");
    const ReportContent content = run_report(OutputView(results));
    const Table* start = table_of(content, "start");
    REQUIRE(start != nullptr);
    // Near the top: the overview's first table, before the plan indicators.
    CHECK(content.sections.front().tables.front().id == "start");
    CHECK(start->title.zh == "起始状态");
    CHECK(start->title.en == "Start");
    // The run's terminal summary: "516 residents in beds, 0.73% of people aged 60+ ... 0.74%".
    CHECK(contains(start->note.zh, "2021年1月1日在住老人516人，占60岁及以上老年人口的0.73%；起始状态：按基年需求稳态"));
    CHECK(contains(start->note.zh, "全国默认机构照护使用为60岁及以上老年人口的0.74%，未校准"));
    CHECK(contains(start->note.en, "1 January 2021: 516 residents in beds, 0.73% of people aged 60+; start: base-year "
                                   "demand steady state"));
    CHECK(contains(start->note.en, "national default care use 0.74% of people aged 60+, not calibrated"));
    CHECK(std::get<Text>(start->rows.front().back()).zh == "按基年需求稳态");
    CHECK(std::get<Text>(start->rows.front().back()).en == "base-year demand steady state");
    // The numbers are the file's: residents summed over bed types and regions (means of the replications).
    double residents = 0;
    for (double v : OutputView(results).read("capacity", "n_initial_residents").values) residents += v;
    CHECK(value_in(*start, "2021年1月1日在住老人") == doctest::Approx(residents));
    CHECK(residents == doctest::Approx(516));
    CHECK(value_in(*start, "占60岁及以上老年人口") == doctest::Approx(0.7335).epsilon(1e-3));
    CHECK(value_in(*start, "全国默认机构照护使用（占60岁及以上老年人口）") == doctest::Approx(0.7420).epsilon(1e-3));
    for (const char* type : {"普通养老床位", "护理型床位", "认知障碍照护床位"})
      CHECK(value_in(*start, std::string("照护使用校准系数：") + type) == 1.0);
  }
  SUBCASE("Bei'an with the national vacancy: half the beds occupied, care use calibrated to them") {
    const std::string results = run_results(dir, "scenarios/beian/beian_national_vacancy.toml");
    const ReportContent content = run_report(OutputView(results));
    const Table* start = table_of(content, "start");
    REQUIRE(start != nullptr);
    // The run's terminal summary: "2651 residents in beds, 3.77% of people aged 60+; capacity.initial_occupancy
    // of the beds, 5.1 times the national default of 0.74%".
    CHECK(contains(start->note.zh, "2021年1月1日在住老人2,651人，占60岁及以上老年人口的3.77%；起始状态：按入住率假设"
                                   "（capacity.initial_occupancy）；为全国默认机构照护使用（0.74%）的5.1倍，照护使用已按此校准。"));
    CHECK(contains(start->note.en, "1 January 2021: 2,651 residents in beds, 3.77% of people aged 60+; start: assumed "
                                   "occupancy share (capacity.initial_occupancy); 5.1 times the national default of "
                                   "0.74%; care use calibrated to them."));
    CHECK(std::get<Text>(start->rows.front().back()).zh == "按入住率假设");
    CHECK(value_in(*start, "2021年1月1日在住老人") == 2651);
    CHECK(value_in(*start, "占60岁及以上老年人口") == doctest::Approx(3.768).epsilon(1e-3));
    CHECK(value_in(*start, "与全国默认之比") == doctest::Approx(5.079).epsilon(1e-3));
    const ReportArray factors = OutputView(results).read("capacity", "institution_use_factor");
    CHECK(value_in(*start, "照护使用校准系数：普通养老床位") == factors.values[0]);
    CHECK(value_in(*start, "照护使用校准系数：护理型床位") == factors.values[1]);
    CHECK(value_in(*start, "照护使用校准系数：认知障碍照护床位") == factors.values[2]);
    CHECK(factors.values[0] == doctest::Approx(9.650).epsilon(1e-4));
    CHECK(factors.values[1] == doctest::Approx(2.414).epsilon(1e-3));
    // The CSV export holds the same table, in either language.
    const std::string csv = dir.file("tables");
    write_csv_directory(content, "en", csv, false);
    const std::string table = read_file(fs::path(csv) / "start.csv");
    CHECK(contains(table, "start,,assumed occupancy share\r\n"));
    CHECK(contains(table, "residents in beds on 1 January 2021,persons,2651\r\n"));
    CHECK(contains(read_file(fs::path(csv) / "tables.csv"), "5.1 times the national default of 0.74%"));
  }
  SUBCASE("a results file written before the start was recorded reports without it") {
    const std::string results = run_results(dir, "scenarios/beian/beian_national_vacancy.toml");
    const std::string script = "import sys, h5py\nwith h5py.File(sys.argv[1], 'a') as f: del f['capacity/start']\n";
    CHECK(output_of("/usr/bin/python3 -c " + quoted(script) + " " + quoted(results) + " 2>&1").empty());
    const ReportContent content = run_report(OutputView(results));
    CHECK(table_of(content, "start") == nullptr);
    CHECK(table_of(content, "indicators") != nullptr);
  }
}

TEST_CASE("all_tables lists the sections' tables in order, the sources last") {
  const ReportContent content = small_report();
  const auto tables = all_tables(content);
  REQUIRE(tables.size() == 3);
  CHECK(tables[0]->id == "population");
  CHECK(tables[1]->id == "beds");
  CHECK(tables[2] == &content.sources);
}

TEST_CASE("a CSV field is quoted only when it holds a comma, a quote, CR or LF") {
  CHECK(csv_field("北安市") == "北安市");
  CHECK(csv_field("a, b") == "\"a, b\"");
  CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(csv_field("two\nlines") == "\"two\nlines\"");
  CHECK(csv_field("cr\r") == "\"cr\r\"");
  CHECK(csv_field("") == "");
}

TEST_CASE("a CSV number reads back as the same double; NaN and infinities are empty") {
  std::mt19937_64 random(20250101);
  std::vector<double> values = {0.1 + 0.2, 1.0 / 3.0, 1e-300, -2.5e300, 123456789.123456789, 0.0, -0.0,
                                std::numeric_limits<double>::denorm_min(), std::numeric_limits<double>::max()};
  for (int i = 0; i < 1000; ++i) values.push_back(std::ldexp(std::uniform_real_distribution<double>(-1, 1)(random), i % 200 - 100));
  for (double value : values) {
    const std::string text = csv_number(value);
    CAPTURE(text);
    CHECK(std::strtod(text.c_str(), nullptr) == value);
    CHECK(std::signbit(std::strtod(text.c_str(), nullptr)) == std::signbit(value));
  }
  CHECK(csv_number(2025.0) == "2025");
  CHECK(csv_number(300000.0) == "300000");  // Bei'an's forecast population, not 3e+05
  CHECK(csv_number(0.000125) == "0.000125");
  CHECK(csv_number(kNaN).empty());
  CHECK(csv_number(std::numeric_limits<double>::infinity()).empty());
}

TEST_CASE("the CSV directory holds one file per table with a BOM, a header with units and the numbers as published") {
  const CaseDir dir;
  const ReportContent content = small_report();

  SUBCASE("in Chinese") {
    const std::string out = dir.file("tables");
    write_csv_directory(content, "zh", out, false);
    CHECK(entries_of(out) == std::vector<std::string>{"beds.csv", "population.csv", "sources.csv", "tables.csv"});
    // Rounded as the workbook shows them: 10k persons with the column's one decimal, beds whole.
    CHECK(read_file(fs::path(out) / "population.csv") ==
          "\xEF\xBB\xBF年份,常住人口（万人）,说明\r\n"
          "2025,1234.6,\"基线, \"\"中\"\"方案\"\r\n"
          "2030,,无数据\r\n"
          "2035,0.3,\r\n");
    CHECK(read_file(fs::path(out) / "beds.csv") ==
          "\xEF\xBB\xBF机构,床位（张）\r\n"
          "北安市福利院,33\r\n"
          "\"两行\n名称\",0\r\n");
    CHECK(read_file(fs::path(out) / "tables.csv") ==
          "\xEF\xBB\xBF表,标题,说明\r\n"
          "population,常住人口,年末数，模型预测\r\n"
          "beds,养老床位,\r\n"
          "sources,来源与假设,\r\n");
  }
  SUBCASE("in English, into a path given with a trailing slash") {
    const std::string out = dir.file("tables") + "/";
    write_csv_directory(content, "en", out, false);
    CHECK(starts_with(read_file(fs::path(out) / "population.csv"),
                      "\xEF\xBB\xBFYear,Population (10k persons),Remark\r\n"
                      "2025,1234.6,\"baseline, \"\"medium\"\" variant\"\r\n"));
    CHECK(contains(read_file(fs::path(out) / "tables.csv"), "population,Resident population,\"End of year, model projection\"\r\n"));
  }
  SUBCASE("with full precision (carecap export --full-precision): shortest round-trip doubles") {
    const std::string out = dir.file("tables");
    write_csv_directory(content, "zh", out, false, true);
    CHECK(read_file(fs::path(out) / "population.csv") ==
          "\xEF\xBB\xBF年份,常住人口（万人）,说明\r\n"
          "2025,1234.56789,\"基线, \"\"中\"\"方案\"\r\n"
          "2030,,无数据\r\n"
          "2035,0.30000000000000004,\r\n");
    CHECK(read_file(fs::path(out) / "beds.csv") ==
          "\xEF\xBB\xBF机构,床位（张）\r\n"
          "北安市福利院,33.333333333333336\r\n"
          "\"两行\n名称\",1e-300\r\n");
  }
  CHECK(!has_temporary_file(dir.path()));
}

TEST_CASE("an earlier export is refused without --force and replaced whole with it; a folder of the user's never") {
  const CaseDir dir;
  const std::string out = dir.file("tables");
  write_csv_directory(small_report(), "en", out, false);  // an earlier export: its tables.csv lists its files
  write_file(fs::path(out) / "old.csv", "an earlier export");  // a table the new export no longer has
  const std::string listing = read_file(fs::path(out) / "tables.csv");
  write_file(fs::path(out) / "tables.csv", listing + "old,old table,\r\n");

  SUBCASE("without force: refused, left untouched") {
    try {
      write_csv_directory(small_report(), "zh", out, false);
      FAIL("expected InputError");
    } catch (const InputError& error) {
      CHECK(std::string(error.what()) == out + ": output directory exists; expected a new path, or --force to replace it");
    }
    CHECK(entries_of(out) == std::vector<std::string>{"beds.csv", "old.csv", "population.csv", "sources.csv", "tables.csv"});
    CHECK(entries_of(dir.path()) == std::vector<std::string>{"tables"});
  }
  SUBCASE("with force: the old files are gone, nothing temporary remains") {
    write_csv_directory(small_report(), "zh", out, true);
    CHECK(entries_of(out) == std::vector<std::string>{"beds.csv", "population.csv", "sources.csv", "tables.csv"});
    CHECK(entries_of(dir.path()) == std::vector<std::string>{"tables"});
  }
  SUBCASE("with force, a folder holding a file its listing does not name is not an earlier export: refused, untouched") {
    write_file(fs::path(out) / "mine.txt", "keep me");
    CHECK_THROWS_AS(write_csv_directory(small_report(), "zh", out, true), InputError);
    CHECK(entries_of(out) == std::vector<std::string>{"beds.csv", "mine.txt", "old.csv", "population.csv", "sources.csv", "tables.csv"});
    CHECK(read_file(fs::path(out) / "mine.txt") == "keep me");
  }
  SUBCASE("with force, a folder of the user's CSV files (no carecap listing) is refused, untouched") {
    const std::string mine = dir.file("mine");
    fs::create_directory(mine);
    write_file(fs::path(mine) / "facilities.csv", "id,beds\r\nF1,10\r\n");
    CHECK_THROWS_AS(write_csv_directory(small_report(), "zh", mine, true), InputError);
    CHECK(entries_of(mine) == std::vector<std::string>{"facilities.csv"});
  }
}

TEST_CASE("CSV output paths that cannot be used are bad input") {
  const CaseDir dir;
  CHECK_THROWS_AS(write_csv_directory(small_report(), "zh", dir.file("missing/tables"), false), InputError);
  write_file(dir.path() / "file", "x");
  CHECK_THROWS_AS(write_csv_directory(small_report(), "zh", dir.file("file"), true), InputError);
  CHECK_THROWS_AS(write_csv_directory(small_report(), "fr", dir.file("tables"), false), InputError);
  CHECK(entries_of(dir.path()) == std::vector<std::string>{"file"});
}

TEST_CASE("a table id that cannot name a file or sheet is a fault of the report, and nothing is written") {
  const CaseDir dir;
  ReportContent content = small_report();
  SUBCASE("a slash") { content.sections[0].tables[1].id = "beds/2025"; }
  SUBCASE("longer than 31 characters") { content.sections[0].tables[1].id = std::string(32, 'b'); }
  SUBCASE("repeated, ignoring case") { content.sections[0].tables[1].id = "Population"; }
  SUBCASE("a row with a missing cell") { content.sections[0].tables[1].rows[0].pop_back(); }
  SUBCASE("decimals for some rows only") { content.sections[0].tables[1].row_decimals = {1}; }
  CHECK_THROWS_AS(write_csv_directory(content, "zh", dir.file("tables"), false), RuntimeFault);
  CHECK_THROWS_AS(write_xlsx(content, "zh", dir.file("tables.xlsx"), false), RuntimeFault);
  CHECK(entries_of(dir.path()).empty());
}

TEST_CASE("the workbook is written whole under its name, one sheet per table, and reads back in openpyxl") {
  const CaseDir dir;
  const std::string out = dir.file("tables.xlsx");
  write_xlsx(small_report(), "zh", out, false);
  CHECK(starts_with(read_file(out), "PK"));
  CHECK(entries_of(dir.path()) == std::vector<std::string>{"tables.xlsx"});

  // Sheet names in Chinese (the catalogue's, else the title); A1 title, A2 note, A3 source line, B4 header, B5
  // number (rounded to what it shows) and its format, B6 (NaN) empty, C5 words; the frozen panes; the second
  // sheet's numbers (beds: whole) and formats; the print set-up (A4, portrait, one page wide, row 4 repeated,
  // the print area the table, titles in the page header, the source and page number in the footer); the
  // document title and comment.
  const std::string script =
      "import sys, openpyxl\n"
      "book = openpyxl.load_workbook(sys.argv[1])\n"
      "s = book['人口预测']\n"
      "print('|'.join(book.sheetnames))\n"
      "for cell in ['A1', 'A2', 'B4', 'B5', 'B6', 'C5', 'A7', 'C7']: print(repr(s[cell].value))\n"
      "print(s['A3'].value.startswith('来源：carecap '), s['A3'].value.endswith(' 测算，beian.h5'))\n"
      "print(s['B5'].number_format, s['A1'].font.b, s.freeze_panes)\n"
      "print(book['养老床位']['B5'].value, book['养老床位']['B5'].number_format, book['养老床位']['B6'].value)\n"
      "p = s.page_setup\n"
      "print(p.paperSize, p.orientation, p.fitToWidth, p.fitToHeight, s.print_title_rows, s.print_area)\n"
      "print(s.oddHeader.left.text, '|', s.oddHeader.right.text, '|', s.oddFooter.right.text)\n"
      "print(book.properties.title, '|', book.properties.description)\n";
  const std::string printed = output_of("/usr/bin/python3 -c " + quoted(script) + " " + quoted(out) + " 2>&1");
  CHECK(printed ==
        "人口预测|养老床位|来源与假设\n"
        "'常住人口'\n"
        "'年末数，模型预测'\n"
        "'常住人口（万人）'\n"
        "1234.6\n"
        "None\n"
        "'基线, \"中\"方案'\n"
        "2035\n"
        "None\n"
        "True True\n"
        "#,##0.0 True A5\n"
        "33 #,##0 0\n"
        "9 portrait None 0 $4:$4 ['$A$1:$C$7']\n"  // fitToWidth 1 is the file format's default, so not written
        "北安市养老服务能力 | 常住人口 | 第 &P 页，共 &N 页\n"
        "北安市养老服务能力 | carecap run report tables from results/beian.h5\n");
}

TEST_CASE("an existing workbook is refused without --force, left untouched, and replaced with it") {
  const CaseDir dir;
  const std::string out = dir.file("tables.xlsx");
  write_file(out, "mine");
  try {
    write_xlsx(small_report(), "en", out, false);
    FAIL("expected InputError");
  } catch (const InputError& error) {
    CHECK(std::string(error.what()) == out + ": output file exists; expected a new path, or --force to replace it");
  }
  CHECK(read_file(out) == "mine");
  write_xlsx(small_report(), "en", out, true);
  CHECK(starts_with(read_file(out), "PK"));
  CHECK(!has_temporary_file(dir.path()));
}

TEST_CASE("a workbook that cannot be written is a runtime fault naming it, and leaves no temporary file") {
  const CaseDir dir;
  ReportContent content = small_report();
  const std::string out = dir.file("tables.xlsx");
  SUBCASE("a cell too long for Excel (32767 characters)") { content.sections[0].tables[0].note.zh = std::string(40000, 'x'); }
  SUBCASE("the file cannot be created (its temporary name is taken by a directory)") {
    fs::create_directory(carecap::output::temporary_name(out));
  }
  try {
    write_xlsx(content, "zh", out, false);
    FAIL("expected RuntimeFault");
  } catch (const RuntimeFault& error) {
    CHECK(starts_with(error.what(), out + ": "));
  }
  CHECK(entries_of(dir.path()).empty());
}

TEST_CASE("carecap export checks its options and output paths before it reads the input") {
  const CaseDir dir;
  tools::ExportOptions options;
  options.input_path = dir.file("missing.h5");  // never read: every case fails first
  auto message_of = [&options]() -> std::string {
    try {
      tools::export_command(options);
    } catch (const InputError& error) {
      return error.what();
    }
    return "no InputError";
  };
  SUBCASE("no output asked for") {
    CHECK(contains(message_of(), "nothing to export; expected --xlsx FILE.xlsx and/or --csv DIRECTORY"));
  }
  SUBCASE("a language other than zh or en") {
    options.xlsx_path = dir.file("tables.xlsx");
    options.lang = "fr";
    CHECK(message_of() == "--lang: expected zh or en, got 'fr'");
  }
  SUBCASE("an existing workbook") {
    options.xlsx_path = dir.file("tables.xlsx");
    write_file(options.xlsx_path, "mine");
    CHECK(message_of() == options.xlsx_path + ": output file exists; expected a new path, or --force to replace it");
  }
  SUBCASE("an existing CSV directory") {
    options.xlsx_path = dir.file("tables.xlsx");
    options.csv_directory = dir.file("tables");
    fs::create_directory(options.csv_directory);
    CHECK(message_of() == options.csv_directory + ": output directory exists; expected a new path, or --force to replace it");
    CHECK(!fs::exists(options.xlsx_path));
  }
}

TEST_CASE("the Bei'an plan's warnings say the same numbers in Chinese and English; shares differ in percentage points") {
  const CaseDir dir;
  const OutputView view(run_results(dir, "scenarios/beian/beian.toml"));
  const ReportContent content = run_report(view);
  auto warning = [&](const std::string& en_has) {  // the first warning whose English holds `en_has`
    for (const Warning& w : content.sections.front().warnings)
      if (contains(w.message.en, en_has)) return w.message;
    FAIL("no warning with " << en_has);
    return Text{};
  };
  // The plan's own contradiction: 5,598 beds at 73.6 per 1,000 imply 76,060 elders, the plan forecasts 90,000, the model 80,066.
  const Text beds = warning("imply 76,060 aged 60+");
  for (const char* n : {"5,598", "73.6", "76,060", "90,000", "80,066"}) CHECK((contains(beds.zh, n) && contains(beds.en, n)));
  CHECK(contains(warning("elderly-care beds, 2025").zh, "情景供给 6,258张"));  // the scenario's supply, not a model result
  // The nursing share: -10.8 percentage points in both, as the file's figures give it (plan 55%, supply 44.2%).
  const auto plan = view.read("plan_check", "plan_figure").values, other = view.read("plan_check", "compared_figure").values;
  const auto ids = view.labels("plan_check", "finding");
  const std::size_t k = static_cast<std::size_t>(std::find(ids.begin(), ids.end(), "target_nursing_bed_share") - ids.begin());
  const std::string points = grouped(100.0 * (other.at(k) - plan.at(k)), 1);
  const Text share = warning("nursing-type bed share");
  CHECK((points == "-10.8" && contains(share.zh, points + "个百分点") && contains(share.en, points + " percentage points")));
  // Places per child: one comparison, one sign and basis (the target against the places sought).
  const Text child = warning("places per 100 children");
  CHECK(contains(child.en, "(the target is +150.2% of that)"));
  CHECK(contains(child.zh, "（目标为其+150.2%）"));
  // An "at least" target that is exceeded (places per 1,000 people, 5.12 against 4.5) is met, not a warning.
  for (const Warning& w : content.sections.front().warnings) CHECK_FALSE(contains(w.message.en, "per 1,000 people, 2025"));
}
