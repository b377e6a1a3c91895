// carecap. SPDX-License-Identifier: MIT
#include "models/workforce/WorkforcePlan.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>

namespace carecap::workforce {
namespace {

/// Shares proportional to `weights` (equal shares when they are all zero).
std::vector<double> shares_of(const std::vector<double>& weights) {
  double total = 0.0;
  for (double w : weights) total += w;
  std::vector<double> out(weights.size(), weights.empty() ? 0.0 : 1.0 / static_cast<double>(weights.size()));
  if (total > 0.0)
    for (std::size_t r = 0; r < weights.size(); ++r) out[r] = weights[r] / total;
  return out;
}

}  // namespace

double day_care_workers(const demand::DemandResult& demand, const supply::CapacityModel& model,
                         const std::vector<double>& demand_share, double users_per_care_worker, std::size_t year,
                         std::size_t region) {
  const auto demand_year = static_cast<std::size_t>(model.first_year - demand.base_year) + year;
  if (users_per_care_worker <= 0.0 || demand_year >= demand.elder.size() || region >= demand_share.size()) return 0.0;
  return demand.elder[demand_year].day_care * demand_share[region] / users_per_care_worker;
}

std::vector<std::vector<double>> staff_limits(const WorkforcePlan& plan, const WorkforceSettings& settings,
                                              const supply::CapacityModel& model, const demand::DemandResult& demand,
                                              const std::vector<double>& demand_share) {
  std::vector<std::vector<double>> limits;
  for (std::size_t y = 0; y < plan.years.size(); ++y) {
    std::vector<double> staff = plan.years[y].staff_open;
    for (std::size_t r = 0; r < staff.size(); ++r)
      staff[r] = std::max(0.0, staff[r] - day_care_workers(demand, model, demand_share, settings.day_care_users_per_care_worker, y, r));
    limits.push_back(std::move(staff));
  }
  return limits;
}

std::vector<std::vector<double>> beds_on_jan1(const supply::CapacityModel& model) {
  const std::size_t pools = static_cast<std::size_t>(demand::kBedTypeCount) * model.regions.size();
  const auto years = static_cast<std::size_t>(model.last_year - model.first_year + 1);
  std::vector<std::vector<double>> out(years);
  std::vector<double> beds(pools, 0.0);
  std::size_t next = 0;
  for (std::size_t y = 0; y < years; ++y) {
    const double jan1 = model.first_year + static_cast<double>(y);
    for (; next < model.capacity.size() && model.capacity[next].time <= jan1; ++next) {
      const supply::CapacityChange& c = model.capacity[next];
      double& b = beds[static_cast<std::size_t>(c.bed_type) * model.regions.size() + static_cast<std::size_t>(c.region)];
      b = std::max(0.0, b + static_cast<double>(c.beds));
    }
    out[y] = beds;
  }
  return out;
}

std::vector<std::vector<double>> full_bed_need(const supply::CapacityModel& model) {
  const std::size_t regions = model.regions.size();
  const auto beds = beds_on_jan1(model);
  std::vector<std::vector<double>> need(beds.size(), std::vector<double>(regions, 0.0));
  for (std::size_t y = 0; y < beds.size(); ++y)
    for (std::size_t r = 0; r < regions; ++r)
      for (std::size_t t = 0; t < static_cast<std::size_t>(demand::kBedTypeCount); ++t)
        need[y][r] += beds[y][t * regions + r] * model.care_workers_per_resident[y][t];
  return need;
}

WorkforcePlan plan_workforce(const WorkforceSettings& s, const supply::CapacityModel& model, const supply::SupplyParameters& supply) {
  const std::size_t regions = model.regions.size();
  const int year_count = model.last_year - model.first_year + 1;
  const auto need = full_bed_need(model);
  WorkforcePlan plan;
  WorkforceParameters& p = plan.parameters;
  if (!s.base_care_workers_by_region.empty()) {
    p.base_staff = s.base_care_workers_by_region;
  } else if (s.base_care_workers) {
    p.base_staff = shares_of(need.front());
    for (double& staff : p.base_staff) staff *= *s.base_care_workers;
  } else {
    p.base_staff.assign(regions, 0.0);
    for (const supply::Facility& f : supply.facilities) {
      const bool open = f.opens <= model.first_year && (f.closes == 0 || f.closes > model.first_year);
      if (open && f.care_workers > 0) p.base_staff[static_cast<std::size_t>(f.region)] += f.care_workers;
    }
  }
  p.leaving_rate = s.leaving_rate;
  p.other_entrants_per_year = s.other_entrants_per_year;
  p.trained_entering_share = s.trained_entering_share;
  plan.trained_by_year.assign(static_cast<std::size_t>(year_count), 0.0);
  for (const auto& [year, persons] : s.trained)
    if (year >= model.first_year && year <= model.last_year) plan.trained_by_year[static_cast<std::size_t>(year - model.first_year)] += persons;
  p.trained_per_year = plan.trained_by_year;
  p.project_staff.assign(static_cast<std::size_t>(year_count), std::vector<double>(regions, 0.0));
  if (s.projects_bring_staff) {
    // The beds added on 1 January at the year's ratios (not the need's change: the ratios move
    // with the demand's mix while the beds stay).
    const auto beds = beds_on_jan1(model);
    for (std::size_t y = 1; y < beds.size(); ++y)
      for (std::size_t r = 0; r < regions; ++r) {
        double added = 0.0;
        for (std::size_t t = 0; t < static_cast<std::size_t>(demand::kBedTypeCount); ++t)
          added += (beds[y][t * regions + r] - beds[y - 1][t * regions + r]) * model.care_workers_per_resident[y][t];
        p.project_staff[y][r] = std::max(0.0, added);
      }
  }
  p.entrant_region_share = shares_of(need.front());
  plan.years = project_workforce(p, year_count);
  return plan;
}

}  // namespace carecap::workforce
