// carecap. SPDX-License-Identifier: MIT
#include "tools/report/OptimiseReport.hpp"

#include <array>
#include <cmath>
#include <cstddef>
#include <limits>

#include "text/TextArg.hpp"
#include "tools/report/OptimiseDatasets.hpp"
#include "tools/report/OptimisePlacesReport.hpp"
#include "tools/report/OptimisePlanCheck.hpp"
#include "tools/report/PlaceNames.hpp"
#include "tools/report/ReportSources.hpp"
#include "tools/report/ReportText.hpp"

namespace carecap::report {
namespace {

constexpr const char* kGroup = "optimise";
const std::array<std::string, 3> kTypes{"general", "nursing", "dementia"};  // the file's bed_type labels, in order

/// A (year, bed_type, region) dataset summed over regions: beds[year][type], types as kTypes.
std::vector<std::array<double, 3>> by_year_and_type(const OutputView& view, const std::string& name) {
  const ReportArray a = view.read(kGroup, name);
  const std::size_t years = a.dimension("year").size(), types = a.dimension("bed_type").size();
  const std::size_t regions = a.dimension("region").size();
  const auto& labels = a.dimension("bed_type").labels;
  std::vector<std::array<double, 3>> out(years, {0, 0, 0});
  for (std::size_t t = 0; t < types; ++t)
    for (std::size_t k = 0; k < kTypes.size(); ++k)
      if (labels[t] == kTypes[k])
        for (std::size_t y = 0; y < years; ++y)
          for (std::size_t r = 0; r < regions; ++r) out[y][k] += a.values[(y * types + t) * regions + r];
  return out;
}

/// Beds of the three types as the lead shows them: 177/400/18.
Text three(const std::array<double, 3>& beds) {
  return same(grouped(beds[0]) + "/" + grouped(beds[1]) + "/" + grouped(beds[2]));
}

/// Whether a plan met the level every year (its 0/1 dataset `name` over year) in words.
Text verdict(const OutputView& view, const std::string& name, const std::vector<int>& years) {
  const std::string failed = failed_years(view, name, years);
  return failed.empty() ? text::both("report.optimise.met_every_year") : text::both("report.optimise.failed_in", {{"years", same(failed)}});
}

/// The starts of one plan, one row each (none: an empty table whose note says so): the optimised
/// plan's (`prefix` "start_") or the published plan's ("published_start_", its projects at their
/// plan years).
Table schedule_table(const OutputView& view, const std::string& prefix) {
  const Text wan = units_text("10,000 yuan"), beds = units_text("beds");
  const bool published = prefix == "published_start_";
  Table t{published ? "optimise_published_schedule" : "optimise_schedule",
          text::both(published ? "report.optimise.schedule.published_title" : "report.optimise.schedule.title"),
          text::both("report.optimise.schedule.note"),
          {{text::both("report.optimise.schedule.project"), {}, 0},
           {text::both("report.optimise.schedule.kind"), {}, 0},
           {text::both("report.optimise.schedule.town"), {}, 0},
           {text::both("report.common.bed_type"), {}, 0},
           {text::both("report.optimise.schedule.start_year"), {}, kPlainInteger},
           {text::both("report.optimise.schedule.opening_year"), {}, kPlainInteger},
           {text::both("report.optimise.schedule.beds"), beds, 0},
           {text::both("report.optimise.schedule.capital"), wan, 1}},
          {}};
  if (!view.has(kGroup, prefix + "start_year")) {
    t.note = text::both(published ? "report.optimise.schedule.published_none" : "report.optimise.schedule.none");
    return t;
  }
  const auto ids = view.text_or_none(kGroup, prefix + "id"), kinds = view.text_or_none(kGroup, prefix + "kind");
  const auto towns = view.text_or_none(kGroup, prefix + "region"), types = view.text_or_none(kGroup, prefix + "bed_type");
  const auto start = view.read(kGroup, prefix + "start_year").values, opening = view.read(kGroup, prefix + "opening_year").values;
  const auto capital = view.read(kGroup, prefix + "capital").values;
  const std::vector<std::string> region_ids = view.labels(kGroup, "region");
  const std::vector<Text> region_words = region_names(view, kGroup);
  auto town = [&](const std::string& id) {
    for (std::size_t r = 0; r < region_ids.size(); ++r)
      if (region_ids[r] == id) return region_words[r];
    return same(id);
  };
  const ReportArray change = view.read(kGroup, prefix + "beds");  // start, bed_type
  const auto& change_types = change.dimension("bed_type").labels;
  for (std::size_t i = 0; i < start.size(); ++i) {
    const std::string& kind = kinds[i];
    const std::string& type = types[i];
    double added = 0;
    for (std::size_t t2 = 0; t2 < change_types.size(); ++t2)
      if (change_types[t2] == type) added = change.values[i * change_types.size() + t2];
    const Text short_type = text::both("report.optimise.type." + type);
    const Text project = kind == "listed_project" ? text::both("report.optimise.schedule.listed_project", {{"id", same(ids[i])}})
                         : kind == "build"        ? text::both("report.optimise.schedule.build", {{"type", short_type}})
                         : kind == "conversion"   ? text::both("report.optimise.schedule.conversion")
                                                  : text::both("report.optimise.schedule.closure", {{"id", same(ids[i])}});
    t.rows.push_back({project, text::both("report.optimise.kind." + kind), town(towns[i]), label_text(type), start[i], opening[i],
                      added, capital[i]});
  }
  return t;
}

/// Capital, operating and discounted costs of both plans, and their difference.
Table cost_table(const OutputView& view) {
  const ReportArray optimised = view.read(kGroup, "cost_optimised"), published = view.read(kGroup, "cost_published");
  const Text wan = units_text("10,000 yuan");
  Table t{"optimise_costs", text::both("report.optimise.costs.title"), text::both("report.optimise.costs.note"),
          {{text::both("report.optimise.costs.item"), {}, 0},
           {text::both("report.optimise.costs.optimised"), wan, 0},
           {text::both("report.optimise.costs.published"), wan, 0},
           {text::both("report.optimise.costs.difference"), wan, 0}},
          {}};
  const auto& names = optimised.dimension("cost").labels;
  for (std::size_t c = 0; c < names.size(); ++c)
    t.rows.push_back({text::both("report.optimise.cost." + names[c]), optimised.values[c], published.values[c],
                      optimised.values[c] - published.values[c]});
  return t;
}

}  // namespace

ReportContent optimise_report(const OutputView& view) {
  view.require_group(kGroup, "optimise");
  const std::vector<int> years = view.coordinates(kGroup, "year");
  std::vector<std::string> year_labels;
  for (int y : years) year_labels.push_back(std::to_string(y));
  const auto required = by_year_and_type(view, "required_beds");
  const auto chosen = by_year_and_type(view, "n_beds");
  const auto plan = by_year_and_type(view, "n_beds_published");
  const auto idle_chosen = view.read(kGroup, "verified_n_beds_idle").values;
  const auto idle_plan = view.read(kGroup, "published_n_beds_idle").values;
  const auto failing_chosen = view.read(kGroup, "verified_worst_share_failing").values;
  const auto failing_plan = view.read(kGroup, "published_worst_share_failing").values;

  ReportContent content;
  content.kind = "optimise";
  content.title = text::both("report.optimise.title", {{"name", scenario_place(view)}});
  const std::string first = year_labels.front(), last = year_labels.back();
  content.subtitle = text::both("report.optimise.subtitle",
                                {{"first", same(first)}, {"last", same(last)},
                                 {"replications", same(view.file().root_integer_text("replications").value_or("?"))}});
  content.source_path = view.path();

  const double total_chosen = optimise_value(view, "cost_optimised", "cost", "discounted_total");
  const double total_plan = optimise_value(view, "cost_published", "cost", "discounted_total");
  Section section{"optimise", text::both("report.optimise.section"),
                  text::both("report.optimise.lead",
                             {{"days", same(grouped(optimise_value(view, "service_level", "service_term", "wait_days")))},
                              {"share", whole_percent(optimise_value(view, "service_level", "service_term", "max_share_waiting"))},
                              {"probability", whole_percent(optimise_value(view, "service_level", "service_term", "probability"))},
                              {"first", same(first)},
                              {"last", same(last)},
                              {"optimised", same(grouped(total_chosen))},
                              {"published", same(grouped(total_plan))},
                              {"difference", same(grouped(total_chosen - total_plan))},
                              {"required", three(required.back())},
                              {"chosen", three(chosen.back())},
                              {"plan", three(plan.back())},
                              {"chosen_verified", verdict(view, "verified_met", years)},
                              {"plan_verified", verdict(view, "published_met", years)}}),
                  {}, {}, {}};

  // Total beds by year: the requirement against each plan.
  Chart chart;
  chart.id = "optimise_beds";
  chart.title = text::both("report.optimise.chart.title");
  chart.x_name = text::both("report.common.year");
  chart.x_labels = year_labels;
  chart.y_name = text::both("report.optimise.chart.y");
  auto totals = [](const std::vector<std::array<double, 3>>& beds) {
    std::vector<double> out;
    for (const auto& b : beds) out.push_back(b[0] + b[1] + b[2]);
    return out;
  };
  chart.series.push_back({text::both("report.optimise.chart.required"), totals(required), "line", "#c0392b"});
  chart.series.push_back({text::both("report.optimise.chart.optimised"), totals(chosen), "line", "#1f5f8b"});
  chart.series.push_back({text::both("report.optimise.chart.published"), totals(plan), "dashed", "#7f8c8d"});
  section.charts.push_back(chart);

  const Text beds = units_text("beds"), percent_units = units_text("percent");
  Table by_year{"optimise_years", text::both("report.optimise.years.title"), text::both("report.optimise.years.note"),
                {{text::both("report.common.year"), {}, kPlainInteger}}, {}};
  for (const char* whose : {"required", "optimised", "published"})
    for (const std::string& type : kTypes)
      by_year.columns.push_back({text::both(std::string("report.optimise.years.") + whose,
                                            {{"type", text::both("report.optimise.type." + type)}}),
                                 beds, 0});
  by_year.columns.push_back({text::both("report.optimise.years.idle_optimised"), beds, 0});
  by_year.columns.push_back({text::both("report.optimise.years.idle_published"), beds, 0});
  by_year.columns.push_back({text::both("report.optimise.years.failing_optimised"), percent_units, 1});
  by_year.columns.push_back({text::both("report.optimise.years.failing_published"), percent_units, 1});
  for (std::size_t y = 0; y < years.size(); ++y) {
    std::vector<Cell> row{static_cast<double>(years[y])};
    for (const auto* grid : {&required, &chosen, &plan})
      for (double b : (*grid)[y]) row.emplace_back(b);
    row.emplace_back(idle_chosen[y]);
    row.emplace_back(idle_plan[y]);
    row.emplace_back(100 * failing_chosen[y]);
    row.emplace_back(100 * failing_plan[y]);
    by_year.rows.push_back(std::move(row));
  }
  section.tables.push_back(std::move(by_year));
  section.tables.push_back(optimise_towns_table(view));
  section.tables.push_back(schedule_table(view, "start_"));
  section.tables.push_back(schedule_table(view, "published_start_"));
  section.tables.push_back(cost_table(view));
  section.warnings = optimise_plan_check(view);
  content.plan_checked = true;
  if (auto places = optimise_places_table(view)) section.tables.push_back(std::move(*places));
  content.sections.push_back(std::move(section));
  content.sources = sources_table(view);
  return content;
}

}  // namespace carecap::report
