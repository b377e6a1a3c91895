// carecap. SPDX-License-Identifier: MIT
#include "scenarios/loader/WorkforceLoader.hpp"

#include <string>

#include "sim/Errors.hpp"
#include "text/Catalogue.hpp"

namespace carecap::scenarios {

std::set<std::string> workforce_supply_keys() {
  return {"base_care_workers", "leaving_rate", "other_entrants_per_year", "trained", "trained_entering_share", "certified_share",
          "senior_grade_share", "projects_bring_staff", "staffing_cap", "day_care_users_per_care_worker"};
}

std::optional<workforce::WorkforceSettings> read_workforce_supply(const ScenarioDocument& doc,
                                                                  const std::optional<SupplyScenario>& supply,
                                                                  int first_year) {
  std::optional<ScenarioValue> first_key;
  for (const auto& key : workforce_supply_keys())
    if (auto v = doc.find("workforce", key); v && !first_key) first_key = v;
  if (!first_key) return std::nullopt;
  if (!supply) throw InputError(text::both("errors.workforce.without_supply", {{"where", first_key->where()}}));
  workforce::WorkforceSettings s;
  const auto& regions = supply->supply.regions;
  if (auto base = doc.find("workforce", "base_care_workers")) {
    if (base->node()->is_table())
      s.base_care_workers_by_region = base->as_keyed_numbers(regions, 0.0, 1e7);
    else
      s.base_care_workers = base->as_number(0.0, 1e7);
  } else {
    for (const auto& f : supply->supply.facilities) {
      const bool open = f.opens <= first_year && (f.closes == 0 || f.closes > first_year);
      if (open && f.care_workers < 0)
        throw InputError(text::both("errors.workforce.no_base_staff", {{"where", first_key->where()}, {"facility", f.id}}));
    }
  }
  s.leaving_rate = doc.require("workforce", "leaving_rate").as_number(0.0, 1.0);
  if (auto v = doc.find("workforce", "other_entrants_per_year")) s.other_entrants_per_year = v->as_number(0.0, 1e6);
  if (auto v = doc.find("workforce", "trained")) {
    const demography::YearPath trained = v->as_year_path(0.0, 1e6);
    for (const auto& [year, persons] : trained.anchors()) {
      if (year < first_year)  // trained before the simulation: already in the base staff
        throw InputError(text::both("errors.workforce.trained_year", {{"where", v->where()}, {"year", std::to_string(year)},
                                                                     {"first", std::to_string(first_year)}}));
      s.trained.emplace_back(year, persons);
    }
  }
  if (auto v = doc.find("workforce", "trained_entering_share")) s.trained_entering_share = v->as_number(0.0, 1.0);
  if (auto v = doc.find("workforce", "certified_share")) s.certified_share = v->as_number(0.0, 1.0);
  if (auto v = doc.find("workforce", "senior_grade_share")) s.senior_grade_share = v->as_number(0.0, 1.0);
  if (auto v = doc.find("workforce", "projects_bring_staff")) s.projects_bring_staff = v->as_boolean();
  if (auto v = doc.find("workforce", "staffing_cap")) s.staffing_cap = v->as_boolean();
  if (auto v = doc.find("workforce", "day_care_users_per_care_worker")) s.day_care_users_per_care_worker = v->as_number(0.0, 1000.0);
  s.source = doc.require("workforce", "source").as_string();
  return s;
}

}  // namespace carecap::scenarios
