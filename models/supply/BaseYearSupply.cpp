// carecap. SPDX-License-Identifier: MIT
#include "models/supply/BaseYearSupply.hpp"

namespace carecap::supply {

namespace {
/// Open on 1 January of `year`: opened by then and not yet closed.
template <class Unit>
bool open_on(const Unit& unit, int year) {
  return unit.opens <= year && (unit.closes == 0 || unit.closes > year);
}
template <class Unit>
bool changes_after(const Unit& unit, int year) {
  return unit.opens > year || unit.closes != 0;
}
}  // namespace

SupplyParameters base_year_supply(const SupplyParameters& plan, int first_year) {
  SupplyParameters trend = plan;
  trend.projects.clear();
  trend.facilities.clear();
  for (Facility f : plan.facilities)
    if (open_on(f, first_year)) {
      f.closes = 0;
      trend.facilities.push_back(std::move(f));
    }
  return trend;
}

ChildcareSupply base_year_childcare(const ChildcareSupply& plan, int first_year) {
  ChildcareSupply trend = plan;
  trend.projects.clear();
  trend.providers.clear();
  for (ChildcareProvider p : plan.providers)
    if (open_on(p, first_year)) {
      p.closes = 0;
      trend.providers.push_back(std::move(p));
    }
  return trend;
}

bool plan_changes_supply(const SupplyParameters& supply, const ChildcareSupply* childcare, int first_year) {
  if (!supply.projects.empty()) return true;
  for (const Facility& f : supply.facilities)
    if (changes_after(f, first_year)) return true;
  if (!childcare) return false;
  if (!childcare->projects.empty()) return true;
  for (const ChildcareProvider& p : childcare->providers)
    if (changes_after(p, first_year)) return true;
  return false;
}

}  // namespace carecap::supply
