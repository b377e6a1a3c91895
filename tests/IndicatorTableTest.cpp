// carecap. SPDX-License-Identifier: MIT
// The plan indicator table (tools/report/IndicatorTable): its base column is the plan's base date
// (the end of the year before the base year: the model's 1 January) and it shows a target and a
// gap for every target year of the plan.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include "ReportTestSupport.hpp"
#include "tools/report/OutputView.hpp"
#include "tools/report/RunReport.hpp"

using namespace carecap;
using namespace carecap::report;
using namespace carecap::testing;

namespace {

std::size_t column(const Table& t, const std::string& en) {
  for (std::size_t c = 0; c < t.columns.size(); ++c)
    if (t.columns[c].name.en == en) return c;
  FAIL("no column " << en);
  return 0;
}

const std::vector<Cell>& row(const Table& t, const std::string& zh) {
  for (const auto& cells : t.rows)
    if (std::get<Text>(cells.front()).zh == zh) return cells;
  FAIL("no row " << zh);
  return t.rows.front();
}

double number(const Cell& cell) {
  const double* value = std::get_if<double>(&cell);
  return value ? *value : std::nan("");
}

}  // namespace

TEST_CASE("Bei'an: the base column is the plan's end of 2020, the scenario's base population of 280,000") {
  // 北政办规〔2023〕9号: 70,000 aged 60+, 25% of the population, at the end of 2020; 5,298 beds.
  const CaseDir dir;
  const OutputView view(results_of(dir, "scenarios/beian/beian.toml"));
  const ReportContent content = run_report(view);
  const Table& t = table_with_id(content, "indicators");
  const std::size_t base = column(t, "base (end of 2020)");
  CHECK(base == 2);
  CHECK(t.columns[base].name.zh == "基年（2020年末）");
  CHECK(number(row(t, "常住人口")[base]) == doctest::Approx(280000).epsilon(1e-9));
  CHECK(number(row(t, "60岁及以上老年人口")[base]) == doctest::Approx(70000).epsilon(1e-9));
  CHECK(number(row(t, "60岁及以上人口占比")[base]) == doctest::Approx(25.0));
  CHECK(number(row(t, "3岁以下婴幼儿")[base]) == doctest::Approx(2709).epsilon(1e-6));
  CHECK(number(row(t, "养老床位（供给）")[base]) == doctest::Approx(5298));
  // The base column equals the results file's 1 January population of the base year.
  double jan1 = 0;
  const ReportArray population = view.read("", "n_population_jan1");
  const std::size_t per_year = population.values.size() / population.dimension("year_jan1").size();
  for (std::size_t i = 0; i < per_year; ++i) jan1 += population.values[i];
  CHECK(number(row(t, "常住人口")[base]) == doctest::Approx(jan1));
  // A flow has no value at a date: births are left empty, not shown as 1 July's.
  CHECK(std::isnan(number(row(t, "出生人口")[base])));
  // One target year: one target and one gap column, as before.
  CHECK(column(t, "target (2025)") == column(t, "gap") - 1);
}

TEST_CASE("Jiaxing: a target and a gap for 2022 and for 2025, and 2022 among the years shown") {
  const CaseDir dir;
  const OutputView view(results_of(dir, "scenarios/jiaxing/jiaxing.toml"));
  const ReportContent content = run_report(view);
  const Table& t = table_with_id(content, "indicators");
  CHECK(t.columns[column(t, "base (end of 2021)")].name.zh == "基年（2021年末）");
  const auto& share = row(t, "护理型床位占比（供给）");
  CHECK(number(share[column(t, "target (2022)")]) == doctest::Approx(56.0));
  CHECK(number(share[column(t, "gap (2022)")]) == doctest::Approx(number(share[column(t, "2022")]) - 56.0));
  CHECK(number(share[column(t, "target (2025)")]) == doctest::Approx(60.0));
  CHECK(number(share[column(t, "gap (2025)")]) == doctest::Approx(number(share[column(t, "2025")]) - 60.0));
  const auto& places = row(t, "每千人口托位数（供给）");
  CHECK(number(places[column(t, "target (2022)")]) == doctest::Approx(3.2));
  CHECK(number(places[column(t, "target (2025)")]) == doctest::Approx(4.6));
}
