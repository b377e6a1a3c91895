// carecap. SPDX-License-Identifier: MIT
#include "models/plan/PlanCheck.hpp"

#include <cmath>
#include <iterator>
#include <limits>
#include <optional>

#include "models/plan/WorkforceCheck.hpp"

namespace carecap::plan {
namespace {

bool known(double x) { return !std::isnan(x); }

/// |x - reference| / |reference|, for comparing with a tolerance only (never printed or stored):
/// 0 when both are 0, infinite when only the reference is.
double relative_gap(double x, double reference) {
  if (reference == 0) return x == 0 ? 0.0 : std::numeric_limits<double>::infinity();
  return std::abs(x - reference) / std::abs(reference);
}

double ratio(double a, double b) { return known(a) && known(b) && b != 0 ? a / b : kNotModelled; }

const ModelYear* model_year(const ModelFigures& model, int year) {
  const auto at = model.years.find(year);
  return at == model.years.end() ? nullptr : &at->second;
}

/// The figures of a finding's sentence, without the ones not known.
using Values = std::map<std::string, double>;
Values known_only(Values values) {
  for (auto it = values.begin(); it != values.end();) it = known(it->second) ? std::next(it) : values.erase(it);
  return values;
}

struct Checker {
  const PlanStatement& plan;
  const ModelFigures& model;
  std::vector<PlanFinding> findings;

  PlanFinding& add(FindingKind kind, std::string id, int year, std::string units, double plan_value, double other,
                   std::string other_label, Verdict verdict, Values values = {}) {
    findings.push_back({kind, std::move(id), year, std::move(units), plan_value, other, std::move(other_label), verdict,
                        false, known_only(std::move(values)), "", "", ""});
    return findings.back();
  }

  /// A base-year fact against the model's base; `tolerance` is absolute, in the fact's units.
  void fact(const char* id, const Stated& stated, double modelled, const char* units, double tolerance) {
    if (!stated || !known(modelled)) return;
    const bool agrees = std::abs(*stated - modelled) <= tolerance;
    add(FindingKind::base_fact, id, plan.facts.year, units, *stated, modelled, "model base",
        agrees ? Verdict::agrees : Verdict::differs);
  }

  void base_facts() {
    const PlanFacts& f = plan.facts;
    const ModelYear& b = model.base;
    fact("population", f.population, b.population, "persons", 0.5);
    fact("age_60_plus", f.age_60_plus, b.age_60_plus, "persons", 0.5);
    fact("share_60_plus", f.share_60_plus, ratio(b.age_60_plus, b.population), "1", 5e-5);
    fact("age_0_2", f.age_0_2, b.age_0_2, "persons", 0.5);
    fact("elderly_care_beds", f.elderly_care_beds, b.beds, "beds", 0.5);
    fact("nursing_bed_share", f.nursing_bed_share, ratio(b.nursing_beds, b.beds), "1", 5e-5);
    fact("childcare_places", f.childcare_places, b.childcare_places, "places", 0.5);
    fact("childcare_places_per_1000_people", f.childcare_places_per_1000_people,
         1000.0 * ratio(b.childcare_places, b.population), "places per 1,000 persons", 0.005);
    fact("childcare_enrolled", f.childcare_enrolled, b.childcare_enrolled, "persons", 0.5);
  }

  /// The start of the capacity simulation against the demand model: the residents it begins with
  /// against what the national default care use gives; and a start-up transient (occupied beds
  /// moving by more than 10% in the first two years while beds and elders do not), naming the
  /// assumption behind it (`basis`).
  void start_use() {
    if (model.start.empty() || !known(model.initial_residents) || !known(model.national_use_residents) ||
        model.years.size() < 3)
      return;
    const bool stated = model.start != "demand_steady_state";
    const int first = model.years.begin()->first;
    const double times = stated && model.national_use_residents > 0 ? model.initial_residents / model.national_use_residents
                                                                     : kNotModelled;
    add(FindingKind::base_fact, "start_use", plan.facts.year, "persons", model.initial_residents,
        model.national_use_residents, "demand model", Verdict::agrees, {{"first_year", first}, {"times", times}})
        .basis = model.start;
    auto it = model.years.begin();
    const ModelYear& y0 = it->second;
    std::advance(it, 2);
    const ModelYear& y2 = it->second;
    const double occupied = ratio(y2.occupied_beds, y0.occupied_beds) - 1, beds = ratio(y2.beds, y0.beds) - 1,
                 elders = ratio(y2.age_60_plus, y0.age_60_plus) - 1;
    if (!known(occupied) || !known(beds) || !known(elders)) return;
    if (std::abs(occupied) <= 0.10 || std::abs(beds) > 0.10 || std::abs(elders) > 0.10) return;
    add(FindingKind::base_fact, "start_transient", plan.facts.year, "beds", y0.occupied_beds, y2.occupied_beds, "model",
        Verdict::differs, {{"first_year", first}, {"occupied_change", occupied}, {"beds_change", beds}, {"elders_change", elders}})
        .basis = model.start;
  }

  /// The start of the childcare simulation: children enrolled moving by more than 10% from the
  /// enrolment it starts from ([childcare_capacity] initial_enrolled, 1 January of the first year) to
  /// the third year while places and children under 3 do not (each within 10% over the same
  /// window). The move then comes from the families the wish rate ([childcare] wish_rate) sends
  /// seeking places, not from the plan. The start, not the first year's time average, is the
  /// reference: families fill places within months, so that average already holds most of the move.
  void childcare_start() {
    if (model.years.size() < 3) return;
    const ModelYear& start = model.base;
    const int first = model.years.begin()->first;
    const ModelYear& y2 = std::next(model.years.begin(), 2)->second;
    const double enrolled = ratio(y2.childcare_enrolled, start.childcare_enrolled) - 1,
                 places = ratio(y2.childcare_places, start.childcare_places) - 1,
                 children = ratio(y2.age_0_2, start.age_0_2) - 1;
    if (!known(enrolled) || !known(places) || !known(children)) return;
    if (std::abs(enrolled) <= 0.10 || std::abs(places) > 0.10 || std::abs(children) > 0.10) return;
    add(FindingKind::base_fact, "childcare_start_transient", plan.facts.year, "persons", start.childcare_enrolled,
        y2.childcare_enrolled, "model", Verdict::differs,
        {{"first_year", first}, {"enrolled_change", enrolled}, {"places_change", places}, {"children_change", children},
         {"wish_rate", model.childcare_wish_rate}, {"sought", y2.childcare_places_sought}});
  }

  /// A plan's forecast against the projection.
  void forecast_line(const char* id, int year, const Stated& stated, double modelled, const char* units, Values values = {}) {
    if (!stated || !known(modelled)) return;
    const bool agrees = relative_gap(modelled, *stated) <= kForecastTolerance;
    add(FindingKind::forecast, id, year, units, *stated, modelled, "model", agrees ? Verdict::agrees : Verdict::differs,
        std::move(values));
  }

  void forecasts() {
    if (!plan.forecast) return;
    const PlanForecast& f = *plan.forecast;
    const ModelYear* y = model_year(model, f.year);
    if (!y) return;
    forecast_line("forecast_age_60_plus", f.year, f.age_60_plus, y->age_60_plus, "persons");
    forecast_line("forecast_share_60_plus", f.year, f.share_60_plus, ratio(y->age_60_plus, y->population), "1");
    const int first = plan.facts.year + 1;
    const ModelYear* start = model_year(model, first);
    if (start && f.year > first)
      forecast_line("forecast_age_60_plus_increase", f.year, f.age_60_plus_increase_per_year,
                    (y->age_60_plus - start->age_60_plus) / (f.year - first), "persons per year", {{"from", first}});
    double births = 0;
    int years = 0;
    for (int year = first; year <= f.year; ++year)
      if (const ModelYear* m = model_year(model, year); m && known(m->births)) {
        births += m->births;
        ++years;
      }
    if (years > 0)
      forecast_line("forecast_births", f.year, f.births_per_year, births / years, "births per year", {{"from", first}});
  }

  /// A target against the scenario's supply in the target year. An "at least" target
  /// (`at_least_within` set: the absolute rounding allowed, in the target's units) agrees when the
  /// supply reaches it; any other agrees within kForecastTolerance.
  void target_line(const char* id, int year, const Stated& stated, double modelled, const char* units,
                   std::optional<double> at_least_within) {
    if (!stated || !known(modelled)) return;
    const bool at_least = at_least_within.has_value();
    const bool agrees = at_least ? modelled >= *stated - *at_least_within : relative_gap(modelled, *stated) <= kForecastTolerance;
    add(FindingKind::target, id, year, units, *stated, modelled, "scenario supply", agrees ? Verdict::agrees : Verdict::differs)
        .at_least = at_least;
  }

  void targets(const PlanTargets& t) {
    const ModelYear* y = model_year(model, t.year);
    if (!y) return;
    target_line("target_beds", t.year, t.elderly_care_beds, y->beds, "beds", std::nullopt);
    target_line("target_nursing_bed_share", t.year, t.nursing_bed_share, ratio(y->nursing_beds, y->beds), "1", 5e-5);
    target_line("target_beds_per_1000_elderly", t.year, t.beds_per_1000_elderly, 1000.0 * ratio(y->beds, y->age_60_plus),
                "beds per 1,000 persons aged 60+", std::nullopt);
    target_line("target_childcare_places", t.year, t.childcare_places, y->childcare_places, "places", 0.5);
    target_line("target_childcare_places_per_1000_people", t.year, t.childcare_places_per_1000_people,
                1000.0 * ratio(y->childcare_places, y->population), "places per 1,000 persons", 0.005);
  }

  /// Projects the plan dates by the target year that the build lag opens after it: they never
  /// count toward that year's targets (supply.build_lag_years).
  void projects_open_after_target(const PlanTargets& t) {
    double late = 0, dated = 0, beds = 0, places = 0;
    for (const DatedProject& p : model.projects) {
      if (p.plan_year > t.year) continue;
      ++dated;
      if (p.opens <= t.year) continue;
      ++late;
      beds += p.beds;
      places += p.places;
    }
    if (late == 0) return;
    add(FindingKind::target, "projects_open_after_target", t.year, "projects", late, dated, "project list",
        Verdict::differs, {{"beds", beds}, {"places", places}, {"lag", model.build_lag_years}});
  }

  /// Beds and a beds-per-1,000-elderly rate imply an elderly count; the plan's forecast and the
  /// projection are held against it.
  void elderly_implied_by_bed_rate(const PlanTargets& t) {
    if (!t.elderly_care_beds || !t.beds_per_1000_elderly || *t.beds_per_1000_elderly <= 0) return;  // the loader refuses a rate of 0
    const double implied = *t.elderly_care_beds / *t.beds_per_1000_elderly * 1000.0;
    const ModelYear* y = model_year(model, t.year);
    const double forecast = plan.forecast && plan.forecast->year == t.year ? plan.forecast->age_60_plus.value_or(kNotModelled)
                                                                           : kNotModelled;
    const double projected = y ? y->age_60_plus : kNotModelled;
    const Values values{{"beds", *t.elderly_care_beds}, {"rate", *t.beds_per_1000_elderly}, {"forecast", forecast},
                        {"model", projected}};
    if (known(forecast)) {
      const bool contradicts = relative_gap(implied, forecast) > kContradictionTolerance;
      add(FindingKind::consistency, "elderly_implied_by_bed_rate", t.year, "persons", implied, forecast, "plan forecast",
          contradicts ? Verdict::contradiction : Verdict::agrees, values);
    } else if (known(projected)) {
      const bool differs = relative_gap(implied, projected) > kForecastTolerance;
      add(FindingKind::consistency, "elderly_implied_by_bed_rate", t.year, "persons", implied, projected, "model",
          differs ? Verdict::differs : Verdict::agrees, values);
    }
  }

  /// Base beds plus the stated addition against the total target; for the latest target year
  /// stating beds, the addition against the beds of the plan's own project list.
  void bed_additions(const PlanTargets& t, bool latest) {
    const Stated& base = plan.facts.elderly_care_beds;
    if (base && t.elderly_care_beds && t.elderly_care_beds_added) {
      const double sum = *base + *t.elderly_care_beds_added;
      const bool adds_up = std::abs(sum - *t.elderly_care_beds) <= 0.5;
      add(FindingKind::consistency, "bed_target_arithmetic", t.year, "beds", sum, *t.elderly_care_beds, "plan target",
          adds_up ? Verdict::agrees : Verdict::contradiction,
          {{"base", *base}, {"added", *t.elderly_care_beds_added}, {"facts_year", plan.facts.year}});
    }
    Stated added = t.elderly_care_beds_added;
    if (!added && base && t.elderly_care_beds) added = *t.elderly_care_beds - *base;
    if (!latest || !added || !known(model.listed_beds_stated)) return;
    const bool contradicts = model.listed_beds_stated > *added * (1.0 + kContradictionTolerance);
    const ModelYear* y = model_year(model, t.year);
    const bool from_to = base && t.elderly_care_beds;
    add(FindingKind::consistency, "bed_additions_vs_list", t.year, "beds", *added, model.listed_beds_stated, "project list",
        contradicts ? Verdict::contradiction : Verdict::agrees,
        {{"base", from_to ? *base : kNotModelled},
         {"target", from_to ? *t.elderly_care_beds : kNotModelled},
         {"derived", known(model.listed_beds_derived) && model.listed_beds_derived > 0 ? model.listed_beds_derived : kNotModelled},
         {"supply", y ? y->beds : kNotModelled}});
  }

  /// Base-year places and a places-per-1,000-people rate imply a population; the plan's (or the
  /// model's base) is held against it.
  void population_implied_by_base_places() {
    const PlanFacts& f = plan.facts;
    if (!f.childcare_places || !f.childcare_places_per_1000_people || *f.childcare_places_per_1000_people <= 0) return;
    const double implied = *f.childcare_places / *f.childcare_places_per_1000_people * 1000.0;
    const double population = f.population.value_or(model.base.population);
    if (!known(population)) return;
    const bool plans = f.population.has_value();
    const bool contradicts = relative_gap(implied, population) > kContradictionTolerance;
    add(FindingKind::consistency, "population_implied_by_base_places", f.year, "persons", implied, population,
        plans ? "plan population" : "model base", contradicts ? (plans ? Verdict::contradiction : Verdict::differs) : Verdict::agrees,
        {{"places", *f.childcare_places}, {"rate", *f.childcare_places_per_1000_people}});
  }

  /// A forecast count and share of those aged 60+ imply a total population; the plan's base and
  /// the projection are held against it.
  void population_implied_by_forecast() {
    if (!plan.forecast || !plan.forecast->age_60_plus || !plan.forecast->share_60_plus || *plan.forecast->share_60_plus <= 0)
      return;  // a share of 0 implies no population
    const PlanForecast& f = *plan.forecast;
    const double implied = *f.age_60_plus / *f.share_60_plus;
    const ModelYear* y = model_year(model, f.year);
    if (!y || !known(y->population)) return;
    const bool differs = relative_gap(implied, y->population) > kForecastTolerance;
    add(FindingKind::consistency, "population_implied_by_forecast", f.year, "persons", implied, y->population, "model",
        differs ? Verdict::differs : Verdict::agrees,
        {{"elders", *f.age_60_plus}, {"share", *f.share_60_plus}, {"population", plan.facts.population.value_or(kNotModelled)},
         {"facts_year", plan.facts.year}});
  }

  /// Places and a places-per-1,000-people rate imply a population; the plan's is held against it.
  void population_implied_by_place_rate(const PlanTargets& t) {
    if (!t.childcare_places || !t.childcare_places_per_1000_people || *t.childcare_places_per_1000_people <= 0) return;
    const Stated& population = plan.facts.population;
    if (!population) return;
    const double implied = *t.childcare_places / *t.childcare_places_per_1000_people * 1000.0;
    const ModelYear* y = model_year(model, t.year);
    const bool contradicts = relative_gap(implied, *population) > kContradictionTolerance;
    add(FindingKind::consistency, "population_implied_by_place_rate", t.year, "persons", implied, *population,
        "plan population", contradicts ? Verdict::contradiction : Verdict::agrees,
        {{"places", *t.childcare_places}, {"rate", *t.childcare_places_per_1000_people}, {"facts_year", plan.facts.year},
         {"model", y ? y->population : kNotModelled}});
  }

  /// Places for children: the target's places per child under 3 in the base year and the target
  /// year, against the children enrolled and the places the demand model says families seek.
  void childcare_places_per_child(const PlanTargets& t) {
    const ModelYear* y = model_year(model, t.year);
    double places = t.childcare_places.value_or(kNotModelled);
    if (!known(places) && t.childcare_places_per_1000_people && y)
      places = *t.childcare_places_per_1000_people * y->population / 1000.0;
    if (!known(places)) return;
    const double children = plan.facts.age_0_2.value_or(model.base.age_0_2);
    if (!known(children) || children <= 0) return;  // no children: no places per child
    const double projected = y ? y->age_0_2 : kNotModelled;
    const double sought = known(projected) ? y->childcare_places_sought : kNotModelled;
    // No children or no demand left in the target year: every place is idle, a difference.
    const bool differs = known(sought) && (sought <= 0.0 ? places > 0.0 : relative_gap(places, sought) > kForecastTolerance);
    // Held against the places sought per child; without a demand model, against the children
    // enrolled (plan); without either, there is nothing to hold it against.
    const bool demand = known(sought) && projected > 0.0;
    if (!demand && !plan.facts.childcare_enrolled) return;
    add(FindingKind::consistency, "childcare_places_per_child", t.year, "places per child", places / children,
        demand ? sought / projected : *plan.facts.childcare_enrolled / children, demand ? "model demand" : "plan enrolled",
        differs ? Verdict::differs : Verdict::agrees,
        {{"places", places}, {"children", children}, {"facts_year", plan.facts.year},
         {"enrolled", plan.facts.childcare_enrolled.value_or(kNotModelled)}, {"children_model", projected},
         {"sought", sought}, {"rate", t.childcare_places_per_1000_people.value_or(kNotModelled)}});
  }
};

}  // namespace

std::vector<PlanFinding> check_plan(const PlanStatement& plan, const ModelFigures& model) {
  Checker c{plan, model, {}};
  c.base_facts();
  c.start_use();
  c.childcare_start();
  c.forecasts();
  for (const PlanTargets& t : plan.targets) {
    c.targets(t);
    c.projects_open_after_target(t);
  }
  c.population_implied_by_base_places();
  c.population_implied_by_forecast();
  const PlanTargets* latest_beds = nullptr;  // the bed additions are held against the list once, at the end of the plan
  for (const PlanTargets& t : plan.targets)
    if (t.elderly_care_beds_added || t.elderly_care_beds) latest_beds = &t;
  for (const PlanTargets& t : plan.targets) c.elderly_implied_by_bed_rate(t);
  for (const PlanTargets& t : plan.targets) c.bed_additions(t, &t == latest_beds);
  for (const PlanTargets& t : plan.targets) c.population_implied_by_place_rate(t);
  for (const PlanTargets& t : plan.targets) c.childcare_places_per_child(t);
  for (PlanFinding& f : check_workforce(plan, model)) c.findings.push_back(std::move(f));
  return c.findings;
}

const char* verdict_name(Verdict verdict) {
  switch (verdict) {
    case Verdict::agrees: return "agrees";
    case Verdict::differs: return "differs";
    case Verdict::contradiction: return "contradiction";
    case Verdict::not_modelled: return "not_modelled";
  }
  return "?";
}

}  // namespace carecap::plan
