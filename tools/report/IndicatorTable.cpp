// carecap. SPDX-License-Identifier: MIT
#include "tools/report/IndicatorTable.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "text/TextArg.hpp"
#include "tools/report/ReportText.hpp"

namespace carecap::report {
namespace {

/// One row of the plans' indicator table.
struct IndicatorRow {
  Text name;
  std::string units;
  std::vector<double> values;  // by projection year
  int decimals = 0;
  std::string target;          // stated target's field (targets.FIELD), or empty
  double target_scale = 1.0;   // stated fraction -> percent
  double base = std::numeric_limits<double>::quiet_NaN();  // at the base date; NaN: no figure at that date (flows, demand)
};

/// The run's figures at its base date, 1 January of the base year (= the end of the year before,
/// the date of the plans' base figures): the base population (n_population_jan1) and the supply
/// open then (the first simulated year's beds and places: they change only on 1 January).
struct BaseDate {
  int year = 0;  // the year that ends at the base date
  double population = 0, age_60_plus = 0, age_80_plus = 0, age_0_2 = 0;
};

BaseDate base_date(const RunView& run) {
  const ReportArray jan1 = run.view.read("", "n_population_jan1");
  const ResultDimension& ages = jan1.dimension("age");
  const std::size_t sexes = jan1.dimension("sex").size(), n = ages.values.size();
  BaseDate b{run.view.coordinates("", "year_jan1").front() - 1, 0, 0, 0, 0};
  for (std::size_t s = 0; s < sexes; ++s)
    for (std::size_t a = 0; a < n; ++a) {
      const double persons = jan1.values[s * n + a];  // the first year_jan1: the base date
      const int age = ages.values[a];
      b.population += persons;
      b.age_60_plus += age >= 60 ? persons : 0.0;
      b.age_80_plus += age >= 80 ? persons : 0.0;
      b.age_0_2 += age <= 2 ? persons : 0.0;
    }
  return b;
}

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// count per `times` of `of` (e.g. beds per 1,000 elders); NaN without a base.
double per(double count, double of, double times) { return of > 0 ? times * count / of : kNaN; }

}  // namespace

Table indicator_table(const RunView& run) {
  const BaseDate at_base = base_date(run);
  const auto targets = targets_by_year(run.stated);  // every target year of the plan
  std::vector<int> columns;
  for (const auto& [year, stated] : targets) columns.push_back(year);
  for (int y : {2025, 2030, 2035}) columns.push_back(y);
  std::sort(columns.begin(), columns.end());
  columns.erase(std::unique(columns.begin(), columns.end()), columns.end());
  columns.erase(std::remove_if(columns.begin(), columns.end(),
                               [&](int y) { return y <= at_base.year || std::find(run.years.begin(), run.years.end(), y) == run.years.end(); }),
                columns.end());  // the run's years after the base date
  const Text base_note = text::both("plan.indicators.base_note", {{"year", text::same(std::to_string(at_base.year))}});
  Table t{"indicators", text::both("tables.indicators.title"), text::both("tables.indicators.note", {{"base", base_note}}),
          {{text::both("tables.indicators.column.indicator"), {}, 0}, {text::both("tables.indicators.column.units"), {}, 0}},
          {}};
  t.columns.push_back({text::both("plan.indicators.base_column", {{"year", text::same(std::to_string(at_base.year))}}), {}, 1});
  for (int y : columns) t.columns.push_back({same(std::to_string(y)), {}, 1});
  for (const auto& [year, stated] : targets) {
    const Text y = text::same(std::to_string(year));
    t.columns.push_back({text::both("plan.indicators.target_column", {{"year", y}}), {}, 1});
    t.columns.push_back({targets.size() == 1 ? text::both("tables.indicators.column.gap") : text::both("plan.indicators.gap_column", {{"year", y}}), {}, 1});
  }
  if (targets.empty()) {
    t.columns.push_back({text::both("tables.indicators.column.target"), {}, 1});
    t.columns.push_back({text::both("tables.indicators.column.gap"), {}, 1});
  }

  std::vector<IndicatorRow> rows;
  auto basis = [&](const char* name, const char* b) { return run.by_year("demand", name, {{"basis", {b}}}); };
  // At the base date: the base population, and the supply of the first simulated year (it opens
  // and closes only on 1 January, so its time average is the supply at the base date).
  const int first = at_base.year + 1;
  auto first_year = [&](const char* group, const char* name, const std::map<std::string, std::vector<std::string>>& only = {}) {
    return run.view.has(group, name) ? run.at_year(run.by_year(group, name, only), first) : kNaN;
  };
  const double beds = first_year("capacity", "n_beds"), nursing = first_year("capacity", "n_beds", {{"bed_type", {"nursing", "dementia"}}}),
               places = first_year("childcare_capacity", "n_places"),
               affordable = first_year("childcare_capacity", "n_affordable_places");
  rows.push_back({text::both("tables.indicators.row.population"), "persons", run.by_year("", "n_total"), 0, "", 1, at_base.population});
  rows.push_back({text::both("tables.indicators.row.aged_60_plus"), "persons", run.by_year("", "n_age_60_plus"), 0, "", 1, at_base.age_60_plus});
  rows.push_back({text::both("tables.indicators.row.share_aged_60_plus"), "percent", run.by_year("", "share_age_60_plus"), 1, "", 1,
                  per(at_base.age_60_plus, at_base.population, 100.0)});
  rows.push_back({text::both("tables.indicators.row.aged_80_plus"), "persons", run.by_year("", "n_age_80_plus"), 0, "", 1, at_base.age_80_plus});
  rows.push_back({text::both("tables.indicators.row.children_0_2"), "persons", run.by_year("", "n_age_0_2"), 0, "", 1, at_base.age_0_2});
  rows.push_back({text::both("tables.indicators.row.births"), "persons per year", run.by_year("", "new_births"), 0, "", 1});
  if (run.demand) {
    if (run.capacity) {
      rows.push_back({text::both("tables.indicators.row.beds_supply"), "beds", run.by_year("capacity", "n_beds"), 0,
                      "elderly_care_beds", 1, beds});
      rows.push_back({text::both("tables.indicators.row.nursing_beds_supply"), "beds",
                      run.by_year("capacity", "n_beds", {{"bed_type", {"nursing", "dementia"}}}), 0, "nursing_beds", 1, nursing});
    }
    rows.push_back({text::both("tables.indicators.row.beds_needed"), "beds", run.by_year("demand", "n_beds_needed"), 0, "", 1});
    // Supply-basis rows only where a capacity simulation gives a supply (without one they would read 0).
    if (run.capacity)
      rows.push_back({text::both("tables.indicators.row.beds_per_1000_supply"), "beds per 1,000 persons aged 60+",
                      basis("beds_per_1000_elderly", "supply"), 1, "beds_per_1000_elderly", 1,
                      per(beds, at_base.age_60_plus, 1000.0)});
    rows.push_back({text::both("tables.indicators.row.beds_per_1000_demand"), "beds per 1,000 persons aged 60+",
                    basis("beds_per_1000_elderly", "demand"), 1, "", 1});
    if (run.capacity)
      rows.push_back({text::both("tables.indicators.row.nursing_share_supply"), "percent",
                      basis("nursing_bed_share", "supply"), 1, "nursing_bed_share", 100, per(nursing, beds, 100.0)});
    rows.push_back({text::both("tables.indicators.row.nursing_share_demand"), "percent",
                    basis("nursing_bed_share", "demand"), 1, "", 1});
    rows.push_back({text::both("tables.indicators.row.dementia_beds_per_10000_demand"),
                    "beds per 10,000 persons aged 60+", basis("dementia_beds_per_10000_elderly", "demand"), 1, "", 1});
    rows.push_back({text::both("tables.indicators.row.care_workers_per_10000_demand"),
                    "persons per 10,000 persons aged 60+", basis("care_workers_per_10000_elderly", "demand"), 1, "", 1});
    if (run.childcare)
      rows.push_back({text::both("tables.indicators.row.places_supply"), "places", run.by_year("childcare_capacity", "n_places"),
                      0, "childcare_places", 1, places});
    rows.push_back({text::both("tables.indicators.row.places_wanted"), "places", run.by_year("demand", "n_childcare_places_wanted"), 0,
                    "", 1});
    const char* place_basis = run.childcare ? "supply" : "demand";
    rows.push_back({run.childcare ? text::both("tables.indicators.row.places_per_1000_supply")
                                  : text::both("tables.indicators.row.places_per_1000_demand"),
                    "places per 1,000 persons", basis("childcare_places_per_1000_people", place_basis), 2,
                    run.childcare ? "childcare_places_per_1000_people" : "", 1,
                    run.childcare ? per(places, at_base.population, 1000.0) : kNaN});
    if (run.childcare) {
      rows.push_back({text::both("tables.indicators.row.affordable_share_supply"), "percent",
                      basis("affordable_place_share", "supply"), 1, "affordable_place_share", 100, per(affordable, places, 100.0)});
      rows.push_back({text::both("tables.indicators.row.enrolment_rate_supply"), "percent", basis("enrollment_rate", "supply"), 1, "", 1});
      rows.push_back({text::both("tables.indicators.row.utilisation_supply"), "percent", basis("place_utilisation", "supply"), 1,
                      "", 1});
    }
  }
  if (run.capacity) {
    rows.push_back({text::both("tables.indicators.row.elders_waiting"), "persons", run.by_year("capacity", "n_waiting"), 0, "", 1});
    rows.push_back({text::both("tables.indicators.row.bed_investment"), "10,000 yuan",
                    run.by_year("capacity", "cum_capital_cost_wan_yuan"), 0, "", 1});
  }
  for (const IndicatorRow& r : rows) {
    std::vector<Cell> cells{r.name, units_text(r.units), r.base};
    for (int y : columns) cells.emplace_back(run.at_year(r.values, y));
    for (const auto& [year, stated] : targets) {
      const auto target = stated.find(r.target);
      double goal = target == stated.end() ? std::numeric_limits<double>::quiet_NaN() : target->second.value * r.target_scale;
      if (r.target == "nursing_beds" && stated.count("nursing_bed_share") && stated.count("elderly_care_beds"))
        goal = stated.at("nursing_bed_share").value * stated.at("elderly_care_beds").value;  // share x the bed target
      if (std::isnan(goal)) {
        cells.emplace_back(std::monostate{});
        cells.emplace_back(std::monostate{});
      } else {
        cells.emplace_back(goal);
        cells.emplace_back(run.at_year(r.values, year) - goal);
      }
    }
    if (targets.empty()) {  // the target and gap columns stay, empty, for a plan without targets
      cells.emplace_back(std::monostate{});
      cells.emplace_back(std::monostate{});
    }
    t.rows.push_back(cells);
    t.row_decimals.push_back(r.decimals);
  }
  return t;
}


}  // namespace carecap::report
