// carecap. SPDX-License-Identifier: MIT
#include "models/supply/CapacitySeries.hpp"

#include <algorithm>
#include <limits>
#include <sstream>
#include <string>

#include "models/supply/CapacityInputs.hpp"
#include "models/supply/PriceTierSeries.hpp"
#include "models/supply/CapacityYearDimension.hpp"

namespace carecap::supply {
namespace {

/// A number of days as a person writes it (90, 182.5).
std::string days_text(double days) {
  std::ostringstream out;
  out << days;
  return out.str();
}

}  // namespace

ResultGroup capacity_series(const CapacityResult& r, const CapacityModel& model, const SupplyParameters& supply,
                            const CapacitySettings& settings) {
  const std::string& source = settings.source;
  ResultGroup g;
  g.name = "capacity";
  g.description = "discrete-event simulation of institutional beds: supply by the plan against arrivals from demand";
  g.dimensions = {
      capacity_year_dimension(model.first_year, model.last_year),
      {"bed_type", {}, {demand::kBedTypeNames.begin(), demand::kBedTypeNames.end()}, "1",
       "bed type (for arrivals and waits: the bed type the person needs)"},
      {"region", {}, model.regions, "1", "town or district"},
  };
  const std::vector<std::string> dims{"capacity_year", "bed_type", "region"};
  auto pools = [&](auto field) { return flatten_rows(r.pools, field); };
  auto streams = [&](auto field) { return flatten_rows(r.streams, field); };
  g.series = {
      {"n_beds", "养老床位", "beds", "beds open, time average over the year", source, dims,
       pools([](const PoolYear& p) { return p.mean_capacity; })},
      {"n_occupied_beds", "", "beds", "occupied beds, time average over the year", source, dims,
       pools([](const PoolYear& p) { return p.mean_occupied; })},
      {"n_idle_beds", "空置床位", "beds", "open beds not occupied (never below zero), time average over the year", source,
       dims, pools([](const PoolYear& p) { return p.mean_idle; })},
      {"new_admissions", "", "persons per year", "admissions to beds of the type and region", source, dims,
       pools([](const PoolYear& p) { return p.admissions; })},
      {"new_deaths_in_care", "", "persons per year", "stays ending in death", source, dims,
       pools([](const PoolYear& p) { return p.deaths_in_care; })},
      {"new_arrivals", "", "persons per year", "people seeking a bed, by the bed type they need and home region",
       source, dims, streams([](const StreamYear& s) { return s.arrivals; })},
      {"new_turned_away", "", "persons per year", "turned away by a full waiting list", source, dims,
       streams([](const StreamYear& s) { return s.turned_away; })},
      {"new_gave_up", "", "persons per year", "left the waiting list unserved", source, dims,
       streams([](const StreamYear& s) { return s.gave_up; })},
      {"new_died_waiting", "", "persons per year", "died on the waiting list", source, dims,
       streams([](const StreamYear& s) { return s.died_waiting; })},
      {"n_waiting", "轮候人数", "persons", "people on the waiting list, time average over the year", source, dims,
       streams([](const StreamYear& s) { return s.mean_waiting; })},
      {"wait_mean_days", "", "d", "mean wait of those admitted in the year (0 when nobody was)", source, dims,
       streams([](const StreamYear& s) { return s.wait_mean_days; })},
      {"new_admissions_by_need", "", "persons per year",
       "admissions, by the bed type the person needs and home region (the waits' denominators)", source, dims,
       streams([](const StreamYear& s) { return s.admitted; })},
      {"new_wait_days", "", "person-days per year",
       "days waited by those admitted in the year, summed (means over replications stay exact: pooled mean "
       "wait = sum new_wait_days / sum new_admissions_by_need)",
       source, dims, streams([](const StreamYear& s) { return s.wait_mean_days * s.admitted; })},
      {"wait_p50_days", "", "d",
       "median wait of those admitted in the year, this replication's alone (0 when none); with several "
       "replications the run's median of the pooled waits is capacity_waits/wait_p50_days", source, dims,
       streams([](const StreamYear& s) { return s.wait_p50_days; })},
      {"wait_p90_days", "", "d",
       "90th percentile wait of those admitted in the year, this replication's alone (0 when none); with several "
       "replications the run's percentile of the pooled waits is capacity_waits/wait_p90_days", source, dims,
       streams([](const StreamYear& s) { return s.wait_p90_days; })},
      {"new_admitted_after_waiting", "", "persons per year",
       "admissions of people who waited at all (a positive time on the waiting list), by the bed type needed and "
       "home region", source, dims, streams([](const StreamYear& s) { return s.admitted_after_waiting; })},
      {"new_waited_longer_than_target", "", "persons per year",
       "people whose wait ended in the year - admitted, gave up or died waiting - after waiting longer than "
       "capacity.wait_target_days (" + days_text(settings.wait_target_days) + " d), by the bed type needed and "
       "home region", source, dims, streams([](const StreamYear& s) { return s.waited_longer_than_target; })},
  };
  // Admissions and waits by priority class: [year][class][stream].
  g.dimensions.push_back({"priority_class", {}, {kPriorityClassNames.begin(), kPriorityClassNames.end()}, "1",
                          "waiting-list class: priority (特困/低保, capacity.priority_share) or ordinary"});
  const std::vector<std::string> class_dims{"capacity_year", "priority_class", "bed_type", "region"};
  g.series.push_back({"new_admissions_by_class", "", "persons per year",
                      "admissions by priority class, the bed type needed and home region", source, class_dims,
                      flatten_rows_by(r.streams, &StreamYear::admitted_by_class)});
  g.series.push_back({"new_wait_days_by_class", "", "person-days per year",
                      "days waited by those admitted in the year, summed, by priority class (mean wait of a class = "
                      "sum new_wait_days_by_class / sum new_admissions_by_class)", source, class_dims,
                      flatten_rows_by(r.streams, &StreamYear::wait_days_by_class)});

  // Yearly totals over bed types and regions: one value per year, so that with several
  // replications the file keeps every replication's (replication, capacity_year) series and
  // standard errors of the run's totals can be computed.
  auto total_over = [](const auto& years, auto field) {
    std::vector<double> totals;
    for (const auto& year : years) {
      double sum = 0;
      for (const auto& row : year) sum += field(row);
      totals.push_back(sum);
    }
    return totals;
  };
  const std::vector<std::string> year_dim{"capacity_year"};
  const char* totals_note = ", summed over bed types and regions";
  g.series.push_back({"new_admissions_total", "", "persons per year", std::string("admissions") + totals_note, source,
                      year_dim, total_over(r.pools, [](const PoolYear& p) { return p.admissions; })});
  g.series.push_back({"new_arrivals_total", "", "persons per year", std::string("people seeking a bed") + totals_note,
                      source, year_dim, total_over(r.streams, [](const StreamYear& s) { return s.arrivals; })});
  g.series.push_back({"new_gave_up_total", "", "persons per year",
                      std::string("people who left the waiting list unserved") + totals_note, source, year_dim,
                      total_over(r.streams, [](const StreamYear& s) { return s.gave_up; })});
  g.series.push_back({"new_died_waiting_total", "", "persons per year",
                      std::string("people who died on the waiting list") + totals_note, source, year_dim,
                      total_over(r.streams, [](const StreamYear& s) { return s.died_waiting; })});
  g.series.push_back({"new_waited_longer_than_target_total", "", "persons per year",
                      std::string("people whose wait ended in the year after more than capacity.wait_target_days") +
                          totals_note, source, year_dim,
                      total_over(r.streams, [](const StreamYear& s) { return s.waited_longer_than_target; })});
  g.series.push_back({"occupied_bed_years_total", "", "bed-years per year",
                      std::string("occupied beds, time average over the year (bed-years in the year)") + totals_note,
                      source, year_dim, total_over(r.pools, [](const PoolYear& p) { return p.mean_occupied; })});
  g.series.push_back({"idle_bed_years_total", "", "bed-years per year",
                      std::string("open beds not occupied, time average over the year (bed-years in the year)") +
                          totals_note, source, year_dim, total_over(r.pools, [](const PoolYear& p) { return p.mean_idle; })});
  // Monthly levels (end of each twelfth of a year).
  std::vector<int> months;
  for (std::size_t m = 0; m < r.monthly_occupied.size(); ++m)
    months.push_back((model.first_year + static_cast<int>(m / 12)) * 100 + static_cast<int>(m % 12) + 1);
  g.dimensions.push_back({"capacity_month", months, {}, "year x 100 + month",
                          "end of the month (months are twelfths of a year), e.g. 202409 = end of September 2024"});
  const std::vector<std::string> monthly_dims{"capacity_month", "bed_type", "region"};
  std::vector<double> occupied_monthly, waiting_monthly;
  for (const auto& month : r.monthly_occupied) occupied_monthly.insert(occupied_monthly.end(), month.begin(), month.end());
  for (const auto& month : r.monthly_waiting) waiting_monthly.insert(waiting_monthly.end(), month.begin(), month.end());
  g.series.push_back({"n_occupied_beds_monthly", "", "beds", "occupied beds at the end of each month", source,
                      monthly_dims, occupied_monthly});
  g.series.push_back({"n_waiting_monthly", "", "persons",
                      "people on the waiting list at the end of each month, by the bed type needed and home region",
                      source, monthly_dims, waiting_monthly});

  // Occupancy by facility (each facility's and project's beds by type) and by ownership.
  std::vector<std::string> facilities, ownerships;
  std::vector<std::size_t> facility_of, ownership_of;  // per unit: index into facilities, ownerships
  auto index_in = [](std::vector<std::string>& names, const std::string& name) {
    const auto it = std::find(names.begin(), names.end(), name);
    if (it != names.end()) return static_cast<std::size_t>(it - names.begin());
    names.push_back(name);
    return names.size() - 1;
  };
  for (const CapacityUnit& u : model.units) {
    facility_of.push_back(index_in(facilities, u.facility));
    ownership_of.push_back(index_in(ownerships, u.ownership));
  }
  if (!facilities.empty()) {
    g.dimensions.push_back({"facility", {}, facilities, "1",
                            "facility id of the facilities file, or project:<id> for beds a plan project adds or converts"});
    g.dimensions.push_back({"ownership", {}, ownerships, "1", "ownership of the facilities file; plan for the plan's projects"});
    const std::size_t n_facilities = facilities.size(), n_ownerships = ownerships.size();
    std::vector<double> beds, occupied, occupancy_by_owner;
    for (const auto& year : r.units) {
      std::vector<double> b(n_facilities * kBedTypeCount, 0.0), o(b.size(), 0.0), bo(n_ownerships, 0.0), oo(n_ownerships, 0.0);
      for (std::size_t u = 0; u < model.units.size(); ++u) {
        const std::size_t f = facility_of[u], w = ownership_of[u];
        const auto cell = f * kBedTypeCount + static_cast<std::size_t>(model.units[u].bed_type);
        b[cell] += year[u].mean_capacity;
        o[cell] += year[u].mean_occupied;
        bo[w] += year[u].mean_capacity;
        oo[w] += year[u].mean_occupied;
      }
      beds.insert(beds.end(), b.begin(), b.end());
      occupied.insert(occupied.end(), o.begin(), o.end());
      for (std::size_t w = 0; w < n_ownerships; ++w)
        occupancy_by_owner.push_back(bo[w] > 0 ? 100.0 * oo[w] / bo[w] : std::numeric_limits<double>::quiet_NaN());
    }
    const std::vector<std::string> facility_dims{"capacity_year", "facility", "bed_type"};
    g.series.push_back({"n_beds_by_facility", "", "beds", "beds open in each facility, time average over the year",
                        source, facility_dims, beds});
    g.series.push_back({"n_occupied_beds_by_facility", "", "beds",
                        "occupied beds in each facility, time average over the year (admission takes the facility of "
                        "the region with a free bed of the type and the lowest occupancy rate)", source, facility_dims, occupied});
    g.series.push_back({"occupancy_rate_by_ownership", "床位使用率", "percent of beds",
                        "occupied beds as a share of beds, time averages over the year, by ownership (NaN without beds)",
                        source, {"capacity_year", "ownership"}, occupancy_by_owner});
  }

  // Care workers: needed for the residents at the ratios of their need (demand type, whatever the
  // bed: CapacityModel::care_workers_per_resident); employed by the facilities open in the year
  // (NaN when the facilities file does not say).
  const std::size_t regions = model.regions.size();
  std::vector<double> needed, employed;
  for (std::size_t y = 0; y < r.pools.size(); ++y) {
    const int year = model.first_year + static_cast<int>(y);
    for (std::size_t region = 0; region < regions; ++region) {
      double workers = y < model.care_workers_per_resident.size() ? 0.0 : std::numeric_limits<double>::quiet_NaN();
      for (std::size_t need = 0; need < static_cast<std::size_t>(kBedTypeCount) && y < model.care_workers_per_resident.size(); ++need)
        workers += r.streams[y][need * regions + region].mean_residents * model.care_workers_per_resident[y][need];
      needed.push_back(workers);
      double staff = 0;
      bool known = true;
      for (const Facility& f : supply.facilities)
        if (static_cast<std::size_t>(f.region) == region && f.opens <= year && (f.closes == 0 || f.closes > year)) {
          if (f.care_workers < 0) known = false;
          staff += f.care_workers;
        }
      employed.push_back(known ? staff : std::numeric_limits<double>::quiet_NaN());
    }
  }
  g.series.push_back({"n_care_workers_needed", "养老护理员需求", "persons",
                      "care workers needed for the residents of the region's beds (time average) at the [workforce] ratios by care "
                      "state, over the institutional demand's mix of each need (general, nursing, dementia)", source,
                      {"capacity_year", "region"}, needed});
  g.series.push_back({"n_care_workers_employed", "养老护理员", "persons",
                      "care workers of the facilities open in the year (NaN when the facilities file does not say; "
                      "the plan's projects state none)", supply.source, {"capacity_year", "region"}, employed});

  // Costs: operating cost of open beds; capital spending of the plan by year of opening.
  const std::vector<double> capital = capital_spending(supply, model.first_year, model.last_year);
  std::vector<double> cumulative, operating, per_occupied;
  double sum = 0;
  for (std::size_t y = 0; y < r.pools.size(); ++y) {
    sum += capital[y];
    cumulative.push_back(sum);
    double cost = 0, occupied = 0;
    for (std::size_t pool = 0; pool < r.pools[y].size(); ++pool) {
      const auto bed = pool / model.regions.size();
      cost += r.pools[y][pool].mean_capacity * model.operating_cost_per_bed_year[bed];
      occupied += r.pools[y][pool].mean_occupied;
    }
    operating.push_back(cost / 1e4);
    per_occupied.push_back(occupied > 0 ? cost / occupied : std::numeric_limits<double>::quiet_NaN());
  }
  g.series.push_back({"cum_capital_cost_wan_yuan", "累计建设投资", "10,000 yuan",
                      "plan investment in elderly institutions, cumulated by year of opening", supply.source,
                      {"capacity_year"}, cumulative});
  g.series.push_back({"new_operating_cost_wan_yuan", "运营成本", "10,000 yuan per year",
                      "operating cost of open beds (beds x cost per bed-year)", supply.source, {"capacity_year"}, operating});
  g.series.push_back({"operating_cost_per_occupied_bed_year_yuan", "", "yuan per occupied bed-year",
                      "operating cost of open beds per occupied bed-year (idle beds make it rise; NaN when none is "
                      "occupied); capital is reported separately", supply.source, {"capacity_year"}, per_occupied});
  add_price_tier_series(g, r, model, source);
  return g;
}

std::vector<demand::CapacityFigures> supply_figures(const CapacityResult& r, int base_year, int years, int regions) {
  const double missing = std::numeric_limits<double>::quiet_NaN();
  std::vector<demand::CapacityFigures> figures(static_cast<std::size_t>(years));
  for (int t = 0; t < years; ++t) {
    auto& f = figures[static_cast<std::size_t>(t)];
    f.childcare_places = f.affordable_childcare_places = f.childcare_enrolled = f.care_workers = missing;
    const int y = base_year + t - r.first_year;
    if (y < 0 || y >= static_cast<int>(r.pools.size())) {
      f.beds = {missing, missing, missing};
      continue;
    }
    for (int pool = 0; pool < static_cast<int>(r.pools[static_cast<std::size_t>(y)].size()); ++pool)
      f.beds[static_cast<std::size_t>(pool / regions)] += r.pools[static_cast<std::size_t>(y)][static_cast<std::size_t>(pool)].mean_capacity;
  }
  return figures;
}

}  // namespace carecap::supply
