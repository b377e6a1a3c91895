// carecap. SPDX-License-Identifier: MIT
#include "tools/report/RunReport.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "sim/Errors.hpp"
#include "text/TextArg.hpp"
#include "tools/report/IndicatorTable.hpp"
#include "tools/report/MoneySection.hpp"
#include "tools/report/WorkforceSection.hpp"
#include "tools/report/StandardsTable.hpp"
#include "tools/report/NaturalTrendTable.hpp"
#include "tools/report/PlaceNames.hpp"
#include "tools/report/PlanWarnings.hpp"
#include "tools/report/RunView.hpp"
#include "tools/report/ReportSources.hpp"
#include "tools/report/ReportText.hpp"
#include "tools/report/RunCharts.hpp"
#include "tools/report/StartTable.hpp"
#include "tools/report/TownTable.hpp"

namespace carecap::report {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// A trend of root or group series with a 5-95% band across replications where there is one (a
/// deterministic projection's replications agree: no band, no legend entry for it).
void add_trend(const RunView& run, Chart& chart, const std::string& group, const std::string& name, Text label,
               const std::string& color) {
  chart.series.push_back({label, run.by_year(group, name), "line", color});
  if (!run.view.has_spread(group, name)) return;
  const auto low = run.by_year(group, name, {}, "p5"), high = run.by_year(group, name, {}, "p95");
  bool spread = false;
  for (std::size_t i = 0; i < low.size(); ++i) spread = spread || high[i] - low[i] > 1e-9 * std::abs(high[i]);
  if (spread)
    chart.bands.push_back({text::both("report.run.range", {{"series", label}}), low, high,
                           color == kDemandColor ? "rgba(192,57,43,0.15)" : "rgba(31,95,139,0.15)"});
}

Chart pyramid(const RunView& run, std::size_t year_index) {
  const ReportArray population = run.view.read("", "n_population_jul1");
  const std::size_t ages = population.dimension("age").size();
  const std::size_t years = population.dimension("year").size();
  Chart c;
  c.id = "pyramid_" + std::to_string(run.years[year_index]);
  c.kind = "pyramid";
  c.title = text::both("report.run.population.pyramid", {{"year", run.years[year_index]}});
  c.x_name = text::both("report.run.population.age");
  c.y_name = units_text("persons");
  for (std::size_t a = 0; a < ages; ++a) c.x_labels.push_back(a + 1 == ages ? std::to_string(a) + "+" : std::to_string(a));
  std::vector<double> male(ages), female(ages);
  for (std::size_t a = 0; a < ages; ++a) {
    male[a] = population.values[(year_index * 2 + 0) * ages + a];
    female[a] = population.values[(year_index * 2 + 1) * ages + a];
  }
  (void)years;
  c.series.push_back({label_text("male"), male, "bar_negative", "#4a7fb5"});
  c.series.push_back({label_text("female"), female, "bar", "#d9777f"});
  return c;
}

Section population_section(const RunView& run) {
  Section s{"population", text::both("report.run.population.title"), text::both("report.run.population.note"), {}, {}, {}};
  s.charts.push_back(pyramid(run, 0));
  if (run.years.size() > 1) s.charts.push_back(pyramid(run, run.years.size() - 1));
  Chart elderly = line_chart(run, "trend_elderly", text::both("report.run.population.elderly"), units_text("persons"));
  add_trend(run, elderly, "", "n_age_60_plus", text::both("report.run.population.aged_60_plus"), kSupplyColor);
  add_trend(run, elderly, "", "n_age_80_plus", text::both("report.run.population.aged_80_plus"), kDemandColor);
  mark(run, elderly, "forecast.age_60_plus", text::both("report.run.population.forecast_60_plus"));
  s.charts.push_back(elderly);
  Chart children = line_chart(run, "trend_children", text::both("report.run.population.children"), units_text("persons"));
  add_trend(run, children, "", "n_age_0_2", text::both("report.run.population.children_0_2"), kSupplyColor);
  add_trend(run, children, "", "new_births", text::both("report.run.population.births_per_year"), kDemandColor);
  s.charts.push_back(children);

  Table t{"population", text::both("report.run.population.table"), text::both("report.run.population.table_note"),
          {{text::both("report.common.year"), {}, -1},
           {text::both("report.run.population.population"), units_text("persons"), 0},
           {text::both("report.run.population.aged_0_2"), units_text("persons"), 0},
           {text::both("report.run.population.aged_60_plus"), units_text("persons"), 0},
           {text::both("report.run.population.aged_80_plus"), units_text("persons"), 0},
           {text::both("report.run.population.share_60_plus"), units_text("percent"), 1},
           {text::both("report.run.population.births"), units_text("persons per year"), 0}},
          {}};
  const auto total = run.by_year("", "n_total"), young = run.by_year("", "n_age_0_2"),
             old = run.by_year("", "n_age_60_plus"), oldest = run.by_year("", "n_age_80_plus"),
             share = run.by_year("", "share_age_60_plus"), births = run.by_year("", "new_births");
  for (std::size_t i = 0; i < run.years.size(); ++i)
    t.rows.push_back({static_cast<double>(run.years[i]), total[i], young[i], old[i], oldest[i], share[i], births[i]});
  s.tables.push_back(t);
  return s;
}

Section operations_section(const RunView& run) {
  Section s{"operations", text::both("report.run.operations.title"), text::both("report.run.operations.note"), {}, {}, {}};
  Chart occupancy = line_chart(run, "occupancy", text::both("report.run.operations.occupancy_chart"), units_text("percent"));
  Chart waiting = line_chart(run, "waiting", text::both("report.run.operations.waiting_chart"), units_text("persons"));
  Chart waits = line_chart(run, "wait_days", text::both("report.run.operations.wait_chart"), text::both("report.run.operations.days"));
  Table t{"operations", text::both("report.run.operations.table"), text::both("report.run.operations.table_note"),
          {{text::both("report.common.year"), {}, -1},
           {text::both("report.common.bed_type"), {}, 0},
           {text::both("report.run.operations.open_beds"), units_text("beds"), 0},
           {text::both("report.run.operations.occupied_beds"), units_text("beds"), 0},
           {text::both("report.run.operations.occupancy"), units_text("percent"), 1},
           {text::both("report.run.operations.waiting"), units_text("persons"), 1},
           {text::both("report.run.operations.mean_wait"), units_text("d"), 1},
           {text::both("report.run.operations.admissions"), units_text("persons per year"), 0}},
          {}};
  const char* colors[] = {"#1f5f8b", "#c0392b", "#7d3c98"};
  std::vector<std::vector<std::vector<double>>> rows;  // bed type -> column -> year
  for (std::size_t b = 0; b < kBedTypes.size(); ++b) {
    const std::map<std::string, std::vector<std::string>> only{{"bed_type", {kBedTypes[b]}}};
    const auto beds = run.by_year("capacity", "n_beds", only), occupied = run.by_year("capacity", "n_occupied_beds", only),
               queue = run.by_year("capacity", "n_waiting", only);
    // The pooled mean wait of those admitted: days waited over admissions, both by the bed type
    // needed, summed over regions (means over replications of sums, so the ratio stays exact).
    const bool pooled = run.view.has("capacity", "new_wait_days");
    const auto admitted = run.by_year("capacity", pooled ? "new_admissions_by_need" : "new_admissions", only);
    const auto wait_sum = pooled ? run.by_year("capacity", "new_wait_days", only) : std::vector<double>(run.years.size(), kNaN);
    std::vector<double> rate(run.years.size(), kNaN), mean_wait(run.years.size(), kNaN);
    for (std::size_t i = 0; i < run.years.size(); ++i) {
      if (beds[i] > 0) rate[i] = 100.0 * occupied[i] / beds[i];
      if (admitted[i] > 0) mean_wait[i] = wait_sum[i] / admitted[i];
      else if (std::isfinite(admitted[i])) mean_wait[i] = 0;
    }
    occupancy.series.push_back({label_text(kBedTypes[b]), rate, "line", colors[b]});
    waiting.series.push_back({label_text(kBedTypes[b]), queue, "line", colors[b]});
    waits.series.push_back({label_text(kBedTypes[b]), mean_wait, "line", colors[b]});
    rows.push_back({beds, occupied, rate, queue, mean_wait, admitted});
  }
  s.charts = {occupancy, waiting, waits};
  for (std::size_t i = 0; i < run.years.size(); ++i) {
    if (std::isnan(rows[0][0][i])) continue;  // not simulated
    for (std::size_t b = 0; b < kBedTypes.size(); ++b)
      t.rows.push_back({static_cast<double>(run.years[i]), label_text(kBedTypes[b]), rows[b][0][i], rows[b][1][i],
                        rows[b][2][i], rows[b][3][i], rows[b][4][i], rows[b][5][i]});
  }
  s.tables.push_back(t);
  return s;
}

Section childcare_section(const RunView& run) {
  Section s{"childcare", text::both("report.run.childcare.title"), text::both("report.run.childcare.note"), {}, {}, {}};
  const auto bands = run.view.labels("demand", "month_band");
  Table t{"childcare_by_band", text::both("report.run.childcare.table"), text::both("report.run.childcare.table_note"),
          {{text::both("report.common.year"), {}, -1},
           {text::both("report.run.childcare.month_band"), {}, 0},
           {text::both("report.run.childcare.children"), units_text("persons"), 0},
           {text::both("report.run.childcare.wanted"), units_text("places"), 0},
           {text::both("report.run.childcare.places"), units_text("places"), 0},
           {text::both("report.run.childcare.enrolled"), units_text("persons"), 0},
           {text::both("report.common.difference"), units_text("places"), 0}},
          {}};
  const auto wanted_total = run.by_year("demand", "n_childcare_places_wanted");
  const auto places_total =
      run.childcare ? run.by_year("childcare_capacity", "n_places") : std::vector<double>(run.years.size(), kNaN);
  Chart total = line_chart(run, "childcare_total", text::both("report.run.childcare.total_chart"), units_text("places"));
  total.series.push_back({text::both("report.run.childcare.wanted"), wanted_total, "line", kDemandColor});
  if (run.childcare) total.series.push_back({text::both("report.run.childcare.places"), places_total, "line", kSupplyColor});
  add_gap_bands(total, wanted_total, places_total);
  mark(run, total, "targets.childcare_places", text::both("report.run.childcare.target"));
  s.charts.push_back(total);
  std::vector<std::vector<std::vector<double>>> columns;
  for (const std::string& band : bands) {
    const std::map<std::string, std::vector<std::string>> only{{"month_band", {band}}};
    const auto children = run.by_year("demand", "n_children_by_month_band", only);
    const auto wanted = run.by_year("demand", "n_childcare_places_wanted", only);
    const auto places = run.childcare ? run.by_year("childcare_capacity", "n_places", only)
                                      : std::vector<double>(run.years.size(), kNaN);
    const auto enrolled = run.childcare ? run.by_year("childcare_capacity", "n_enrolled", only)
                                        : std::vector<double>(run.years.size(), kNaN);
    Chart c = line_chart(run, "childcare_" + band, label_text(band), units_text("places"));
    c.small = true;
    c.series.push_back({text::both("report.run.childcare.wanted"), wanted, "line", kDemandColor});
    if (run.childcare) c.series.push_back({text::both("report.run.childcare.places"), places, "line", kSupplyColor});
    add_gap_bands(c, wanted, places);
    s.charts.push_back(c);
    columns.push_back({children, wanted, places, enrolled});
  }
  for (std::size_t i = 0; i < run.years.size(); ++i)
    for (std::size_t b = 0; b < bands.size(); ++b)
      t.rows.push_back({static_cast<double>(run.years[i]), label_text(bands[b]), columns[b][0][i], columns[b][1][i],
                        columns[b][2][i], columns[b][3][i], columns[b][2][i] - columns[b][1][i]});
  s.tables.push_back(t);
  return s;
}

Section costs_section(const RunView& run) {
  Section s{"costs", text::both("report.run.costs.title"), text::both("report.run.costs.note"), {}, {}, {}};
  const auto elder = run.by_year("capacity", "cum_capital_cost_wan_yuan");
  const auto operating = run.by_year("capacity", "new_operating_cost_wan_yuan");
  const auto child = run.childcare && run.view.has("childcare_capacity", "cum_capital_cost_wan_yuan")
                         ? run.by_year("childcare_capacity", "cum_capital_cost_wan_yuan")
                         : std::vector<double>(run.years.size(), kNaN);
  Chart c = line_chart(run, "costs", text::both("report.run.costs.chart"), units_text("10,000 yuan"));
  c.series.push_back({text::both("report.run.costs.elderly_investment"), elder, "bar", "#1f5f8b"});
  if (run.childcare) c.series.push_back({text::both("report.run.costs.childcare_investment"), child, "bar", "#e59866"});
  c.series.push_back({text::both("report.run.costs.elderly_operating_per_year"), operating, "line", "#c0392b"});
  s.charts.push_back(c);
  Table t{"costs", text::both("report.run.costs.title"), {},
          {{text::both("report.common.year"), {}, -1},
           {text::both("report.run.costs.elderly_investment"), units_text("10,000 yuan"), 1},
           {text::both("report.run.costs.elderly_operating"), units_text("10,000 yuan per year"), 1},
           {text::both("report.run.costs.childcare_investment"), units_text("10,000 yuan"), 1}},
          {}};
  for (std::size_t i = 0; i < run.years.size(); ++i) {
    if (std::isnan(elder[i])) continue;
    t.rows.push_back({static_cast<double>(run.years[i]), elder[i], operating[i], child[i]});
  }
  s.tables.push_back(t);
  return s;
}

/// The overview's note: the run's findings first (the `findings` group, as the terminal prints
/// them), then what the warnings below are. A file written before the findings has only the latter.
Text findings_note(const OutputView& view) {
  const Text warnings = text::both("report.run.overview.warnings");
  const auto zh = view.text_or_none("findings", "text_zh"), en = view.text_or_none("findings", "text_en");
  if (zh.empty() || zh.size() != en.size() || zh.front().empty()) return warnings;
  Text findings;
  for (std::size_t i = 0; i < zh.size(); ++i) {
    const Text finding =
        text::both("report.run.overview.finding", {{"n", same(std::to_string(i + 1))}, {"finding", Text{zh[i], en[i]}}});
    findings.zh += finding.zh;
    findings.en += finding.en;
  }
  return text::both("report.run.overview.findings", {{"findings", findings}, {"warnings", warnings}});
}

}  // namespace

ReportContent run_report(const OutputView& view) {
  if (!view.has("", "n_population_jul1") || !view.has("", "year"))
    throw InputError(text::both("errors.report.incomplete_results", {{"path", same(view.path())}, {"dataset", same("n_population_jul1")}}));
  RunView run{view, view.coordinates("", "year"), {}, false, false, false, stated_figures(view)};
  for (int y : run.years) run.year_labels.push_back(std::to_string(y));
  if (run.stated.count("targets.nursing_bed_share") && run.stated.count("targets.elderly_care_beds")) {
    const StatedFigure& share = run.stated.at("targets.nursing_bed_share");
    run.stated["nursing_beds_target"] = {share.year, share.value * run.stated.at("targets.elderly_care_beds").value, "beds"};
  }
  if (run.years.empty())
    throw InputError(text::both("errors.report.empty_dimension", {{"path", same(view.path())}, {"dimension", same("year")},
                                                                  {"kind", text::both("errors.report.kind.results")}}));
  run.demand = view.file().has_group("demand");
  run.capacity = view.file().has_group("capacity");
  run.childcare = view.file().has_group("childcare_capacity");

  ReportContent content;
  content.kind = "run";
  content.title = text::both("towns.report_title", {{"place", scenario_place(view)}});  // 北安市, else the name
  const auto replications = view.file().root_integer("replications").value_or(1);
  const std::string mode = view.file().root_text("mode").value_or("");
  content.subtitle = text::both("report.run.subtitle", {{"first", same(std::to_string(run.years.front()))},
                                                        {"last", same(std::to_string(run.years.back()))},
                                                        {"mode", Text{label_text(mode).zh, mode}},
                                                        {"replications", same(std::to_string(replications))}});
  content.source_path = view.path();
  content.plan_checked = view.file().has_group("plan_check");

  Section overview{"overview", text::both("report.run.overview.title"), findings_note(view), plan_warnings(view), {}, {}};
  if (auto start = start_table(run)) overview.tables.push_back(std::move(*start));
  overview.tables.push_back(indicator_table(run));
  if (auto standards = standards_table(run)) overview.tables.push_back(std::move(*standards));
  if (auto trend = natural_trend_table(run)) overview.tables.push_back(std::move(*trend));
  if (auto towns = town_table(run)) overview.tables.push_back(std::move(*towns));
  content.sections.push_back(overview);
  content.sections.push_back(population_section(run));
  if (run.demand) content.sections.push_back(beds_section(run));
  if (run.capacity) content.sections.push_back(operations_section(run));
  if (run.demand) content.sections.push_back(childcare_section(run));
  if (run.capacity) content.sections.push_back(costs_section(run));
  if (auto workforce = workforce_section(run)) content.sections.push_back(std::move(*workforce));
  if (auto money = money_section(run)) content.sections.push_back(std::move(*money));
  if (auto tables = plan_check_tables(view); !tables.empty())
    content.sections.push_back({"plan_check", text::both("report.run.plan_check.title"), {}, {}, {}, tables});
  content.sources = sources_table(view);
  return content;
}

}  // namespace carecap::report
