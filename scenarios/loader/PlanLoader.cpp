// carecap. SPDX-License-Identifier: MIT
#include "scenarios/loader/PlanLoader.hpp"

#include <algorithm>
#include <array>
#include <set>

#include "models/plan/WorkforceCheck.hpp"
#include "scenarios/loader/CsvTable.hpp"
#include "scenarios/loader/MessageWords.hpp"
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

using text::same;

/// A figure of the section's table `index` ([[plan_targets]]), if stated.
template <class Section>
Stated stated(const ScenarioDocument& doc, const std::string& section, std::size_t index, const Key<Section>& key) {
  const auto value = doc.find_in(section, index, key.name);
  if (!value) return {};
  switch (key.figure) {
    case Figure::count: return value->as_number(0.0, kMaxCount);
    case Figure::fraction: return value->as_number(0.0, 1.0);
    case Figure::per_1000: return value->as_number(0.0, 1000.0);
  }
  return {};
}

/// The year of the section's table `index`, after `after` (the facts' year) when given.
int year_of(const ScenarioDocument& doc, const std::string& section, std::size_t index, int after) {
  const ScenarioValue value = doc.require_in(section, index, "year");
  const int year = static_cast<int>(value.as_integer(1950, 2100));
  if (after > 0 && year <= after)
    throw InputError(expected_got(value.where(), text::both("plan.error.expect.year_after_facts", {{"year", same(std::to_string(after))}}),
                                  same(std::to_string(year))));
  return year;
}

template <class Section, std::size_t N>
std::set<std::string> keys_of(const Key<Section> (&keys)[N], std::set<std::string> more) {
  for (const auto& k : keys) more.insert(k.name);
  return more;
}

/// Fills `into` with the figures of the section's table `index` that the scenario states.
template <class Section, std::size_t N>
void read_figures(const ScenarioDocument& doc, const std::string& section, std::size_t index, const Key<Section> (&keys)[N],
                  Section& into) {
  for (const auto& key : keys) into.*key.field = stated(doc, section, index, key);
}

/// A target of 0 per 1,000 implies no population or elderly count (the plan check divides by
/// it): refused, naming the key (docs/plan_check.md).
void require_positive_rates(const ScenarioDocument& doc, std::size_t index, const PlanTargets& targets) {
  for (const auto& key : kTargetKeys)
    if (key.figure == Figure::per_1000 && targets.*key.field && *(targets.*key.field) <= 0.0)
      throw InputError(expected_got(doc.require_in("plan_targets", index, key.name).where(),
                                    text::both("plan.error.expect.rate_above_zero"), same("0")));
}

/// The facts are compared with the scenario's base (1 January of the base year): figures at the
/// end of a year more than a year before the base date describe another population.
void require_facts_near_base(const ScenarioDocument& doc, int facts_year) {
  const int base_year = doc.require("projection", "base_date").as_date().year;
  // The end of facts_year is the base date when facts_year = base_year - 1.
  if (facts_year < base_year - 2 || facts_year > base_year)
    throw InputError(expected_got(doc.require("plan_facts", "year").where(),
                                  text::both("plan.error.expect.facts_year",
                                             {{"base_date", same(std::to_string(base_year) + "-01-01")},
                                              {"first", same(std::to_string(base_year - 2))},
                                              {"last", same(std::to_string(base_year))}}),
                                  same(std::to_string(facts_year))));
}

/// Every [[plan_targets]] table (or the one [plan_targets]), by year: each year after the facts',
/// within the projection (its base year to projection.end_year) and given once.
std::vector<PlanTargets> read_targets(const ScenarioDocument& doc, int facts_year) {
  const int base_year = doc.require("projection", "base_date").as_date().year;
  const int end_year = static_cast<int>(doc.require("projection", "end_year").as_integer(1950, 2100));
  std::vector<PlanTargets> out;
  std::vector<std::string> year_keys;  // "FILE:LINE: plan_targets[i].year: " of each table, for messages
  for (std::size_t i = 0; i < doc.table_count("plan_targets"); ++i) {
    PlanTargets t;
    t.year = year_of(doc, "plan_targets", i, facts_year);
    const ScenarioValue year = doc.require_in("plan_targets", i, "year");
    if (t.year < base_year || t.year > end_year)
      throw InputError(expected_got(year.where(),
                                    text::both("plan.error.expect.year_in_projection",
                                               {{"first", same(std::to_string(base_year))}, {"last", same(std::to_string(end_year))}}),
                                    same(std::to_string(t.year))));
    for (std::size_t j = 0; j < out.size(); ++j)
      if (out[j].year == t.year)
        throw InputError(expected_got(year.where(), text::both("plan.error.expect.year_not_repeated"),
                                      text::both("plan.error.found.year_again",
                                                 {{"year", same(std::to_string(t.year))}, {"other", same(year_keys[j])}})));
    year_keys.push_back(year.key());
    read_figures(doc, "plan_targets", i, kTargetKeys, t);
    require_positive_rates(doc, i, t);
    out.push_back(t);
  }
  std::sort(out.begin(), out.end(), [](const PlanTargets& a, const PlanTargets& b) { return a.year < b.year; });
  return out;
}

/// "FILE:LINE: column 'NAME' expected EXPECTED, got 'FOUND'" of a workforce targets row.
[[noreturn]] void refuse_field(const std::string& file, int line, const char* column, const text::Text& expected,
                               const std::string& found) {
  throw InputError(text::both("errors.csv.column_expected_got", {{"where", same(file + ":" + std::to_string(line) + ": ")},
                                                                 {"column", same(column)},
                                                                 {"expected", spaced(expected)},
                                                                 {"found", same(found)}}));
}

/// The workforce targets of [plan_facts] workforce_targets_file (scenarios/data/workforce/README.md)
/// that belong to the plan workforce_targets_plan names, in file order. Every row of the file is
/// validated, whichever plan it belongs to; the file is appended to `tables_read`.
std::vector<plan::WorkforceTarget> read_workforce_targets(const ScenarioDocument& doc, std::vector<std::string>& tables_read) {
  const auto file_key = doc.find("plan_facts", "workforce_targets_file");
  const auto plan_key = doc.find("plan_facts", "workforce_targets_plan");
  if (!file_key && !plan_key) return {};
  // Each key needs the other: require() names the one missing.
  const ScenarioValue file_value = file_key ? *file_key : doc.require("plan_facts", "workforce_targets_file");
  const ScenarioValue plan_value = plan_key ? *plan_key : doc.require("plan_facts", "workforce_targets_plan");
  const std::string path = file_value.as_existing_path();
  tables_read.push_back(path);
  const std::string wanted = plan_value.as_string();
  std::vector<plan::WorkforceTarget> out;
  std::set<std::string> plans;
  std::vector<std::string> indicators;
  for (const auto& i : plan::workforce_indicators()) indicators.emplace_back(i.name);
  const std::array<std::string, 7> columns{"plan", "year", "indicator", "value", "unit", "quote_zh", "source"};
  for (const auto& row : read_csv(path, columns)) {
    const auto& [name, year_text, indicator_name, value_text, unit, quote, source] = row.fields;
    for (std::size_t c = 0; c < columns.size(); ++c)
      if (row.fields[c].empty())
        refuse_field(path, row.line, columns[c].c_str(), text::both("plan.error.expect.workforce_text"), "");
    plan::WorkforceTarget t;
    t.year = parse_integer(year_text, path, row.line, "year");
    if (t.year < 1950 || t.year > 2100)
      refuse_field(path, row.line, "year", text::both("errors.expect.whole_number_in", {{"low", same("1950")}, {"high", same("2100")}}),
                   year_text);
    const plan::WorkforceIndicator* indicator = plan::find_workforce_indicator(indicator_name);
    if (!indicator)
      refuse_field(path, row.line, "indicator",
                   text::both("plan.error.expect.workforce_indicator", {{"allowed", alternatives(indicators, false)}}),
                   indicator_name);
    const bool share = std::string(indicator->units) == "1";
    t.value = parse_number(value_text, NumberRule::non_negative, path, row.line, "value", share ? 1.0 : kMaxCount);
    t.indicator = indicator_name;
    t.unit = unit;
    t.at_least = unit.find("(at least)") != std::string::npos;
    t.quote_zh = quote;
    t.source = source;
    plans.insert(name);
    if (name == wanted) out.push_back(std::move(t));
  }
  if (out.empty())
    throw InputError(expected_got(plan_value.where(),
                                  text::both("plan.error.expect.workforce_plan",
                                             {{"file", same(path)}, {"allowed", alternatives({plans.begin(), plans.end()})}}),
                                  same("\"" + wanted + "\"")));
  return out;
}

}  // namespace

std::vector<SectionSchema> plan_schema() {
  return {{"plan_facts", keys_of(kFactKeys, {"document", "year", "source", "workforce_targets_file", "workforce_targets_plan"}), {}},
          {"plan_forecast", keys_of(kForecastKeys, {"year", "source"}), {}},
          {"plan_targets", keys_of(kTargetKeys, {"year", "source"}), {}, true}};
}

std::optional<plan::PlanStatement> read_plan(const ScenarioDocument& doc, std::vector<std::string>& tables_read) {
  const bool forecast = doc.has_section("plan_forecast");
  const bool targets = doc.has_section("plan_targets");
  if (!doc.has_section("plan_facts")) {
    if (forecast || targets) throw InputError(text::both("plan.error.facts_missing", {{"file", same(doc.files().front())}}));
    return std::nullopt;
  }
  plan::PlanStatement p;
  p.document = doc.require("plan_facts", "document").as_string();
  p.source = doc.require("plan_facts", "source").as_string();
  auto& f = p.facts;
  f.year = year_of(doc, "plan_facts", 0, 0);
  require_facts_near_base(doc, f.year);
  read_figures(doc, "plan_facts", 0, kFactKeys, f);
  if (f.age_60_plus && f.population && *f.age_60_plus > *f.population)
    throw InputError(expected_got(doc.require("plan_facts", "age_60_plus").where(),
                                  text::both("plan.error.expect.at_most_population"), text::both("plan.error.found.more")));
  if (forecast) {
    PlanForecast fc;
    fc.year = year_of(doc, "plan_forecast", 0, f.year);
    read_figures(doc, "plan_forecast", 0, kForecastKeys, fc);
    p.forecast = fc;
  }
  if (targets) p.targets = read_targets(doc, f.year);
  p.workforce_targets = read_workforce_targets(doc, tables_read);
  return p;
}

}  // namespace carecap::scenarios
