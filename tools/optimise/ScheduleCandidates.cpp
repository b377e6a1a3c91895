// carecap. SPDX-License-Identifier: MIT
#include "tools/optimise/ScheduleCandidates.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "models/supply/CapacityInputs.hpp"

namespace carecap::tools {
namespace {

constexpr int kTypes = demand::kBedTypeCount;
constexpr double kWanYuanPerYuan = 1e-4;

/// The facility of `id`'s beds by type (none when not found).
std::array<double, kTypes> facility_beds(const supply::SupplyParameters& supply, const std::string& id) {
  std::array<double, kTypes> beds{};
  for (const supply::Facility& f : supply.facilities)
    if (f.id == id)
      for (int t = 0; t < kTypes; ++t) beds[t] = static_cast<double>(f.beds[t]);
  return beds;
}

}  // namespace

planning::ScheduleProblem schedule_problem(const planning::CapacityGrid& required, const planning::CapacityGrid& existing,
                                           const supply::SupplyParameters& supply, const supply::CapacityModel& model,
                                           const planning::OptimiseSettings& settings) {
  planning::ScheduleProblem p;
  p.required = required;
  p.existing = existing;
  const int first = required.first_year, lag = supply.build_lag_years;
  for (int year = first; year < std::min(first + lag, required.last_year() + 1); ++year)
    for (int t = 0; t < kTypes; ++t)
      for (int r = 0; r < required.regions; ++r) p.required.at(year, t, r) = 0;  // nothing can open yet: verified only
  for (const supply::PlanProject& x : supply.projects) {
    if (!x.listed) continue;
    const int latest = x.year + settings.project_window_years;
    if (x.action == supply::ProjectAction::close_facility) {
      p.closures.push_back({x.id, x.region, facility_beds(supply, x.facility), x.investment_wan_yuan, first + lag, latest + lag});
      continue;
    }
    p.projects.push_back({x.id, x.region, x.bed_type, static_cast<double>(x.beds),
                          x.action == supply::ProjectAction::convert_general_to_nursing, x.investment_wan_yuan, first, latest});
  }
  for (int r : settings.build_regions) {
    const std::string& town = model.regions[static_cast<std::size_t>(r)];
    for (int t : settings.build_bed_types) {
      planning::BuildOption b;
      b.id = std::string("build:") + demand::kBedTypeNames[static_cast<std::size_t>(t)] + ":" + town;
      b.region = r;
      b.bed_type = t;
      b.beds_per_block = settings.build_block_beds;
      b.capital_wan_yuan_per_bed = settings.build_cost_wan_yuan_per_bed;
      b.max_blocks_per_year = settings.build_max_blocks_per_year;
      b.earliest_start = first;
      p.builds.push_back(b);
    }
    if (settings.conversions) {
      planning::ConversionOption c;
      c.id = "convert:general_to_nursing:" + town;
      c.region = r;
      c.to_bed_type = static_cast<int>(demand::BedType::nursing);
      c.beds_per_block = settings.conversion_block_beds;
      c.capital_wan_yuan_per_bed = settings.conversion_cost_wan_yuan_per_bed;
      c.max_blocks_per_year = settings.conversion_max_blocks_per_year;
      c.earliest_start = first;
      p.conversions.push_back(c);
    }
  }
  p.build_lag_years = lag;
  for (int t = 0; t < kTypes; ++t) p.acceptable_beds[t] = model.acceptable_beds[static_cast<std::size_t>(t)];
  p.operating_cost_yuan_per_bed_year = supply.operating_cost_yuan_per_bed_year;
  p.discount_rate = settings.discount_rate;
  p.annual_budget_wan_yuan = settings.annual_budget_wan_yuan;
  if (settings.min_nursing_share)
    p.standards.nursing_share = planning::CapacityStandards::NursingShare{settings.nursing_share_from_year, *settings.min_nursing_share};
  return p;
}

PublishedPlan published_plan(const supply::SupplyParameters& supply, const planning::CapacityGrid& capacity, double discount_rate) {
  PublishedPlan out;
  const auto discount = [&](int year) { return std::pow(1.0 + discount_rate, -(year - capacity.first_year)); };
  const std::vector<int> funded = supply::funded_years(supply);
  for (std::size_t i = 0; i < supply.projects.size(); ++i) {
    const supply::PlanProject& x = supply.projects[i];
    planning::ScheduledStart s;
    s.kind = x.action == supply::ProjectAction::close_facility ? planning::CandidateKind::closure : planning::CandidateKind::project;
    s.candidate = static_cast<int>(i);
    s.id = x.id;
    s.region = x.region;
    s.start_year = funded[i];
    s.opening_year = funded[i] + supply.build_lag_years;
    if (x.action == supply::ProjectAction::close_facility) {
      const auto beds = facility_beds(supply, x.facility);
      for (int t = 0; t < kTypes; ++t) s.beds_change[t] = -beds[t];
    } else {
      s.beds_change[x.bed_type] += static_cast<double>(x.beds);
      if (x.action == supply::ProjectAction::convert_general_to_nursing)
        s.beds_change[static_cast<int>(demand::BedType::general)] -= static_cast<double>(x.beds);
    }
    s.capital_wan_yuan = x.investment_wan_yuan;
    out.costs.capital_wan_yuan += s.capital_wan_yuan;
    out.costs.discounted_capital_wan_yuan += s.capital_wan_yuan * discount(s.start_year);
    out.schedule.push_back(std::move(s));
  }
  for (int y = capacity.first_year; y <= capacity.last_year(); ++y) {
    double cost = 0;
    for (int t = 0; t < kTypes; ++t)
      for (int r = 0; r < capacity.regions; ++r)
        cost += capacity.at(y, t, r) * supply.operating_cost_yuan_per_bed_year[t] * kWanYuanPerYuan;
    out.costs.operating_wan_yuan += cost;
    out.costs.discounted_operating_wan_yuan += cost * discount(y);
  }
  out.costs.discounted_total_wan_yuan = out.costs.discounted_capital_wan_yuan + out.costs.discounted_operating_wan_yuan;
  return out;
}

}  // namespace carecap::tools
