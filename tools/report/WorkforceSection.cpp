// carecap. SPDX-License-Identifier: MIT
// The care-worker section of a run's report: the `workforce` group (output/SCHEMA.md), Chinese first.
#include "tools/report/WorkforceSection.hpp"

#include <cmath>
#include <string>

#include "text/TextArg.hpp"
#include "tools/report/PlaceNames.hpp"
#include "tools/report/ReportText.hpp"
#include "tools/report/RunCharts.hpp"

namespace carecap::report {
namespace {

constexpr const char* kGroup = "workforce";

/// The cell of a value, or an empty cell where it is not modelled (NaN).
Cell number_or_empty(double value) {
  if (std::isnan(value)) return std::monostate{};
  return value;
}

}  // namespace

std::optional<Section> workforce_section(const RunView& run) {
  if (!run.view.file().has_group(kGroup) || !run.view.has(kGroup, "n_care_workers")) return std::nullopt;
  const auto series = [&](const char* name, const std::map<std::string, std::vector<std::string>>& only = {}) {
    return run.by_year(kGroup, name, only);
  };
  const auto employed = series("n_care_workers"), needed = series("n_care_workers_needed"), gap = series("n_care_worker_gap"),
             shortage = series("n_care_worker_shortage"),
             trained = series("new_care_workers_trained"), leaving = series("new_care_workers_leaving"),
             hired = series("new_care_workers_hired"), projects = series("new_care_workers_with_projects"),
             cum_trained = series("cum_care_workers_trained"), certified = series("n_certified_care_workers"),
             per_10000 = series("certified_care_workers_per_10000_elderly"), senior = series("n_senior_grade_care_workers"),
             per_100_beds = series("care_workers_per_100_beds"), childcare = series("n_childcare_workers_needed");

  Section s{"workforce", text::both("report.run.workforce.title"), text::both("report.run.workforce.note"), {}, {}, {}};
  Chart c = line_chart(run, "workforce", text::both("report.run.workforce.chart"), units_text("persons"));
  c.series.push_back({text::both("report.run.workforce.employed"), employed, "line", "#1f5f8b"});
  c.series.push_back({text::both("report.run.workforce.needed"), needed, "dashed", "#c0392b"});
  c.series.push_back({text::both("report.run.workforce.shortage"), shortage, "bar", "#c0392b"});
  s.charts.push_back(std::move(c));

  Table t{"workforce", text::both("report.run.workforce.table"), text::both("report.run.workforce.table_note"),
          {{text::both("report.common.year"), {}, kPlainInteger},
           {text::both("report.run.workforce.employed"), units_text("persons"), 1},
           {text::both("report.run.workforce.needed"), units_text("persons"), 1},
           {text::both("report.run.workforce.gap"), units_text("persons"), 1},
           {text::both("report.run.workforce.shortage"), units_text("persons"), 1},
           {text::both("report.run.workforce.leaving"), units_text("persons per year"), 1},
           {text::both("report.run.workforce.hired"), units_text("persons per year"), 1},
           {text::both("report.run.workforce.trained"), units_text("persons per year"), 1},
           {text::both("report.run.workforce.with_projects"), units_text("persons per year"), 1},
           {text::both("report.run.workforce.cum_trained"), units_text("persons"), 0}},
          {}};
  for (std::size_t i = 0; i < run.years.size(); ++i) {
    if (std::isnan(employed[i])) continue;  // not simulated
    t.rows.push_back({static_cast<double>(run.years[i]), employed[i], needed[i], gap[i], shortage[i], leaving[i], hired[i],
                      trained[i], projects[i], cum_trained[i]});
  }
  s.tables.push_back(std::move(t));

  // By town: every simulated year, each town's employed, needed and gap.
  const std::vector<std::string> ids = run.view.labels(kGroup, "region");
  if (ids.size() > 1) {
    const std::vector<Text> towns = region_names(run.view, kGroup);
    Table by_town{"workforce_towns", text::both("report.run.workforce.town_table"), text::both("report.run.workforce.town_note"),
                  {{text::both("report.common.year"), {}, kPlainInteger},
                   {text::both("report.run.workforce.town"), {}, 0},
                   {text::both("report.run.workforce.employed"), units_text("persons"), 1},
                   {text::both("report.run.workforce.needed"), units_text("persons"), 1},
                   {text::both("report.run.workforce.gap"), units_text("persons"), 1}},
                  {}};
    std::vector<std::vector<double>> town_employed, town_needed, town_gap;
    for (const std::string& id : ids) {
      town_employed.push_back(series("n_care_workers", {{"region", {id}}}));
      town_needed.push_back(series("n_care_workers_needed", {{"region", {id}}}));
      town_gap.push_back(series("n_care_worker_gap", {{"region", {id}}}));
    }
    for (std::size_t i = 0; i < run.years.size(); ++i) {
      if (std::isnan(employed[i])) continue;
      for (std::size_t r = 0; r < ids.size(); ++r)
        by_town.rows.push_back({static_cast<double>(run.years[i]), towns[r], town_employed[r][i], town_needed[r][i], town_gap[r][i]});
    }
    s.tables.push_back(std::move(by_town));
  }

  Table indicators{"workforce_indicators", text::both("report.run.workforce.indicator_table"),
                   text::both("report.run.workforce.indicator_note"),
                   {{text::both("report.common.year"), {}, kPlainInteger},
                    {text::both("report.run.workforce.certified"), units_text("persons"), 1},
                    {text::both("report.run.workforce.per_10000"), units_text("persons per 10,000 persons aged 60+"), 1},
                    {text::both("report.run.workforce.senior"), units_text("persons"), 1},
                    {text::both("report.run.workforce.per_100_beds"), units_text("persons per 100 beds"), 2},
                    {text::both("report.run.workforce.childcare"), units_text("persons"), 1}},
                   {}};
  for (std::size_t i = 0; i < run.years.size(); ++i) {
    if (std::isnan(employed[i])) continue;
    indicators.rows.push_back({static_cast<double>(run.years[i]), certified[i], per_10000[i], senior[i], per_100_beds[i],
                               number_or_empty(childcare[i])});
  }
  s.tables.push_back(std::move(indicators));
  return s;
}

}  // namespace carecap::report
