// carecap. SPDX-License-Identifier: MIT
// What a plan's own standards require given the projection (tools/report/StandardsTable): each
// year, beds at the plan's beds per 1,000 aged 60+, nursing-type beds at its share, childcare places
// at its places per 1,000 people, held against the scenario's supply and the simulated use. The
// numbers are checked against the results file: the rate times the projection.
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

/// A series of the file by projection year (1 July stocks; means of the replications).
struct ByYear {
  std::vector<int> years;
  std::vector<double> values;
  double at(int year) const { return values.at(static_cast<std::size_t>(std::find(years.begin(), years.end(), year) - years.begin())); }
};

double number(const std::vector<Cell>& row, std::size_t column) { return std::get<double>(row.at(column)); }
std::string words(const std::vector<Cell>& row, std::size_t column, bool zh = false) {
  const Text& t = std::get<Text>(row.at(column));
  return zh ? t.zh : t.en;
}

}  // namespace

TEST_CASE("Bei'an: the standards table is the plan's 73.6 beds per 1,000 aged 60+, 55% nursing and 4.5 places per 1,000 times the projection") {
  // 北政办规〔2023〕9号 (2023-10-17): by 2025 73.6 beds per 1,000 elders, 55% nursing-type, 4.5 places per 1,000 people.
  const CaseDir dir;
  const OutputView view(results_of(dir, "scenarios/beian/beian.toml"));
  const ReportContent content = run_report(view);
  const Table& t = table_with_id(content, "standards");
  const std::vector<int> years = view.coordinates("", "year");
  const ByYear elders{years, view.read("", "n_age_60_plus").values}, people{years, view.read("", "n_total").values};
  const std::vector<int> capacity_years = view.coordinates("capacity", "capacity_year");
  const ByYear beds{capacity_years, view.read("capacity", "n_beds").sum_to("capacity_year")},
      occupied{capacity_years, view.read("capacity", "n_occupied_beds").sum_to("capacity_year")};
  CHECK(t.title.zh == "规划标准测算");
  int checked = 0;
  for (const auto& row : t.rows) {
    const int year = static_cast<int>(number(row, 0));
    const std::string item = words(row, 1);
    CAPTURE(year);
    CAPTURE(item);
    if (item == "elderly-care beds") {
      CHECK(number(row, 4) == doctest::Approx(73.6 * elders.at(year) / 1000.0));
      CHECK(number(row, 5) == doctest::Approx(beds.at(year)));
      CHECK(number(row, 6) == doctest::Approx(occupied.at(year)));
      CHECK(number(row, 7) == doctest::Approx(beds.at(year) - 73.6 * elders.at(year) / 1000.0));
      CHECK(words(row, 2, true) == "每千名老年人73.6张（2025年目标）");
      ++checked;
    } else if (item == "nursing-type beds (incl. dementia)") {
      CHECK(number(row, 4) == doctest::Approx(0.55 * 73.6 * elders.at(year) / 1000.0));  // 55% of the beds at the standard
      ++checked;
    } else if (item == "childcare places") {
      CHECK(number(row, 4) == doctest::Approx(4.5 * people.at(year) / 1000.0));
      ++checked;
    }
  }
  CHECK(checked == 3 * static_cast<int>(years.size()));
  // 2025: the plan's 5,598 beds assume 76,060 elders; at its own 73.6 per 1,000 the projected 80,066 need 5,893.
  for (const auto& row : t.rows)
    if (number(row, 0) == 2025 && words(row, 1) == "elderly-care beds") CHECK(std::round(number(row, 4)) == 5893);
}

TEST_CASE("Jiaxing: each year takes the standard of the next target year (2022, then 2025)") {
  // Jiaxing draft (2022), indicator table: places per 1,000 people 3.2 (2022), 4.6 (2025); nursing-type 56%, 60%.
  const CaseDir dir;
  const OutputView view(results_of(dir, "scenarios/jiaxing/jiaxing.toml"));
  const ReportContent content = run_report(view);
  const Table& t = table_with_id(content, "standards");
  const std::vector<int> years = view.coordinates("", "year");
  const ByYear people{years, view.read("", "n_total").values};
  for (const auto& row : t.rows) {
    const int year = static_cast<int>(number(row, 0));
    if (words(row, 1) != "childcare places") continue;
    CAPTURE(year);
    const double rate = year <= 2022 ? 3.2 : 4.6;
    CHECK(number(row, 4) == doctest::Approx(rate * people.at(year) / 1000.0));
    CHECK(words(row, 2) == (year <= 2022 ? "3.2 per 1,000 people (2022 target)" : "4.6 per 1,000 people (2025 target)"));
  }
}
