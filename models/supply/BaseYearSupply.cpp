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

/// The units (facilities or providers) open on 1 January of `year`, kept open from then on.
template <class Unit>
std::vector<Unit> kept_open(const std::vector<Unit>& units, int year) {
  std::vector<Unit> out;
  for (Unit u : units)
    if (open_on(u, year)) {
      u.closes = 0;
      out.push_back(std::move(u));
    }
  return out;
}
}  // namespace

SupplyParameters base_year_supply(const SupplyParameters& plan, int first_year) {
  SupplyParameters trend = plan;
  trend.projects.clear();
  trend.facilities = kept_open(plan.facilities, first_year);
  return trend;
}

ChildcareSupply base_year_childcare(const ChildcareSupply& plan, int first_year) {
  ChildcareSupply trend = plan;
  trend.projects.clear();
  trend.providers = kept_open(plan.providers, first_year);
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
