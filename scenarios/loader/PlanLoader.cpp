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

/// A key of a plan section: its name, what kind of figure it holds, and the field it fills.
template <class Section>
struct Key {
  const char* name;
  Figure figure;
  Stated Section::*field;
};

using plan::PlanFacts;
using plan::PlanForecast;
using plan::PlanTargets;

constexpr Key<PlanFacts> kFactKeys[] = {
    {"population", Figure::count, &PlanFacts::population},
    {"age_60_plus", Figure::count, &PlanFacts::age_60_plus},
    {"share_60_plus", Figure::fraction, &PlanFacts::share_60_plus},
    {"age_0_2", Figure::count, &PlanFacts::age_0_2},
    {"births_per_year", Figure::count, &PlanFacts::births_per_year},
    {"elderly_care_beds", Figure::count, &PlanFacts::elderly_care_beds},
    {"nursing_bed_share", Figure::fraction, &PlanFacts::nursing_bed_share},
    {"childcare_places", Figure::count, &PlanFacts::childcare_places},
    {"childcare_places_per_1000_people", Figure::per_1000, &PlanFacts::childcare_places_per_1000_people},
    {"childcare_enrolled", Figure::count, &PlanFacts::childcare_enrolled},
};
constexpr Key<PlanForecast> kForecastKeys[] = {
    {"age_60_plus", Figure::count, &PlanForecast::age_60_plus},
    {"share_60_plus", Figure::fraction, &PlanForecast::share_60_plus},
    {"age_60_plus_increase_per_year", Figure::count, &PlanForecast::age_60_plus_increase_per_year},
    {"births_per_year", Figure::count, &PlanForecast::births_per_year},
};
constexpr Key<PlanTargets> kTargetKeys[] = {
    {"elderly_care_beds", Figure::count, &PlanTargets::elderly_care_beds},
    {"elderly_care_beds_added", Figure::count, &PlanTargets::elderly_care_beds_added},
    {"beds_per_1000_elderly", Figure::per_1000, &PlanTargets::beds_per_1000_elderly},
    {"nursing_bed_share", Figure::fraction, &PlanTargets::nursing_bed_share},
    {"childcare_places", Figure::count, &PlanTargets::childcare_places},
    {"childcare_places_per_1000_people", Figure::per_1000, &PlanTargets::childcare_places_per_1000_people},
    {"affordable_place_share", Figure::fraction, &PlanTargets::affordable_place_share},
};

template <class Section>
Stated stated(const ScenarioDocument& doc, const std::string& section, const Key<Section>& key) {
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

template <class Section, std::size_t N>
std::set<std::string> keys_of(const Key<Section> (&keys)[N], std::set<std::string> more) {
  for (const auto& k : keys) more.insert(k.name);
  return more;
}

/// Fills `into` with the figures of `section` that the scenario states.
template <class Section, std::size_t N>
void read_figures(const ScenarioDocument& doc, const std::string& section, const Key<Section> (&keys)[N], Section& into) {
  for (const auto& key : keys) into.*key.field = stated(doc, section, key);
}

/// A target of 0 per 1,000 implies no population or elderly count (the plan check divides by
/// it): refused, naming the key (docs/plan_check.md).
void require_positive_rates(const ScenarioDocument& doc, const PlanTargets& targets) {
  for (const auto& key : kTargetKeys)
    if (key.figure == Figure::per_1000 && targets.*key.field && *(targets.*key.field) <= 0.0)
      throw InputError(doc.require("plan_targets", key.name).where() +
                       "expected a target above 0 per 1,000 (a rate of 0 implies no population to plan for), got 0");
}

/// The facts are compared with the scenario's base (1 January of the base year): figures at the
/// end of a year more than a year before the base date describe another population.
void require_facts_near_base(const ScenarioDocument& doc, int facts_year) {
  const ScenarioValue base_date = doc.require("projection", "base_date");
  const int base_year = base_date.as_date().year;
  // The end of facts_year is the base date when facts_year = base_year - 1.
  if (facts_year < base_year - 2 || facts_year > base_year)
    throw InputError(doc.require("plan_facts", "year").where() + "expected the year that ends at the base date " +
                     std::to_string(base_year) + "-01-01 (projection.base_date), within a year: " +
                     std::to_string(base_year - 2) + ".." + std::to_string(base_year) + ", got " + std::to_string(facts_year));
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
  require_facts_near_base(doc, f.year);
  read_figures(doc, "plan_facts", kFactKeys, f);
  if (f.age_60_plus && f.population && *f.age_60_plus > *f.population)
    throw InputError(doc.require("plan_facts", "age_60_plus").where() + "expected at most plan_facts.population, got more");
  if (forecast) {
    PlanForecast fc;
    fc.year = year_of(doc, "plan_forecast", f.year);
    read_figures(doc, "plan_forecast", kForecastKeys, fc);
    p.forecast = fc;
  }
  if (targets) {
    PlanTargets t;
    t.year = year_of(doc, "plan_targets", f.year);
    read_figures(doc, "plan_targets", kTargetKeys, t);
    require_positive_rates(doc, t);
    p.targets = t;
  }
  return p;
}

}  // namespace carecap::scenarios
