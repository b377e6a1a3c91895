// carecap. SPDX-License-Identifier: MIT
#include "models/plan/PlanCheck.hpp"

#include <cmath>
#include <iomanip>
#include <limits>
#include <optional>
#include <sstream>

#include "sim/NumberText.hpp"

namespace carecap::plan {
namespace {

bool known(double x) { return !std::isnan(x); }

std::string num(double x, int decimals = 0) { return sim::grouped(x, decimals); }
std::string pct(double fraction, int decimals = 1) { return sim::percent(fraction, decimals); }
std::string change(double x, double reference) { return sim::percent_change(x, reference); }

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

struct Checker {
  const PlanStatement& plan;
  const ModelFigures& model;
  std::vector<PlanFinding> findings;

  void add(FindingKind kind, std::string id, std::string figure, std::string units, double plan_value, double other,
           std::string other_label, Verdict verdict, std::string message) {
    findings.push_back({kind, std::move(id), std::move(figure), std::move(units), plan_value, other, std::move(other_label),
                        verdict, std::move(message)});
  }

  /// A base-year fact against the model's base; `tolerance` is absolute, in the fact's units.
  void fact(const char* id, const char* figure, const Stated& stated, double modelled, const char* units, double tolerance,
            int decimals, bool share) {
    if (!stated || !known(modelled)) return;
    const bool agrees = std::abs(*stated - modelled) <= tolerance;
    auto show = [&](double x) { return share ? pct(x, 2) : num(x, decimals); };
    std::ostringstream m;
    m << figure << " at the end of " << plan.facts.year << ": plan " << show(*stated) << ", model base " << show(modelled)
      << (agrees ? " (reproduced)" : " (not reproduced: check the scenario's base data)");
    add(FindingKind::base_fact, id, figure, units, *stated, modelled, "model base", agrees ? Verdict::agrees : Verdict::differs,
        m.str());
  }

  void base_facts() {
    const PlanFacts& f = plan.facts;
    const ModelYear& b = model.base;
    fact("population", "population", f.population, b.population, "persons", 0.5, 0, false);
    fact("age_60_plus", "aged 60+", f.age_60_plus, b.age_60_plus, "persons", 0.5, 0, false);
    fact("share_60_plus", "share aged 60+", f.share_60_plus, ratio(b.age_60_plus, b.population), "1", 5e-5, 0, true);
    fact("age_0_2", "children under 3", f.age_0_2, b.age_0_2, "persons", 0.5, 0, false);
    fact("elderly_care_beds", "elderly-care beds", f.elderly_care_beds, b.beds, "beds", 0.5, 0, false);
    fact("nursing_bed_share", "nursing-type bed share", f.nursing_bed_share, ratio(b.nursing_beds, b.beds), "1", 5e-5, 0, true);
    fact("childcare_places", "childcare places", f.childcare_places, b.childcare_places, "places", 0.5, 0, false);
    fact("childcare_places_per_1000_people", "childcare places per 1,000 people", f.childcare_places_per_1000_people,
         1000.0 * ratio(b.childcare_places, b.population), "places per 1,000 persons", 0.005, 2, false);
    fact("childcare_enrolled", "children enrolled in childcare", f.childcare_enrolled, b.childcare_enrolled, "persons", 0.5, 0,
         false);
  }

  /// The start of the capacity simulation against the demand model: the residents it begins with
  /// against what the national default care use gives; and a start-up transient (occupied beds
  /// moving by more than 10% in the first two years while beds and elders do not), naming the
  /// assumption behind it.
  void start_use() {
    if (model.start.empty() || !known(model.initial_residents) || !known(model.national_use_residents) ||
        model.years.size() < 3)
      return;
    const bool stated = model.start != "demand_steady_state";
    const char* assumption = model.start == "observed_residents" ? "the facilities file's residents"
                             : model.start == "occupancy_share"  ? "capacity.initial_occupancy"
                                                                 : "the start in the base year's demand (capacity.initial_waiting, capacity.acceptable_beds)";
    std::ostringstream m;
    m << "beds occupied on 1 January " << model.years.begin()->first << ": " << num(model.initial_residents) << " residents ("
      << (model.start == "observed_residents" ? "observed"
          : model.start == "occupancy_share"  ? "capacity.initial_occupancy x beds"
                                              : "the base year's demand: no occupancy stated")
      << "); the national default care use gives " << num(model.national_use_residents);
    if (stated && known(model.national_use_residents) && model.national_use_residents > 0)
      m << " (" << num(model.initial_residents / model.national_use_residents, 1) << " times): care use calibrated to the residents";
    add(FindingKind::base_fact, "start_use", "residents at the start", "persons", model.initial_residents,
        model.national_use_residents, "demand model", Verdict::agrees, m.str());
    auto it = model.years.begin();
    const ModelYear& y0 = it->second;
    const int first = it->first;
    std::advance(it, 2);
    const ModelYear& y2 = it->second;
    const double occupied = ratio(y2.occupied_beds, y0.occupied_beds) - 1, beds = ratio(y2.beds, y0.beds) - 1,
                 elders = ratio(y2.age_60_plus, y0.age_60_plus) - 1;
    if (!known(occupied) || !known(beds) || !known(elders)) return;
    if (std::abs(occupied) <= 0.10 || std::abs(beds) > 0.10 || std::abs(elders) > 0.10) return;
    std::ostringstream t;
    t << "occupied beds change by " << (occupied >= 0 ? "+" : "") << pct(occupied) << " from " << first << " to " << first + 2
      << " while beds (" << (beds >= 0 ? "+" : "") << pct(beds) << ") and people aged 60+ (" << (elders >= 0 ? "+" : "")
      << pct(elders) << ") do not: a start-up transient, not a finding; it comes from " << assumption;
    add(FindingKind::base_fact, "start_transient", "occupied beds, first two years", "beds", y0.occupied_beds,
        y2.occupied_beds, "model", Verdict::differs, t.str());
  }

  /// A plan's forecast against the projection.
  void forecast_line(const char* id, const std::string& figure, const Stated& stated, double modelled, const char* units,
                     bool share) {
    if (!stated || !known(modelled)) return;
    const bool agrees = relative_gap(modelled, *stated) <= kForecastTolerance;
    auto show = [&](double x) { return share ? pct(x) : num(x); };
    std::ostringstream m;
    m << figure << ": plan forecasts " << show(*stated) << ", the model projects " << show(modelled) << " ("
      << change(modelled, *stated) << ")";
    add(FindingKind::forecast, id, figure, units, *stated, modelled, "model", agrees ? Verdict::agrees : Verdict::differs, m.str());
  }

  void forecasts() {
    if (!plan.forecast) return;
    const PlanForecast& f = *plan.forecast;
    const ModelYear* y = model_year(model, f.year);
    if (!y) return;
    const std::string in = ", " + std::to_string(f.year);
    forecast_line("forecast_age_60_plus", "aged 60+" + in, f.age_60_plus, y->age_60_plus, "persons", false);
    forecast_line("forecast_share_60_plus", "share aged 60+" + in, f.share_60_plus, ratio(y->age_60_plus, y->population), "1",
                  true);
    const int first = plan.facts.year + 1;
    const ModelYear* start = model_year(model, first);
    if (start && f.year > first)
      forecast_line("forecast_age_60_plus_increase", "yearly increase of those aged 60+, " + std::to_string(first) + "-" +
                        std::to_string(f.year),
                    f.age_60_plus_increase_per_year, (y->age_60_plus - start->age_60_plus) / (f.year - first),
                    "persons per year", false);
    double births = 0;
    int years = 0;
    for (int year = first; year <= f.year; ++year)
      if (const ModelYear* m = model_year(model, year); m && known(m->births)) {
        births += m->births;
        ++years;
      }
    if (years > 0)
      forecast_line("forecast_births", "births a year, " + std::to_string(first) + "-" + std::to_string(f.year),
                    f.births_per_year, births / years, "births per year", false);
  }

  /// A target against the scenario's supply in the target year. An "at least" target
  /// (`at_least_within` set: the absolute rounding allowed, in the target's units) agrees when the
  /// supply reaches it; any other agrees within kForecastTolerance.
  void target_line(const char* id, const std::string& figure, const Stated& stated, double modelled, const char* units,
                   bool share, int decimals, std::optional<double> at_least_within) {
    if (!stated || !known(modelled)) return;
    const bool at_least = at_least_within.has_value();
    const bool agrees = at_least ? modelled >= *stated - *at_least_within
                                 : relative_gap(modelled, *stated) <= kForecastTolerance;
    auto show = [&](double x) { return share ? pct(x) : num(x, decimals); };
    std::ostringstream m;
    m << figure << ": plan targets " << (at_least ? "at least " : "") << show(*stated) << ", the scenario's supply gives "
      << show(modelled) << (agrees ? "" : at_least ? " (short of the target)" : " (" + change(modelled, *stated) + ")");
    add(FindingKind::target, id, figure, units, *stated, modelled, "model", agrees ? Verdict::agrees : Verdict::differs, m.str());
  }

  void targets() {
    if (!plan.targets) return;
    const PlanTargets& t = *plan.targets;
    const ModelYear* y = model_year(model, t.year);
    if (!y) return;
    const std::string in = ", " + std::to_string(t.year);
    target_line("target_beds", "elderly-care beds" + in, t.elderly_care_beds, y->beds, "beds", false, 0, std::nullopt);
    target_line("target_nursing_bed_share", "nursing-type bed share" + in, t.nursing_bed_share, ratio(y->nursing_beds, y->beds),
                "1", true, 1, 5e-5);
    target_line("target_beds_per_1000_elderly", "beds per 1,000 aged 60+" + in, t.beds_per_1000_elderly,
                1000.0 * ratio(y->beds, y->age_60_plus), "beds per 1,000 persons aged 60+", false, 1, std::nullopt);
    target_line("target_childcare_places", "childcare places" + in, t.childcare_places, y->childcare_places, "places", false, 0,
                0.5);
    target_line("target_childcare_places_per_1000_people", "childcare places per 1,000 people" + in,
                t.childcare_places_per_1000_people, 1000.0 * ratio(y->childcare_places, y->population),
                "places per 1,000 persons", false, 2, 0.005);
  }

  /// Beds and a beds-per-1,000-elderly rate imply an elderly count; the plan's forecast and the
  /// projection are held against it.
  void elderly_implied_by_bed_rate() {
    if (!plan.targets || !plan.targets->elderly_care_beds || !plan.targets->beds_per_1000_elderly) return;
    const PlanTargets& t = *plan.targets;
    if (*t.beds_per_1000_elderly <= 0) return;  // no implied figure (the loader refuses a rate of 0)
    const double implied = *t.elderly_care_beds / *t.beds_per_1000_elderly * 1000.0;
    const ModelYear* y = model_year(model, t.year);
    const double forecast = plan.forecast && plan.forecast->year == t.year
                                ? plan.forecast->age_60_plus.value_or(kNotModelled)
                                : kNotModelled;
    std::ostringstream m;
    m << num(*t.elderly_care_beds) << " beds at " << num(*t.beds_per_1000_elderly, 1) << " per 1,000 aged 60+ imply "
      << num(implied) << " aged 60+ in " << t.year;
    if (known(forecast)) {
      m << ", but the plan forecasts " << num(forecast);
      if (forecast > 0) m << " (" << num(*t.elderly_care_beds / forecast * 1000.0, 1) << " beds per 1,000)";
    }
    if (y && known(y->age_60_plus)) {
      m << "; the model projects " << num(y->age_60_plus);
      if (y->age_60_plus > 0) m << " (" << num(*t.elderly_care_beds / y->age_60_plus * 1000.0, 1) << " beds per 1,000)";
    }
    if (known(forecast)) {
      const bool contradicts = relative_gap(implied, forecast) > kContradictionTolerance;
      add(FindingKind::consistency, "elderly_implied_by_bed_rate", "aged 60+ implied by the bed targets", "persons", implied,
          forecast, "plan forecast", contradicts ? Verdict::contradiction : Verdict::agrees, m.str());
    } else if (y && known(y->age_60_plus)) {
      const bool differs = relative_gap(implied, y->age_60_plus) > kForecastTolerance;
      add(FindingKind::consistency, "elderly_implied_by_bed_rate", "aged 60+ implied by the bed targets", "persons", implied,
          y->age_60_plus, "model", differs ? Verdict::differs : Verdict::agrees, m.str());
    }
  }

  /// Base beds plus the stated addition against the total target, and the addition against the
  /// beds of the plan's own project list.
  void bed_additions() {
    if (!plan.targets) return;
    const PlanTargets& t = *plan.targets;
    const Stated& base = plan.facts.elderly_care_beds;
    if (base && t.elderly_care_beds && t.elderly_care_beds_added) {
      const double sum = *base + *t.elderly_care_beds_added;
      const bool adds_up = std::abs(sum - *t.elderly_care_beds) <= 0.5;
      add(FindingKind::consistency, "bed_target_arithmetic", "base beds + beds added", "beds", sum, *t.elderly_care_beds,
          "plan target", adds_up ? Verdict::agrees : Verdict::contradiction,
          num(*base) + " beds in " + std::to_string(plan.facts.year) + " + " + num(*t.elderly_care_beds_added) + " added = " +
              num(sum) + (adds_up ? ", the target" : ", not the target of " + num(*t.elderly_care_beds)));
    }
    Stated added = t.elderly_care_beds_added;
    if (!added && base && t.elderly_care_beds) added = *t.elderly_care_beds - *base;
    if (!added || !known(model.listed_beds_stated)) return;
    const bool contradicts = model.listed_beds_stated > *added * (1.0 + kContradictionTolerance);
    std::ostringstream m;
    m << "the plan adds " << num(*added) << " beds by " << t.year;
    if (base && t.elderly_care_beds) m << " (" << num(*base) << " to " << num(*t.elderly_care_beds) << ")";
    m << ", while its project list states " << num(model.listed_beds_stated) << " new or converted beds";
    if (known(model.listed_beds_derived) && model.listed_beds_derived > 0)
      m << " (and " << num(model.listed_beds_derived) << " more for projects stating no count, by their investment)";
    if (const ModelYear* y = model_year(model, t.year); y && known(y->beds))
      m << "; the scenario's supply in " << t.year << " has " << num(y->beds) << " beds";
    add(FindingKind::consistency, "bed_additions_vs_list", "beds added by the plan", "beds", *added, model.listed_beds_stated,
        "project list", contradicts ? Verdict::contradiction : Verdict::agrees, m.str());
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
    std::ostringstream m;
    m << num(*f.childcare_places) << " places at " << num(*f.childcare_places_per_1000_people, 2) << " per 1,000 people in "
      << f.year << " imply a population of " << num(implied) << "; the " << (plans ? "plan's" : "model's base")
      << " population is " << num(population) << " (" << change(implied, population) << ")";
    const bool contradicts = relative_gap(implied, population) > kContradictionTolerance;
    add(FindingKind::consistency, "population_implied_by_base_places", "population implied by the base-year places", "persons",
        implied, population, plans ? "plan population" : "model base",
        contradicts ? (plans ? Verdict::contradiction : Verdict::differs) : Verdict::agrees, m.str());
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
    std::ostringstream m;
    m << num(*f.age_60_plus) << " aged 60+ as " << pct(*f.share_60_plus) << " of the population in " << f.year
      << " imply a population of " << num(implied);
    if (plan.facts.population)
      m << " (" << change(implied, *plan.facts.population) << " from the plan's " << num(*plan.facts.population) << " in "
        << plan.facts.year << ")";
    m << "; the model projects " << num(y->population) << " (" << change(y->population, implied) << ")";
    const bool differs = relative_gap(implied, y->population) > kForecastTolerance;
    add(FindingKind::consistency, "population_implied_by_forecast", "population implied by the elderly forecast", "persons",
        implied, y->population, "model", differs ? Verdict::differs : Verdict::agrees, m.str());
  }

  /// Places and a places-per-1,000-people rate imply a population; the plan's and the model's are
  /// held against it.
  void population_implied_by_place_rate() {
    if (!plan.targets || !plan.targets->childcare_places || !plan.targets->childcare_places_per_1000_people) return;
    const PlanTargets& t = *plan.targets;
    if (*t.childcare_places_per_1000_people <= 0) return;  // no implied figure (the loader refuses a rate of 0)
    const double implied = *t.childcare_places / *t.childcare_places_per_1000_people * 1000.0;
    const Stated& population = plan.facts.population;
    std::ostringstream m;
    m << num(*t.childcare_places) << " places at " << num(*t.childcare_places_per_1000_people, 1)
      << " per 1,000 people imply a population of " << num(implied);
    if (population) m << "; the plan's population in " << plan.facts.year << " is " << num(*population);
    if (const ModelYear* y = model_year(model, t.year); y && known(y->population))
      m << "; the model projects " << num(y->population) << " in " << t.year;
    if (!population) return;
    const bool contradicts = relative_gap(implied, *population) > kContradictionTolerance;
    add(FindingKind::consistency, "population_implied_by_place_rate", "population implied by the childcare targets", "persons",
        implied, *population, "plan population", contradicts ? Verdict::contradiction : Verdict::agrees, m.str());
  }

  /// Places for children: the target's places per child under 3 in the base year and the target
  /// year, against the children enrolled and the places the demand model says families seek.
  void childcare_places_per_child() {
    if (!plan.targets) return;
    const PlanTargets& t = *plan.targets;
    const ModelYear* y = model_year(model, t.year);
    double places = t.childcare_places.value_or(kNotModelled);
    if (!known(places) && t.childcare_places_per_1000_people && y)
      places = *t.childcare_places_per_1000_people * y->population / 1000.0;
    if (!known(places)) return;
    const double children = plan.facts.age_0_2.value_or(model.base.age_0_2);
    if (!known(children) || children <= 0) return;  // no children: no places per child
    std::ostringstream m;
    m << num(places) << " places for " << num(children) << " children under 3 (" << plan.facts.year << ") is "
      << num(100.0 * places / children) << " places per 100 children";
    if (plan.facts.childcare_enrolled)
      m << "; " << num(*plan.facts.childcare_enrolled) << " were enrolled in " << plan.facts.year << " ("
        << num(100.0 * *plan.facts.childcare_enrolled / children) << " per 100)";
    double sought = kNotModelled;
    if (y && known(y->age_0_2)) {
      m << "; the model projects " << num(y->age_0_2) << " children in " << t.year;
      if (y->age_0_2 > 0.0) m << " (" << num(100.0 * places / y->age_0_2) << " places per 100)";
      sought = y->childcare_places_sought;
      if (known(sought) && sought <= 0.0)
        m << ", whose families seek no place by the demand model";
      else if (known(sought))
        m << ", whose families seek " << num(sought) << " places by the demand model (the target is " << change(places, sought)
          << " of that)";
    }
    if (t.childcare_places_per_1000_people)
      m << "; the target is set per 1,000 people (" << num(*t.childcare_places_per_1000_people, 1)
        << "), not per child, so its coverage of children follows the age structure";
    // No children or no demand left in the target year: every place is idle, a difference.
    const bool differs = known(sought) && (sought <= 0.0 ? places > 0.0 : relative_gap(places, sought) > kForecastTolerance);
    // Held against the places sought per child; without a demand model, against the children
    // enrolled (plan); without either, there is nothing to hold it against.
    const bool demand = known(sought) && y->age_0_2 > 0.0;
    if (!demand && !plan.facts.childcare_enrolled) return;
    add(FindingKind::consistency, "childcare_places_per_child", "childcare places per child under 3", "places per child",
        places / children, demand ? sought / y->age_0_2 : *plan.facts.childcare_enrolled / children,
        demand ? "model demand" : "plan enrolled", differs ? Verdict::differs : Verdict::agrees, m.str());
  }
};

}  // namespace

std::vector<PlanFinding> check_plan(const PlanStatement& plan, const ModelFigures& model) {
  Checker c{plan, model, {}};
  c.base_facts();
  c.start_use();
  c.forecasts();
  c.targets();
  c.population_implied_by_base_places();
  c.population_implied_by_forecast();
  c.elderly_implied_by_bed_rate();
  c.bed_additions();
  c.population_implied_by_place_rate();
  c.childcare_places_per_child();
  return c.findings;
}

const char* verdict_name(Verdict verdict) {
  switch (verdict) {
    case Verdict::agrees: return "agrees";
    case Verdict::differs: return "differs";
    case Verdict::contradiction: return "CONTRADICTION";
  }
  return "?";
}

}  // namespace carecap::plan
