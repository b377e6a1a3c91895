// carecap. SPDX-License-Identifier: MIT
// Specification of the report of an optimise file (tools/report/OptimiseReport): its section
// "beds for a service level" shows the HDF5 datasets' numbers as they are — the costs of both
// plans, the required and planned beds by year and type, idle beds, the chosen starts — and states
// the service level and the answer in words, in both languages.
#include <doctest/doctest.h>

#include <cmath>
#include <variant>

#include "CliRunner.hpp"
#include "ReportTestSupport.hpp"
#include "output/Hdf5Reader.hpp"
#include "sim/NumberText.hpp"
#include "tools/report/ReportBuilder.hpp"

using namespace carecap;
using namespace carecap::testing;

namespace {

/// The test scenario optimised once (tests/scenarios/beian_optimise.toml: 2021-2026, 3 replications).
const std::string& optimise_file() {
  static const CaseDir dir;
  static const std::string path = [] {
    const std::string out = dir.file("beian_optimise_test.h5");
    const Outcome run = run_carecap({"optimise", "tests/scenarios/beian_optimise.toml", "-o", out});
    REQUIRE_MESSAGE(run.status == 0, run.err);
    return out;
  }();
  return path;
}

double number(const report::Cell& cell) {
  REQUIRE(std::holds_alternative<double>(cell));
  return std::get<double>(cell);
}

}  // namespace

TEST_CASE("an optimise file's report is the section 'beds for a service level', first") {
  const report::ReportContent content = report::build_report(optimise_file());
  CHECK(content.kind == "optimise");
  REQUIRE(!content.sections.empty());
  CHECK(content.sections.front().id == "optimise");
  CHECK(content.sections.front().title.zh == "按服务水平测算的建设方案");
  CHECK(content.sections.front().title.en == "Beds for a service level");
  REQUIRE(content.sections.front().charts.size() == 1);
  CHECK(content.sections.front().charts.front().series.size() == 3);
}

TEST_CASE("the cost table's figures are the file's cost_optimised and cost_published") {
  const report::ReportContent content = report::build_report(optimise_file());
  const output::Hdf5Reader file(optimise_file());
  const ResultSeries optimised = file.read_series("optimise", "cost_optimised");
  const ResultSeries published = file.read_series("optimise", "cost_published");
  const report::Table& costs = table_with_id(content, "optimise_costs");
  REQUIRE(costs.rows.size() == 5);  // capital, operating, discounted capital, discounted operating, discounted total
  for (std::size_t c = 0; c < 5; ++c) {
    CHECK(number(costs.rows[c][1]) == optimised.values[c]);
    CHECK(number(costs.rows[c][2]) == published.values[c]);
    CHECK(number(costs.rows[c][3]) == doctest::Approx(optimised.values[c] - published.values[c]));
  }
  // The discounted total (the programme's objective) is the last row, and the cheaper one is the optimised plan's.
  CHECK(std::get<report::Text>(costs.rows[4][0]).en == "discounted total");
  CHECK(number(costs.rows[4][1]) <= number(costs.rows[4][2]));
}

TEST_CASE("the table by year holds the required and planned beds by type, idle beds and the worst share failing") {
  const report::ReportContent content = report::build_report(optimise_file());
  const output::Hdf5Reader file(optimise_file());
  const ResultDimension years = file.read_dimension("optimise", "year");
  const std::size_t regions = file.read_dimension("optimise", "region").labels.size();
  auto by_type = [&](const std::string& name, std::size_t y, std::size_t t) {
    const ResultSeries s = file.read_series("optimise", name);
    double sum = 0;
    for (std::size_t r = 0; r < regions; ++r) sum += s.values[(y * 3 + t) * regions + r];
    return sum;
  };
  const report::Table& table = table_with_id(content, "optimise_years");
  REQUIRE(table.rows.size() == years.values.size());
  REQUIRE(table.columns.size() == 14);
  for (std::size_t y = 0; y < years.values.size(); ++y) {
    CAPTURE(years.values[y]);
    const auto& row = table.rows[y];
    CHECK(number(row[0]) == years.values[y]);
    for (std::size_t t = 0; t < 3; ++t) {
      CHECK(number(row[1 + t]) == doctest::Approx(by_type("required_beds", y, t)));
      CHECK(number(row[4 + t]) == doctest::Approx(by_type("n_beds", y, t)));
      CHECK(number(row[7 + t]) == doctest::Approx(by_type("n_beds_published", y, t)));
    }
    CHECK(number(row[10]) == file.read_series("optimise", "verified_n_beds_idle").values[y]);
    CHECK(number(row[11]) == file.read_series("optimise", "published_n_beds_idle").values[y]);
    CHECK(number(row[12]) == doctest::Approx(100 * file.read_series("optimise", "verified_worst_share_failing").values[y]));
    CHECK(number(row[13]) == doctest::Approx(100 * file.read_series("optimise", "published_worst_share_failing").values[y]));
  }
  // The last year's required beds, as the lead states them (general/nursing/dementia).
  const std::size_t last = years.values.size() - 1;
  const auto grouped = [](double v) {
    std::string digits = std::to_string(static_cast<long long>(std::llround(v)));
    for (int at = static_cast<int>(digits.size()) - 3; at > 0; at -= 3) digits.insert(static_cast<std::size_t>(at), ",");
    return digits;
  };
  const std::string required = grouped(by_type("required_beds", last, 0)) + "/" + grouped(by_type("required_beds", last, 1)) +
                               "/" + grouped(by_type("required_beds", last, 2));
  const report::Text& lead = content.sections.front().note;
  CHECK(lead.zh.find("所需" + required + "张") != std::string::npos);
  CHECK(lead.en.find("required " + required) != std::string::npos);
  CHECK(lead.zh.find("90天") != std::string::npos);
  CHECK(lead.zh.find("5%") != std::string::npos);
  CHECK(lead.zh.find("60%") != std::string::npos);  // probability = 0.6 in the test scenario
}

TEST_CASE("the schedule table lists every chosen start with its years, beds and capital") {
  const report::ReportContent content = report::build_report(optimise_file());
  const output::Hdf5Reader file(optimise_file());
  const report::Table& schedule = table_with_id(content, "optimise_schedule");
  // The test scenario's 55% nursing standard from 2025 makes the optimised plan start something.
  REQUIRE(file.has_dataset("optimise", "start_start_year"));
  const auto start = file.read_series("optimise", "start_start_year").values;
  const auto opening = file.read_series("optimise", "start_opening_year").values;
  const auto capital = file.read_series("optimise", "start_capital").values;
  REQUIRE(schedule.rows.size() == start.size());
  for (std::size_t i = 0; i < start.size(); ++i) {
    CHECK(number(schedule.rows[i][4]) == start[i]);
    CHECK(number(schedule.rows[i][5]) == opening[i]);
    CHECK(number(schedule.rows[i][6]) > 0);
    CHECK(number(schedule.rows[i][7]) == capital[i]);
  }
}

TEST_CASE("the published plan's starts are listed beside the optimised plan's, from the file") {
  const report::ReportContent content = report::build_report(optimise_file());
  const output::Hdf5Reader file(optimise_file());
  const report::Table& published = table_with_id(content, "optimise_published_schedule");
  CHECK(published.title.zh == "已发布规划的开工安排");
  const auto start = file.read_series("optimise", "published_start_start_year").values;
  const auto capital = file.read_series("optimise", "published_start_capital").values;
  REQUIRE(published.rows.size() == start.size());
  REQUIRE(start.size() == 11);  // the elderly-care rows of Bei'an's project list (附件1; the others are childcare and services)
  double total = 0;
  for (std::size_t i = 0; i < start.size(); ++i) {
    CHECK(number(published.rows[i][4]) == start[i]);
    CHECK(number(published.rows[i][7]) == capital[i]);
    total += number(published.rows[i][7]);
  }
  CHECK(total == doctest::Approx(21973));  // the list's investment, 10,000 yuan (its elderly-care rows)
}

TEST_CASE("beds by town in the last year are the file's, with the towns' names in both languages") {
  const report::ReportContent content = report::build_report(optimise_file());
  const output::Hdf5Reader file(optimise_file());
  const report::Table& towns = table_with_id(content, "optimise_towns");
  const ResultSeries required = file.read_series("optimise", "required_beds");  // year x bed_type x region
  const ResultSeries published = file.read_series("optimise", "n_beds_published");
  const std::size_t regions = 4, types = 3, years = required.values.size() / (regions * types);
  REQUIRE(towns.rows.size() == regions);
  CHECK(std::get<report::Text>(towns.rows[1][0]).zh == "通北镇");
  CHECK(std::get<report::Text>(towns.rows[1][0]).en == "Tongbei");
  for (std::size_t r = 0; r < regions; ++r) {
    double need = 0, plan = 0;
    for (std::size_t t = 0; t < types; ++t) {
      const std::size_t at = ((years - 1) * types + t) * regions + r;
      CHECK(number(towns.rows[r][1 + t]) == required.values[at]);
      need += required.values[at];
      plan += published.values[at];
    }
    CHECK(number(towns.rows[r][5]) == plan);
    CHECK(number(towns.rows[r][6]) == doctest::Approx(plan - need));
  }
}

TEST_CASE("the plan check states the published plan's cost, service and idle beds against the cheapest plan") {
  const report::ReportContent content = report::build_report(optimise_file());
  const output::Hdf5Reader file(optimise_file());
  CHECK(content.plan_checked);
  const auto& warnings = content.sections.front().warnings;
  REQUIRE(warnings.size() == 3);
  const ResultSeries optimised = file.read_series("optimise", "cost_optimised");
  const ResultSeries published = file.read_series("optimise", "cost_published");
  const std::string excess = sim::grouped(published.values[4] - optimised.values[4]);
  for (const auto* words : {&warnings[0].message.zh, &warnings[0].message.en}) {
    CHECK(words->find(sim::grouped(published.values[4])) != std::string::npos);
    CHECK(words->find(excess) != std::string::npos);
  }
  CHECK(warnings[0].message.zh.find("多") != std::string::npos);  // the published plan costs more
  CHECK(warnings[1].message.en.find("the published plan") != std::string::npos);
  CHECK(warnings[2].message.zh.find("空置") != std::string::npos);
}
