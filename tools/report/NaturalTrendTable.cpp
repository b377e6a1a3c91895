// carecap. SPDX-License-Identifier: MIT
#include "tools/report/NaturalTrendTable.hpp"

#include <set>

#include "tools/report/ReportText.hpp"
#include "models/supply/BaseYearSupply.hpp"

namespace carecap::report {
namespace {

/// One indicator: its words, units, and the series read from the plan's group and the trend's.
struct TrendRow {
  const char* message;  // catalogue id
  const char* units;
  const char* plan_group;
  const char* trend_group;
  const char* series;
  std::map<std::string, std::vector<std::string>> only{};
};

}  // namespace

std::optional<Table> natural_trend_table(const RunView& run) {
  const bool beds = run.view.file().has_group(supply::kNaturalTrendCapacity) && run.capacity;
  const bool places = run.view.file().has_group(supply::kNaturalTrendChildcare) && run.childcare;
  if (!beds && !places) return std::nullopt;
  const std::vector<int> capacity_years = run.view.coordinates("capacity", "capacity_year");
  std::set<int> years;
  for (const auto& [name, s] : run.stated)
    if (name.rfind("targets.", 0) == 0 && s.year > 0) years.insert(s.year);
  if (!capacity_years.empty()) years.insert(capacity_years.back());

  Table t{"natural_trend", text::both("trend.title"), text::both("trend.note"),
          {{text::both("trend.column.indicator"), {}, 0}, {text::both("trend.column.units"), {}, 0}}, {}};
  for (int y : years) {
    const std::string year = std::to_string(y);
    t.columns.push_back({text::both("trend.column.without_plan", {{"year", year}}), {}, 0});
    t.columns.push_back({text::both("trend.column.with_plan", {{"year", year}}), {}, 0});
    t.columns.push_back({text::both("trend.column.difference", {{"year", year}}), {}, 0});
  }
  std::vector<TrendRow> rows;
  if (beds) {
    const char* plan = "capacity";
    const char* trend = supply::kNaturalTrendCapacity;
    rows.push_back({"trend.row.beds", "beds", plan, trend, "n_beds"});
    rows.push_back({"trend.row.nursing_beds", "beds", plan, trend, "n_beds", {{"bed_type", {"nursing", "dementia"}}}});
    rows.push_back({"trend.row.occupied_beds", "beds", plan, trend, "n_occupied_beds"});
    rows.push_back({"trend.row.idle_beds", "beds", plan, trend, "n_idle_beds"});
    rows.push_back({"trend.row.elders_waiting", "persons", plan, trend, "n_waiting"});
    rows.push_back({"trend.row.elders_gave_up", "persons per year", plan, trend, "new_gave_up"});
    rows.push_back({"trend.row.elders_died_waiting", "persons per year", plan, trend, "new_died_waiting"});
    rows.push_back({"trend.row.bed_investment", "10,000 yuan", plan, trend, "cum_capital_cost_wan_yuan"});
  }
  if (places) {
    const char* plan = "childcare_capacity";
    const char* trend = supply::kNaturalTrendChildcare;
    rows.push_back({"trend.row.places", "places", plan, trend, "n_places"});
    rows.push_back({"trend.row.children_enrolled", "persons", plan, trend, "n_enrolled"});
    rows.push_back({"trend.row.children_waiting", "persons", plan, trend, "n_waiting"});
    rows.push_back({"trend.row.children_gave_up", "persons per year", plan, trend, "new_gave_up"});
  }
  for (const TrendRow& r : rows) {
    if (!run.view.has(r.plan_group, r.series) || !run.view.has(r.trend_group, r.series)) continue;
    const std::vector<double> with_plan = run.by_year(r.plan_group, r.series, r.only);
    const std::vector<double> without_plan = run.by_year(r.trend_group, r.series, r.only);
    std::vector<Cell> cells{text::both(r.message), units_text(r.units)};
    for (int y : years) {
      const double a = run.at_year(without_plan, y), b = run.at_year(with_plan, y);
      cells.emplace_back(a);
      cells.emplace_back(b);
      cells.emplace_back(b - a);
    }
    t.rows.push_back(std::move(cells));
    t.row_decimals.push_back(0);
  }
  return t;
}

}  // namespace carecap::report
