// carecap. SPDX-License-Identifier: MIT
#include "tools/report/TownTable.hpp"

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "text/TextArg.hpp"
#include "tools/report/PlaceNames.hpp"
#include "tools/report/ReportText.hpp"

namespace carecap::report {
namespace {

/// A column of the table: a series of the run file summed by region (over bed types or month bands).
struct TownMeasure {
  Text name;
  std::string group;
  std::string series;
  std::string units;
};

/// A year the table shows, and what it is to the plan.
struct TownYear {
  int year = 0;
  Text what;  // 基年2021年 / base year 2021
};

/// The base year, then the plan's target years within the simulation (any stated `targets.*`
/// figure's year), or the last simulated year when there are none.
std::vector<TownYear> town_years(const RunView& run, const std::vector<int>& simulated) {
  const auto simulated_year = [&](int y) { return std::find(simulated.begin(), simulated.end(), y) != simulated.end(); };
  const int base = simulated.front();
  std::vector<TownYear> years{{base, text::both("towns.year.base", {{"year", std::to_string(base)}})}};
  std::set<int> targets;
  for (const auto& [name, stated] : run.stated)
    if (name.rfind("targets.", 0) == 0 && stated.year > base && simulated_year(stated.year)) targets.insert(stated.year);
  for (int y : targets) years.push_back({y, text::both("towns.year.target", {{"year", std::to_string(y)}})});
  if (targets.empty() && simulated.back() > base)
    years.push_back({simulated.back(), text::both("towns.year.horizon", {{"year", std::to_string(simulated.back())}})});
  return years;
}

}  // namespace

std::optional<Table> town_table(const RunView& run) {
  if (!run.capacity || !run.view.has("capacity", "n_beds")) return std::nullopt;
  const std::vector<int> simulated = run.view.coordinates("capacity", "capacity_year");
  if (simulated.empty()) return std::nullopt;
  const std::vector<std::string> ids = run.view.labels("capacity", "region");
  const std::vector<Text> towns = region_names(run.view, "capacity");

  std::vector<TownMeasure> measures{
      {text::both("towns.column.beds"), "capacity", "n_beds", "beds"},
      {text::both("towns.column.occupied_beds"), "capacity", "n_occupied_beds", "beds"},
      {text::both("towns.column.elders_waiting"), "capacity", "n_waiting", "persons"}};
  if (run.childcare && run.view.has("childcare_capacity", "n_places")) {
    measures.push_back({text::both("towns.column.places"), "childcare_capacity", "n_places", "places"});
    measures.push_back({text::both("towns.column.children_enrolled"), "childcare_capacity", "n_enrolled", "persons"});
    measures.push_back({text::both("towns.column.children_waiting"), "childcare_capacity", "n_waiting", "persons"});
  }
  // Each measure by projection year: per town (ids.size() vectors), then the whole area's.
  std::vector<std::vector<std::vector<double>>> values;
  for (const TownMeasure& m : measures) {
    std::vector<std::vector<double>> by_town;
    for (const std::string& id : ids) by_town.push_back(run.by_year(m.group, m.series, {{"region", {id}}}));
    by_town.push_back(run.by_year(m.group, m.series));
    values.push_back(std::move(by_town));
  }

  const std::vector<TownYear> years = town_years(run, simulated);
  const Text separator = text::both("towns.table.year_separator");
  Text years_text;
  for (std::size_t i = 0; i < years.size(); ++i) {
    years_text.zh += (i ? separator.zh : "") + years[i].what.zh;
    years_text.en += (i ? separator.en : "") + years[i].what.en;
  }
  const Text place = scenario_place(run.view);
  Table t{"towns", text::both("towns.table.title"),
          text::both("towns.table.note", {{"years", years_text}, {"place", place}}),
          {{text::both("towns.column.year"), {}, kPlainInteger}, {text::both("towns.column.town"), {}, 0}},
          {}};
  for (const TownMeasure& m : measures) t.columns.push_back({m.name, units_text(m.units), 0});
  const Text total = text::both("towns.table.total", {{"place", place}});
  // One town: its row is the total, so no total row.
  const std::size_t rows_per_year = ids.size() > 1 ? ids.size() + 1 : ids.size();
  for (const TownYear& y : years)
    for (std::size_t r = 0; r < rows_per_year; ++r) {
      std::vector<Cell> row{static_cast<double>(y.year), r < ids.size() ? towns[r] : total};
      for (const auto& by_town : values) row.emplace_back(run.at_year(by_town[r], y.year));
      t.rows.push_back(std::move(row));
    }
  return t;
}

}  // namespace carecap::report
