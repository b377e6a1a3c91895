// carecap. SPDX-License-Identifier: MIT
#include "models/supply/ChildcareSeries.hpp"

#include <algorithm>

#include "models/supply/ChildcareInputs.hpp"
#include "models/supply/CapacityYearDimension.hpp"

namespace carecap::supply {
ResultGroup childcare_series(const ChildcareResult& r, const ChildcareModel& model, const ChildcareSupply& supply,
                             int build_lag_years) {
  const std::string& source = supply.source;
  ResultGroup g;
  g.name = "childcare_capacity";
  g.description = "discrete-event simulation of childcare places (托位): places by the plan against monthly "
                  "applications from demand, by month band";
  g.dimensions = {
      capacity_year_dimension(model.first_year, model.last_year),
      {"month_band", {}, {demand::kMonthBandNames.begin(), demand::kMonthBandNames.end()}, "1",
       "age band of the child in completed months"},
      {"region", {}, model.regions, "1", "town or district"},
  };
  const std::vector<std::string> dims{"capacity_year", "month_band", "region"};
  auto pools = [&](auto field) { return flatten_rows(r, field); };
  g.series = {
      {"n_places", "托位", "places", "childcare places open, time average over the year", source, dims,
       pools([](const ChildcarePoolYear& p) { return p.mean_places; })},
      {"n_enrolled", "在托婴幼儿", "persons", "children in a place, time average over the year", source, dims,
       pools([](const ChildcarePoolYear& p) { return p.mean_enrolled; })},
      {"n_idle_places", "空置托位", "places", "places not taken (never below zero), time average over the year", source,
       dims, pools([](const ChildcarePoolYear& p) { return std::max(0.0, p.mean_places - p.mean_enrolled); })},
      {"new_applications", "", "persons per year", "families applying for a place (fresh applications)", source, dims,
       pools([](const ChildcarePoolYear& p) { return p.applications; })},
      {"new_moves_up", "", "persons per year", "enrolled children outgrowing the band below and seeking a place in this one",
       source, dims, pools([](const ChildcarePoolYear& p) { return p.transfers; })},
      {"new_admissions", "", "persons per year", "admissions to a place (fresh applicants and moves up)", source, dims,
       pools([](const ChildcarePoolYear& p) { return p.admitted; })},
      {"new_gave_up", "", "persons per year", "left the waiting list unserved (patience ran out, or outgrew the band)",
       source, dims, pools([](const ChildcarePoolYear& p) { return p.gave_up; })},
      {"new_withdrawals", "", "persons per year", "children withdrawn from a place by their families", source, dims,
       pools([](const ChildcarePoolYear& p) { return p.withdrew; })},
      {"new_outgrew", "", "persons per year", "children outgrowing the band in a place (from months_25_36: ageing out of care)",
       source, dims, pools([](const ChildcarePoolYear& p) { return p.outgrew; })},
      {"n_waiting", "", "persons", "children on the waiting list, time average over the year", source, dims,
       pools([](const ChildcarePoolYear& p) { return p.mean_waiting; })},
      {"wait_mean_days", "", "d", "mean wait of those admitted in the year (0 when nobody was)", source, dims,
       pools([](const ChildcarePoolYear& p) { return p.wait_mean_days; })},
  };
  std::vector<double> cumulative;
  double sum = 0;
  for (int year = model.first_year; year <= model.last_year; ++year) {
    for (const ChildcareProject& p : supply.projects)
      if (std::max(p.year + build_lag_years, model.first_year) == year) sum += p.investment_wan_yuan;
    cumulative.push_back(sum);
  }
  g.series.push_back({"cum_capital_cost_wan_yuan", "累计托育建设投资", "10,000 yuan",
                      "plan investment in childcare, cumulated by year of opening", source, {"capacity_year"}, cumulative});
  return g;
}

void add_childcare_figures(std::vector<demand::CapacityFigures>& figures, const ChildcareResult& r,
                           const ChildcareModel& model, const ChildcareSupply& supply, int build_lag_years,
                           int base_year) {
  for (std::size_t t = 0; t < figures.size(); ++t) {
    const auto y = static_cast<std::size_t>(base_year + static_cast<int>(t) - model.first_year);
    if (y >= r.size()) continue;
    auto& f = figures[t];
    f.childcare_places = f.childcare_enrolled = 0;
    for (const ChildcarePoolYear& pool : r[y]) {
      f.childcare_places += pool.mean_places;
      f.childcare_enrolled += pool.mean_enrolled;
    }
    f.affordable_childcare_places =
        childcare_places_open(supply, build_lag_years, base_year + static_cast<int>(t), true);
  }
}

}  // namespace carecap::supply
