// carecap. SPDX-License-Identifier: MIT
#include "scenarios/loader/PlanLoader.hpp"

#include "sim/Errors.hpp"

namespace carecap::scenarios {
namespace {

using plan::Stated;

/// Largest count accepted for persons, beds or places (a province).
constexpr double kMaxCount = 2e9;

/// A stated figure: a count, a fraction in 0..1, or a rate per 1,000.
enum class Figure { count, fraction, per_1000 };

struct Key {
  const char* name;
  Figure figure;
};

constexpr Key kFactKeys[] = {
    {"population", Figure::count},        {"age_60_plus", Figure::count},
    {"share_60_plus", Figure::fraction},  {"age_0_2", Figure::count},
    {"births_per_year", Figure::count},   {"elderly_care_beds", Figure::count},
    {"nursing_bed_share", Figure::fraction}, {"childcare_places", Figure::count},
    {"childcare_places_per_1000_people", Figure::per_1000}, {"childcare_enrolled", Figure::count},
};
constexpr Key kForecastKeys[] = {
    {"age_60_plus", Figure::count},
    {"share_60_plus", Figure::fraction},
    {"age_60_plus_increase_per_year", Figure::count},
    {"births_per_year", Figure::count},
};
constexpr Key kTargetKeys[] = {
    {"elderly_care_beds", Figure::count},       {"elderly_care_beds_added", Figure::count},
    {"beds_per_1000_elderly", Figure::per_1000}, {"nursing_bed_share", Figure::fraction},
    {"childcare_places", Figure::count},        {"childcare_places_per_1000_people", Figure::per_1000},
    {"affordable_place_share", Figure::fraction},
};

Stated stated(const ScenarioDocument& doc, const std::string& section, const Key& key) {
  const auto value = doc.find(section, key.name);
  if (!value) return {};
  switch (key.figure) {
    case Figure::count: return value->as_number(0.0, kMaxCount);
    case Figure::fraction: return value->as_number(0.0, 1.0);
    case Figure::per_1000: return value->as_number(0.0, 1000.0);
  }
  return {};
}

/// The section's year, after `after` (the facts' year) when given.
int year_of(const ScenarioDocument& doc, const std::string& section, int after) {
  const ScenarioValue value = doc.require(section, "year");
  const int year = static_cast<int>(value.as_integer(1950, 2100));
  if (after > 0 && year <= after)
    throw InputError(value.where() + "expected a year after plan_facts.year " + std::to_string(after) + ", got " +
                     std::to_string(year));
  return year;
}

template <std::size_t N>
std::set<std::string> keys_of(const Key (&keys)[N], std::set<std::string> more) {
  for (const Key& k : keys) more.insert(k.name);
  return more;
}

}  // namespace

std::vector<SectionSchema> plan_schema() {
  return {{"plan_facts", keys_of(kFactKeys, {"document", "year", "source"}), {}},
          {"plan_forecast", keys_of(kForecastKeys, {"year", "source"}), {}},
          {"plan_targets", keys_of(kTargetKeys, {"year", "source"}), {}}};
}

std::optional<plan::PlanStatement> read_plan(const ScenarioDocument& doc) {
  const bool forecast = doc.has_section("plan_forecast");
  const bool targets = doc.has_section("plan_targets");
  if (!doc.has_section("plan_facts")) {
    if (forecast || targets)
      throw InputError(doc.files().front() + ": plan_facts: missing; expected a [plan_facts] section (document, year, "
                       "source) with [plan_forecast] or [plan_targets]");
    return std::nullopt;
  }
  plan::PlanStatement p;
  p.document = doc.require("plan_facts", "document").as_string();
  p.source = doc.require("plan_facts", "source").as_string();
  auto& f = p.facts;
  f.year = year_of(doc, "plan_facts", 0);
  Stated* facts[] = {&f.population,       &f.age_60_plus,       &f.share_60_plus,    &f.age_0_2,
                     &f.births_per_year,  &f.elderly_care_beds, &f.nursing_bed_share, &f.childcare_places,
                     &f.childcare_places_per_1000_people, &f.childcare_enrolled};
  for (std::size_t k = 0; k < std::size(kFactKeys); ++k) *facts[k] = stated(doc, "plan_facts", kFactKeys[k]);
  if (f.age_60_plus && f.population && *f.age_60_plus > *f.population)
    throw InputError(doc.require("plan_facts", "age_60_plus").where() + "expected at most plan_facts.population, got more");
  if (forecast) {
    plan::PlanForecast fc;
    fc.year = year_of(doc, "plan_forecast", f.year);
    Stated* values[] = {&fc.age_60_plus, &fc.share_60_plus, &fc.age_60_plus_increase_per_year, &fc.births_per_year};
    for (std::size_t k = 0; k < std::size(kForecastKeys); ++k) *values[k] = stated(doc, "plan_forecast", kForecastKeys[k]);
    p.forecast = fc;
  }
  if (targets) {
    plan::PlanTargets t;
    t.year = year_of(doc, "plan_targets", f.year);
    Stated* values[] = {&t.elderly_care_beds, &t.elderly_care_beds_added, &t.beds_per_1000_elderly, &t.nursing_bed_share,
                        &t.childcare_places,  &t.childcare_places_per_1000_people, &t.affordable_place_share};
    for (std::size_t k = 0; k < std::size(kTargetKeys); ++k) *values[k] = stated(doc, "plan_targets", kTargetKeys[k]);
    p.targets = t;
  }
  return p;
}

}  // namespace carecap::scenarios
