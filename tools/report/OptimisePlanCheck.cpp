// carecap. SPDX-License-Identifier: MIT
#include "tools/report/OptimisePlanCheck.hpp"

#include <cmath>
#include <limits>
#include <string>

#include "text/TextArg.hpp"
#include "tools/report/OptimiseDatasets.hpp"
#include "tools/report/PlaceNames.hpp"
#include "tools/report/ReportText.hpp"

namespace carecap::report {
namespace {

constexpr const char* kGroup = "optimise";

/// A (year, bed_type, region) dataset in the last year: beds[type][region].
std::vector<std::vector<double>> last_year(const OutputView& view, const std::string& name) {
  const ReportArray a = view.read(kGroup, name);
  const std::size_t years = a.dimension("year").size(), types = a.dimension("bed_type").size();
  const std::size_t regions = a.dimension("region").size();
  std::vector<std::vector<double>> out(types, std::vector<double>(regions, 0));
  for (std::size_t t = 0; t < types; ++t)
    for (std::size_t r = 0; r < regions; ++r) out[t][r] = a.values[((years - 1) * types + t) * regions + r];
  return out;
}

double total(const std::vector<std::vector<double>>& beds) {
  double sum = 0;
  for (const auto& type : beds)
    for (double b : type) sum += b;
  return sum;
}

Text percent(double fraction, int decimals = 1) { return text::same(grouped(100 * fraction, decimals) + "%"); }

}  // namespace

std::vector<Warning> optimise_plan_check(const OutputView& view) {
  using text::same;
  const std::vector<int> years = view.coordinates(kGroup, "year");
  const std::string first = std::to_string(years.front()), last = std::to_string(years.back());
  std::vector<Warning> out;
  // Cost: the published plan against the cheapest plan meeting the same level.
  const double published = optimise_value(view, "cost_published", "cost", "discounted_total");
  const double optimised = optimise_value(view, "cost_optimised", "cost", "discounted_total");
  const double excess = published - optimised;
  out.push_back({"differs", text::both(excess >= 0 ? "report.optimise.check.cost_more" : "report.optimise.check.cost_less",
                                       {{"first", same(first)}, {"last", same(last)},
                                        {"published", same(grouped(published))}, {"optimised", same(grouped(optimised))},
                                        {"excess", same(grouped(std::abs(excess)))},
                                        {"share", percent(optimised > 0 ? std::abs(excess) / optimised : 0.0)}})});
  // Service: the published plan verified with the same fresh random numbers as the optimised one.
  const std::string plan_failed = failed_years(view, "published_met", years);
  out.push_back({plan_failed.empty() ? "differs" : "contradiction",
                 plan_failed.empty() ? text::both("report.optimise.check.service_met", {{"first", same(first)}, {"last", same(last)}})
                                     : text::both("report.optimise.check.service_failed", {{"years", same(plan_failed)}})});
  // Beds and idle beds in the last year.
  const double required = total(last_year(view, "required_beds"));
  const double plan_beds = total(last_year(view, "n_beds_published"));
  const double chosen_beds = total(last_year(view, "n_beds"));
  const auto plan_idle = view.read(kGroup, "published_share_idle").values;
  const auto chosen_idle = view.read(kGroup, "verified_share_idle").values;
  out.push_back({"differs", text::both("report.optimise.check.beds",
                                       {{"last", same(last)}, {"plan", same(grouped(plan_beds))},
                                        {"required", same(grouped(required))},
                                        {"ratio", same(grouped(required > 0 ? plan_beds / required : 0.0, 1))},
                                        {"chosen", same(grouped(chosen_beds))},
                                        {"plan_idle", percent(plan_idle.back())},
                                        {"chosen_idle", percent(chosen_idle.back())}})});
  return out;
}

Table optimise_towns_table(const OutputView& view) {
  const std::vector<int> years = view.coordinates(kGroup, "year");
  const std::string last = std::to_string(years.back());
  const auto required = last_year(view, "required_beds"), chosen = last_year(view, "n_beds"),
             plan = last_year(view, "n_beds_published");
  const Text beds = units_text("beds");
  Table t{"optimise_towns", text::both("report.optimise.towns.title", {{"last", text::same(last)}}),
          text::both("report.optimise.towns.note"),
          {{text::both("report.optimise.schedule.town"), {}, 0}},
          {}};
  for (const char* type : {"general", "nursing", "dementia"})
    t.columns.push_back({text::both("report.optimise.years.required", {{"type", text::both(std::string("report.optimise.type.") + type)}}),
                         beds, 0});
  t.columns.push_back({text::both("report.optimise.towns.optimised"), beds, 0});
  t.columns.push_back({text::both("report.optimise.towns.published"), beds, 0});
  t.columns.push_back({text::both("report.optimise.towns.beyond"), beds, 0});
  const std::vector<Text> towns = region_names(view, kGroup);
  for (std::size_t r = 0; r < towns.size(); ++r) {
    double need = 0, mine = 0, theirs = 0;
    std::vector<Cell> row{towns[r]};
    for (std::size_t type = 0; type < required.size(); ++type) {
      row.emplace_back(required[type][r]);
      need += required[type][r];
      mine += chosen[type][r];
      theirs += plan[type][r];
    }
    row.emplace_back(mine);
    row.emplace_back(theirs);
    row.emplace_back(theirs - need);
    t.rows.push_back(std::move(row));
  }
  return t;
}

}  // namespace carecap::report
