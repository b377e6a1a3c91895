// carecap. SPDX-License-Identifier: MIT
#include "models/supply/CapacityInputs.hpp"

#include "models/supply/CapacityStart.hpp"

#include <algorithm>
#include <map>

namespace carecap::supply {
namespace {

/// Care workers per resident of each demand type in each simulated year (the demand's mix,
/// demand::care_workers_per_resident). A type nobody seeks in a year takes its ratio from the
/// nearest year with demand of that type, else the year's mean over all residents sought.
std::vector<std::array<double, kBedTypeCount>> care_workers_by_need(const demand::DemandResult& demand, std::size_t years) {
  std::vector<std::array<double, kBedTypeCount>> out(years);
  for (std::size_t y = 0; y < years; ++y) {
    const auto& e = demand.elder[std::min(y, demand.elder.size() - 1)];
    const double sought = e.beds[0] + e.beds[1] + e.beds[2];
    const double mean = sought > 0 ? e.care_workers / sought : 0.0;
    std::array<double, kBedTypeCount> fallback{};
    for (std::size_t b = 0; b < fallback.size(); ++b) {
      fallback[b] = mean;
      for (std::size_t d = 0; d < demand.elder.size(); ++d) {  // nearest year with demand of the type, earlier first
        const std::size_t later = y + d, earlier = y >= d ? y - d : demand.elder.size();
        if (earlier < demand.elder.size() && demand.elder[earlier].beds[b] > 0) {
          fallback[b] = demand.elder[earlier].care_workers_by_bed[b] / demand.elder[earlier].beds[b];
          break;
        }
        if (later < demand.elder.size() && demand.elder[later].beds[b] > 0) {
          fallback[b] = demand.elder[later].care_workers_by_bed[b] / demand.elder[later].beds[b];
          break;
        }
      }
    }
    out[y] = demand::care_workers_per_resident(e, fallback);
  }
  return out;
}

}  // namespace


std::vector<int> funded_years(const SupplyParameters& supply) {
  std::vector<int> years;
  std::map<int, double> spent;  // plan year -> capital committed
  for (const PlanProject& p : supply.projects) {
    int year = p.year;
    if (supply.annual_budget_wan_yuan) {
      const double budget = *supply.annual_budget_wan_yuan;
      while (spent[year] > 0.0 && spent[year] + p.investment_wan_yuan > budget) ++year;
    }
    spent[year] += p.investment_wan_yuan;
    years.push_back(year);
  }
  return years;
}

std::vector<CapacityChange> capacity_schedule(const SupplyParameters& supply, int first_year, std::vector<int>* origins,
                                              std::vector<CapacityUnit>* units) {
  std::vector<CapacityChange> changes;
  std::vector<int> from;  // origin of each change
  std::vector<CapacityUnit> named;
  auto at = [first_year](int year) { return static_cast<double>(std::max(year, first_year)); };
  auto unit_of = [&named](const std::string& facility, const std::string& ownership, int bed, int region,
                          bool affordable = false) {
    for (std::size_t u = 0; u < named.size(); ++u)
      if (named[u].facility == facility && named[u].bed_type == bed) return static_cast<int>(u);
    named.push_back({facility, ownership, bed, region, affordable});
    return static_cast<int>(named.size() - 1);
  };
  for (const Facility& f : supply.facilities)
    for (int bed = 0; bed < kBedTypeCount; ++bed) {
      if (f.beds[static_cast<std::size_t>(bed)] == 0) continue;
      const int unit = unit_of(f.id, f.ownership, bed, f.region, f.affordable);
      changes.push_back({at(f.opens), bed, f.region, f.beds[static_cast<std::size_t>(bed)], unit});
      from.push_back(-1);
      if (f.closes > 0) {  // its own closing year, or a plan's closure (the loader records it there)
        changes.push_back({at(f.closes), bed, f.region, -f.beds[static_cast<std::size_t>(bed)], unit, true});
        from.push_back(-1);
      }
    }
  const std::vector<int> funded = funded_years(supply);
  for (std::size_t i = 0; i < supply.projects.size(); ++i) {
    const PlanProject& p = supply.projects[i];
    const double opens = at(funded[i] + supply.build_lag_years);
    switch (p.action) {
      case ProjectAction::add_beds:
        changes.push_back({opens, p.bed_type, p.region, p.beds, unit_of("project:" + p.id, "plan", p.bed_type, p.region)});
        break;
      case ProjectAction::convert_general_to_nursing:
        changes.push_back({opens, 0, p.region, -p.beds, -1});
        changes.push_back({opens, 1, p.region, p.beds, unit_of("project:" + p.id, "plan", 1, p.region)});
        break;
      case ProjectAction::close_facility:  // closes through the facility's closing year (check_plan records it)
        break;
    }
    from.resize(changes.size(), static_cast<int>(i));
  }
  std::vector<std::size_t> order(changes.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return changes[a].time < changes[b].time; });
  std::vector<CapacityChange> sorted;
  for (std::size_t k : order) {
    sorted.push_back(changes[k]);
    if (origins) origins->push_back(from[k]);
  }
  if (units) *units = named;
  return sorted;
}

std::vector<double> capital_spending(const SupplyParameters& supply, int first_year, int last_year) {
  std::vector<double> spending(static_cast<std::size_t>(last_year - first_year + 1), 0.0);
  const std::vector<int> funded = funded_years(supply);
  for (std::size_t i = 0; i < supply.projects.size(); ++i) {
    const int year = std::max(funded[i] + supply.build_lag_years, first_year);
    if (year <= last_year) spending[static_cast<std::size_t>(year - first_year)] += supply.projects[i].investment_wan_yuan;
  }
  return spending;
}

CapacityModel build_capacity_model(const SupplyParameters& supply, const CapacitySettings& settings,
                                   const demand::DemandResult& demand) {
  CapacityModel model;
  model.first_year = demand.base_year;
  model.last_year = settings.last_year;
  model.regions = supply.regions;
  model.capacity = capacity_schedule(supply, model.first_year, nullptr, &model.units);
  model.acceptable_beds = settings.acceptable_beds;
  model.admit_in_other_regions = settings.admit_in_other_regions;
  model.region_order = settings.region_order;
  model.stay = settings.stay;
  model.waiting_list_cap = settings.waiting_list_cap;
  model.mean_patience_years = settings.mean_patience_years;
  model.waiting_death_rate = settings.waiting_death_rate;
  model.priority_share = settings.priority_share;
  // The affordable price tier: the demand model's share of institutional demand seeking
  // affordable (普惠) beds (care_setting.affordable_share_institution; the same in every year).
  const auto& base = demand.elder.front();
  const double sought = base.beds[0] + base.beds[1] + base.beds[2];
  const double affordable = base.affordable_beds[0] + base.affordable_beds[1] + base.affordable_beds[2];
  model.affordable_share = sought > 0 ? std::clamp(affordable / sought, 0.0, 1.0) : 0.0;
  model.operating_cost_per_bed_year = supply.operating_cost_yuan_per_bed_year;
  const auto years = static_cast<std::size_t>(model.last_year - model.first_year + 1);
  for (int bed = 0; bed < kBedTypeCount; ++bed) {
    const auto b = static_cast<std::size_t>(bed);
    for (int region = 0; region < static_cast<int>(supply.regions.size()); ++region) {
      const double share = supply.demand_share[static_cast<std::size_t>(region)];
      ArrivalStream stream{bed, region, std::vector<double>(years, 0.0), std::vector<double>(years, 0.0)};
      for (std::size_t y = 0; y < years; ++y) {
        // Admissions sought so that, with beds to spare, occupancy follows the demand stock as it
        // rises and as it falls: the stock renewed once per mean stay, plus its change over the
        // calendar year (half the change between the 1 July stocks either side). A fall faster
        // than departures allow cannot be followed: arrivals stop, and the rest is reported.
        const auto stock_at = [&](std::size_t t) { return demand.elder[std::min(t, demand.elder.size() - 1)].beds[b]; };
        const double stock = stock_at(y);
        const double change = y == 0 ? stock_at(1) - stock : (stock_at(y + 1) - stock_at(y - 1)) / 2.0;
        const double rate = stock / settings.stay[b].mean_years + change;
        stream.rate_per_year[y] = std::max(0.0, rate) * share;
        stream.unfollowed_decline[y] = std::max(0.0, -rate) * share;
      }
      model.arrivals.push_back(std::move(stream));
    }
  }
  model.care_workers_per_resident = care_workers_by_need(demand, years);
  set_start(model, base_year_use(supply, settings, model.first_year), supply, settings, demand);
  return model;
}

}  // namespace carecap::supply
