// carecap. SPDX-License-Identifier: MIT
#include "models/money/MoneyModel.hpp"

#include <algorithm>
#include <cmath>

#include "models/supply/CapacityInputs.hpp"

namespace carecap::money {
namespace {

using demand::CareSetting;

/// The ownership index of a capacity unit: its facility's, or for a project's beds the project's.
int unit_ownership(const supply::CapacityUnit& unit, const supply::SupplyParameters& supply, const MoneyParameters& p) {
  const std::string prefix = "project:";
  if (unit.facility.rfind(prefix, 0) == 0) {
    const std::string id = unit.facility.substr(prefix.size());
    for (std::size_t i = 0; i < supply.projects.size() && i < p.project_ownership.size(); ++i)
      if (supply.projects[i].id == id) return p.project_ownership[i];
    return 0;
  }
  for (int o = 0; o < kOwnershipCount; ++o)
    if (unit.ownership == kOwnershipNames[static_cast<std::size_t>(o)]) return o;
  return 0;  // the loader refuses other ownerships when [money] is given
}

/// Beds a project opens: those it adds or converts to nursing-type (a closure opens none).
double beds_opened(const supply::PlanProject& p) {
  return p.action == supply::ProjectAction::close_facility ? 0.0 : static_cast<double>(p.beds);
}

/// The insurance's users in one year: home and day care as the demand seeks them; institution =
/// the simulated residents of each bed type split into care states as that bed type's demand is;
/// the demand for beds the simulation did not place counted at home.
void count_users(const MoneyInputs& in, std::size_t y, MoneyYear& out) {
  const int year = in.model.first_year + static_cast<int>(y);
  const auto t = static_cast<std::size_t>(year - in.demand.base_year);
  if (t >= in.demand.care_need.years.size()) return;
  const auto& stock = in.demand.care_need.years[t].stock_total;
  std::array<std::array<double, kBedTypeCount>, kCareStateCount> seeking{};  // [state][bed type]
  for (int f = 0; f < demand::kDementiaFlagCount; ++f)
    for (int s = 0; s < kCareStateCount; ++s) {
      const auto& choice = f ? in.care_setting.dementia : in.care_setting.by_state[static_cast<std::size_t>(s)];
      const double persons = stock[static_cast<std::size_t>(f)][static_cast<std::size_t>(s)];
      auto& users = out.users[static_cast<std::size_t>(s)];
      users[static_cast<std::size_t>(CareSetting::home)] += persons * choice[static_cast<std::size_t>(CareSetting::home)];
      users[static_cast<std::size_t>(CareSetting::day_care)] += persons * choice[static_cast<std::size_t>(CareSetting::day_care)];
      const auto bed = static_cast<std::size_t>(f ? demand::BedType::dementia : in.care_setting.bed_type[static_cast<std::size_t>(s)]);
      seeking[static_cast<std::size_t>(s)][bed] += persons * choice[static_cast<std::size_t>(CareSetting::institution)];
    }
  std::array<double, kBedTypeCount> residents{};
  const std::size_t regions = in.model.regions.size();
  for (std::size_t pool = 0; pool < in.capacity.pools[y].size(); ++pool) residents[pool / regions] += in.capacity.pools[y][pool].mean_occupied;
  for (std::size_t b = 0; b < static_cast<std::size_t>(kBedTypeCount); ++b) {
    double sought = 0;
    for (std::size_t s = 0; s < static_cast<std::size_t>(kCareStateCount); ++s) sought += seeking[s][b];
    if (sought <= 0) continue;
    for (std::size_t s = 0; s < static_cast<std::size_t>(kCareStateCount); ++s) {
      const double placed = residents[b] * seeking[s][b] / sought;
      out.users[s][static_cast<std::size_t>(CareSetting::institution)] += placed;
      out.users[s][static_cast<std::size_t>(CareSetting::home)] += std::max(0.0, seeking[s][b] - placed);
    }
  }
}

}  // namespace

std::vector<double> ages_15_plus(const demography::ProjectionResult& projection) {
  std::vector<double> out;
  for (int t = 0; t < projection.year_count(); ++t) out.push_back(projection.population_jul1[static_cast<std::size_t>(t)].sum_both(15));
  return out;
}

MoneyResult compute_money(const MoneyInputs& in, const MoneyParameters& p) {
  const supply::SupplyParameters& supply = in.supply;
  const int first = in.model.first_year, last = in.model.last_year;
  const auto n_years = static_cast<std::size_t>(last - first + 1);
  MoneyResult r;
  r.first_year = first;
  r.ltc = p.ltc.has_value();
  for (const auto& project : supply.projects) r.projects.push_back("project:" + project.id);
  const std::size_t elder_projects = r.projects.size();
  if (in.childcare_supply)
    for (const auto& project : in.childcare_supply->projects) r.projects.push_back("childcare_project:" + project.id);
  r.years.assign(n_years, MoneyYear{});
  for (MoneyYear& y : r.years) y.capital_by_project.assign(r.projects.size(), 0.0);
  const auto opening = [&](int year) -> std::ptrdiff_t {  // index of the simulated year a project opens in; -1 after the last
    const int at = std::max(year, first);
    return at <= last ? at - first : -1;
  };

  // Projects: capital and new beds or places in the year they open.
  const std::vector<int> funded = supply::funded_years(supply);
  for (std::size_t i = 0; i < elder_projects; ++i) {
    const supply::PlanProject& project = supply.projects[i];
    const std::ptrdiff_t y = opening(funded[i] + supply.build_lag_years);
    if (y < 0) continue;
    MoneyYear& year = r.years[static_cast<std::size_t>(y)];
    const auto owner = static_cast<std::size_t>(i < p.project_ownership.size() ? p.project_ownership[i] : 0);
    year.capital_by_project[i] += project.investment_wan_yuan * 1e4;
    year.capital[owner] += project.investment_wan_yuan * 1e4;
    year.new_beds[owner] += beds_opened(project);
  }
  const auto care_owner = static_cast<std::size_t>(p.childcare_ownership);
  if (in.childcare_supply)
    for (std::size_t j = 0; j < in.childcare_supply->projects.size(); ++j) {
      const supply::ChildcareProject& project = in.childcare_supply->projects[j];
      const std::ptrdiff_t y = opening(project.year + supply.build_lag_years);
      if (y < 0) continue;
      MoneyYear& year = r.years[static_cast<std::size_t>(y)];
      year.capital_by_project[elder_projects + j] += project.investment_wan_yuan * 1e4;
      year.capital[care_owner] += project.investment_wan_yuan * 1e4;
      year.new_childcare_places += static_cast<double>(project.places);
    }

  std::vector<int> owner_of;  // per capacity unit
  for (const supply::CapacityUnit& unit : in.model.units) owner_of.push_back(unit_ownership(unit, supply, p));
  const std::size_t regions = in.model.regions.size();
  for (std::size_t y = 0; y < n_years && y < in.capacity.pools.size(); ++y) {
    MoneyYear& year = r.years[y];
    // Operating cost by bed type from the pools; by ownership from the units (beds outside any unit: public).
    double total_operating = 0;
    for (std::size_t pool = 0; pool < in.capacity.pools[y].size(); ++pool) {
      const supply::PoolYear& level = in.capacity.pools[y][pool];
      const std::size_t bed = pool / regions;
      year.operating_fixed[bed] += level.mean_capacity * p.operating_fixed_yuan_per_bed_year[bed];
      year.operating_per_resident[bed] += level.mean_occupied * p.operating_yuan_per_resident_year[bed];
      total_operating += level.mean_capacity * p.operating_fixed_yuan_per_bed_year[bed] +
                         level.mean_occupied * p.operating_yuan_per_resident_year[bed];
      year.persons_served += level.admissions;
    }
    double in_units = 0, occupied_in_units = 0, occupied = 0;
    for (const supply::PoolYear& level : in.capacity.pools[y]) occupied += level.mean_occupied;
    for (std::size_t u = 0; u < in.model.units.size() && y < in.capacity.units.size(); ++u) {
      const supply::UnitYear& level = in.capacity.units[y][u];
      const auto bed = static_cast<std::size_t>(in.model.units[u].bed_type);
      const double cost = level.mean_capacity * p.operating_fixed_yuan_per_bed_year[bed] +
                          level.mean_occupied * p.operating_yuan_per_resident_year[bed];
      const auto owner = static_cast<std::size_t>(owner_of[u]);
      year.operating[owner] += cost;
      year.occupied_bed_years[owner] += level.mean_occupied;
      in_units += cost;
      occupied_in_units += level.mean_occupied;
    }
    // Beds outside every unit (none when the facilities and projects name all beds): public. A
    // remainder within rounding of the sums is dropped, so that it never makes a public cost of -0.
    const auto beyond = [](double all, double named) { return std::abs(all - named) > 1e-9 * std::max(1.0, all) ? all - named : 0.0; };
    year.operating[0] += beyond(total_operating, in_units);
    year.occupied_bed_years[0] += beyond(occupied, occupied_in_units);
    if (in.childcare && y < in.childcare->size())
      for (const supply::ChildcarePoolYear& pool : (*in.childcare)[y]) {
        year.childcare_child_years += pool.mean_enrolled;
        year.persons_served += std::max(0.0, pool.admitted - pool.transfers);
      }

    // Subsidies, each rule its quantity x its rate, paid to the owners.
    for (std::size_t o = 0; o < static_cast<std::size_t>(kOwnershipCount); ++o) {
      const double on_new = year.new_beds[o] * p.subsidy_yuan_per_new_bed[o];
      const double on_occupied = year.occupied_bed_years[o] * p.subsidy_yuan_per_occupied_bed_year[o];
      year.subsidy[0] += on_new;
      year.subsidy[1] += on_occupied;
      year.subsidy_by_owner[o] += on_new + on_occupied;
    }
    year.subsidy[2] = year.new_childcare_places * p.subsidy_yuan_per_new_childcare_place;
    year.subsidy[3] = year.childcare_child_years * p.subsidy_yuan_per_childcare_child_year;
    year.subsidy_by_owner[care_owner] += year.subsidy[2] + year.subsidy[3];

    // Who pays: the budget's shares of capital and operating cost, and the subsidies, except the part
    // paid towards costs the budget bears already (a transfer within it).
    double total = 0;
    for (std::size_t o = 0; o < static_cast<std::size_t>(kOwnershipCount); ++o) {
      total += year.capital[o] + year.operating[o];
      year.public_spending += p.public_share_capital[o] * year.capital[o] + p.public_share_operating[o] * year.operating[o];
      const double on_new = year.new_beds[o] * p.subsidy_yuan_per_new_bed[o];
      const double on_occupied = year.occupied_bed_years[o] * p.subsidy_yuan_per_occupied_bed_year[o];
      year.public_spending += (1 - p.public_share_capital[o]) * on_new + (1 - p.public_share_operating[o]) * on_occupied;
    }
    year.public_spending += (1 - p.public_share_capital[care_owner]) * year.subsidy[2] +
                            (1 - p.public_share_operating[care_owner]) * year.subsidy[3];
    year.private_spending = total - year.public_spending;

    if (p.ltc) {
      const LtcInsurance& ltc = *p.ltc;
      const auto t = static_cast<std::size_t>(first + static_cast<int>(y) - in.demand.base_year);
      const std::vector<double>& base = ltc.base == InsuredBase::population ? in.demand.total_population : in.age_15_plus;
      year.insured = t < base.size() ? ltc.insured_share * base[t] : 0.0;
      count_users(in, y, year);
      for (std::size_t s = 0; s < static_cast<std::size_t>(kCareStateCount); ++s)
        for (std::size_t w = 0; w < static_cast<std::size_t>(kCareSettingCount); ++w)
          year.outlay[s][w] = year.users[s][w] * ltc.insured_share * ltc.benefit_yuan_per_user_year[s][w];
    }
  }
  return r;
}

}  // namespace carecap::money
