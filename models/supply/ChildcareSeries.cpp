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
      {"new_gave_up", "", "persons per year",
       "left the waiting list unserved (patience ran out, outgrew the band, or the family withdrew)", source, dims,
       pools([](const ChildcarePoolYear& p) { return p.gave_up; })},
      {"new_withdrawals", "", "persons per year", "children withdrawn from a place by their families", source, dims,
       pools([](const ChildcarePoolYear& p) { return p.withdrew; })},
      {"new_outgrew", "", "persons per year", "children outgrowing the band in a place (from months_25_36: ageing out of care)",
       source, dims, pools([](const ChildcarePoolYear& p) { return p.outgrew; })},
      {"n_waiting", "", "persons", "children on the waiting list, time average over the year", source, dims,
       pools([](const ChildcarePoolYear& p) { return p.mean_waiting; })},
      {"wait_mean_days", "", "d", "mean wait of those admitted in the year (0 when nobody was)", source, dims,
       pools([](const ChildcarePoolYear& p) { return p.wait_mean_days; })},
      {"new_reapplications", "", "persons per year",
       "children reaching the band without a place in the band below (they waited or gave up there), applying", source,
       dims, pools([](const ChildcarePoolYear& p) { return p.reapplications; })},
      // By price tier: places and children in places by the place's price, applications, waits
      // and giving up by the family's tier (docs/capacity.md, "Price tiers").
      {"n_affordable_places", "普惠托位", "places", "affordable (普惠) places open, time average over the year", source,
       dims, pools([](const ChildcarePoolYear& p) { return p.mean_affordable_places; })},
      {"n_enrolled_affordable_places", "", "persons", "children in affordable places, time average over the year",
       source, dims, pools([](const ChildcarePoolYear& p) { return p.mean_enrolled_affordable; })},
      {"n_enrolled_market_places", "", "persons", "children in market-price places, time average over the year", source,
       dims, pools([](const ChildcarePoolYear& p) { return std::max(0.0, p.mean_enrolled - p.mean_enrolled_affordable); })},
      {"n_affordable_tier_in_market_places", "", "persons",
       "children of affordable-tier families in market-price places (paying the market price), time average", source,
       dims, pools([](const ChildcarePoolYear& p) { return p.mean_affordable_tier_in_market; })},
      {"new_applications_affordable_tier", "", "persons per year", "fresh applications of affordable-tier families",
       source, dims, pools([](const ChildcarePoolYear& p) { return p.applications_affordable_tier; })},
      {"n_waiting_affordable_tier", "", "persons", "affordable-tier children on the waiting list, time average", source,
       dims, pools([](const ChildcarePoolYear& p) { return p.mean_waiting_affordable_tier; })},
      {"n_waiting_market_tier", "", "persons", "market-tier children on the waiting list, time average", source, dims,
       pools([](const ChildcarePoolYear& p) { return std::max(0.0, p.mean_waiting - p.mean_waiting_affordable_tier); })},
      {"new_gave_up_affordable_tier", "", "persons per year", "affordable-tier children leaving the waiting list unserved",
       source, dims, pools([](const ChildcarePoolYear& p) { return p.gave_up_affordable_tier; })},
      {"new_gave_up_market_tier", "", "persons per year", "market-tier children leaving the waiting list unserved",
       source, dims, pools([](const ChildcarePoolYear& p) { return p.gave_up - p.gave_up_affordable_tier; })},
      {"wait_mean_days_affordable_tier", "", "d", "mean wait of affordable-tier children admitted in the year (0 when none was)",
       source, dims, pools([](const ChildcarePoolYear& p) { return p.wait_mean_days_by_tier[kAffordable]; })},
      {"wait_mean_days_market_tier", "", "d", "mean wait of market-tier children admitted in the year (0 when none was)",
       source, dims, pools([](const ChildcarePoolYear& p) { return p.wait_mean_days_by_tier[kMarket]; })},
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
