// carecap. SPDX-License-Identifier: MIT
#include "tools/run/PlanFindingText.hpp"

#include <cmath>
#include <map>

#include "sim/NumberText.hpp"
#include "text/TextArg.hpp"

namespace carecap::tools {
namespace {

using plan::PlanFinding;
using text::Text;
using text::TextArg;
using text::same;

Text& operator+=(Text& a, const Text& b) {
  a.zh += b.zh;
  a.en += b.en;
  return a;
}

/// A figure the finding holds by name, NaN when it does not (it is then left out of the sentence).
double value(const PlanFinding& f, const char* name) {
  const auto at = f.values.find(name);
  return at == f.values.end() ? std::nan("") : at->second;
}
bool has(const PlanFinding& f, const char* name) { return f.values.count(name) != 0; }

Text num(double x, int decimals = 0) { return same(sim::grouped(x, decimals)); }
Text year_of(double year) { return same(std::to_string(static_cast<int>(year))); }
/// "+2.9%", "-14.3%"; a change that rounds to nothing is "+0.0%", whatever the sign of its rounding error.
Text signed_percent(double fraction) {
  const std::string shown = sim::percent(fraction);
  return same(shown.front() == '-' ? shown : "+" + shown);
}
Text change(double x, double reference) { return same(sim::percent_change(x, reference)); }

/// The difference of two shares in percentage points, signed: "-10.8个百分点", "-10.8 percentage points".
Text points(double share, double reference) {
  const double d = 100.0 * (share - reference);
  return text::both("plan.points", {TextArg{"n", same((d >= 0 ? "+" : "") + sim::grouped(d, 1))}});
}

/// A figure with its units as a sentence shows it: shares as percentages, counts with 人/张/个 in Chinese.
Text amount(double x, const std::string& units, int decimals) {
  if (units == "1") return same(sim::percent(x, decimals));
  const Text n = num(x, decimals);
  if (units == "persons" || units == "persons per year" || units == "births per year")
    return text::both("plan.amount.persons", {TextArg{"n", n}});
  if (units == "beds") return text::both("plan.amount.beds", {TextArg{"n", n}});
  if (units == "places") return text::both("plan.amount.places", {TextArg{"n", n}});
  return n;  // a rate: the sentence names what it is per
}

/// Decimals a finding's figures are shown with: rates per 1,000 with one or two, shares with two
/// at the base (reproduced exactly) and one elsewhere, counts whole.
int decimals_of(const PlanFinding& f) {
  if (f.id == "childcare_places_per_1000_people" || f.id == "target_childcare_places_per_1000_people") return 2;
  if (f.id == "target_beds_per_1000_elderly") return 1;
  if (f.units == "1") return f.kind == plan::FindingKind::base_fact ? 2 : 1;
  return 0;
}

Text base_fact(const PlanFinding& f) {
  const int d = decimals_of(f);
  return text::both("plan.check.base_fact",
                    {{"figure", plan_figure_text(f.id)}, {"year", year_of(f.year)}, {"plan", amount(f.plan, f.units, d)},
                     {"model", amount(f.other, f.units, d)},
                     {"verdict", f.verdict == plan::Verdict::agrees ? text::both("plan.check.reproduced")
                                                                   : text::both("plan.check.not_reproduced")}});
}

Text start_how(const std::string& basis) {
  if (basis == "observed_residents") return text::both("plan.start.how.observed_residents");
  if (basis == "occupancy_share") return text::both("plan.start.how.occupancy_share");
  return text::both("plan.start.how.demand_steady_state");
}

Text start_cause(const std::string& basis) {
  if (basis == "observed_residents") return text::both("plan.start.cause.observed_residents");
  if (basis == "occupancy_share") return text::both("plan.start.cause.occupancy_share");
  return text::both("plan.start.cause.demand_steady_state");
}

Text start_use(const PlanFinding& f) {
  Text out = text::both("plan.check.start_use", {{"first_year", year_of(value(f, "first_year"))}, {"residents", num(f.plan)},
                                                 {"how", start_how(f.basis)}, {"national", num(f.other)}});
  if (has(f, "times")) out += text::both("plan.check.start_calibrated", {TextArg{"times", num(value(f, "times"), 1)}});
  return out;
}

Text start_transient(const PlanFinding& f) {
  const double first = value(f, "first_year");
  return text::both("plan.check.start_transient",
                    {{"occupied", signed_percent(value(f, "occupied_change"))}, {"first_year", year_of(first)},
                     {"third_year", year_of(first + 2)}, {"beds", signed_percent(value(f, "beds_change"))},
                     {"elders", signed_percent(value(f, "elders_change"))}, {"cause", start_cause(f.basis)}});
}

Text childcare_start_transient(const PlanFinding& f) {
  const double first = value(f, "first_year");
  Text out = text::both("plan.check.childcare_start_transient",
                        {{"stated", num(f.plan)}, {"first_year", year_of(first)}, {"model", num(f.other)},
                         {"third_year", year_of(first + 2)}, {"enrolled", signed_percent(value(f, "enrolled_change"))},
                         {"places", signed_percent(value(f, "places_change"))},
                         {"children", signed_percent(value(f, "children_change"))}});
  out += has(f, "wish_rate")
             ? text::both("plan.check.childcare_start_cause", {TextArg{"rate", same(sim::percent(value(f, "wish_rate")))}})
             : text::both("plan.check.childcare_start_cause_unknown");
  if (has(f, "sought"))
    out += text::both("plan.check.childcare_start_sought", {{"third_year", year_of(first + 2)}, {"sought", num(value(f, "sought"))}});
  return out;
}

Text forecast(const PlanFinding& f) {
  const int d = decimals_of(f);
  const std::string years = has(f, "from") ? std::to_string(static_cast<int>(value(f, "from"))) + "-" + std::to_string(f.year)
                                           : std::to_string(f.year);
  return text::both("plan.check.forecast",
                    {{"figure", plan_figure_text(f.id)}, {"years", same(years)}, {"plan", amount(f.plan, f.units, d)},
                     {"model", amount(f.other, f.units, d)},
                     {"change", f.units == "1" ? points(f.other, f.plan) : change(f.other, f.plan)}});
}

/// How a target compares: met (at least), short (by so many points for a share), or the change.
Text target_verdict(const PlanFinding& f) {
  const bool share = f.units == "1";
  if (f.verdict == plan::Verdict::agrees) return f.at_least ? text::both("plan.check.target_met") : Text{"", ""};
  if (f.at_least)
    return share ? text::both("plan.check.short_by", {TextArg{"change", points(f.other, f.plan)}}) : text::both("plan.check.short");
  return text::both("plan.check.change", {TextArg{"change", share ? points(f.other, f.plan) : change(f.other, f.plan)}});
}

Text target(const PlanFinding& f) {
  const Text verdict = target_verdict(f);
  const int d = decimals_of(f);
  const std::initializer_list<TextArg> args{{"figure", plan_figure_text(f.id)}, {"year", year_of(f.year)},
                                            {"plan", amount(f.plan, f.units, d)}, {"supply", amount(f.other, f.units, d)},
                                            {"verdict", verdict}};
  return f.at_least ? text::both("plan.check.target_at_least", args) : text::both("plan.check.target", args);
}

Text projects_open_after_target(const PlanFinding& f) {
  const double beds = value(f, "beds"), places = value(f, "places");
  const Text b = num(beds), p = num(places);
  const Text what = beds > 0 && places > 0 ? text::both("plan.check.late_beds_places", {{"beds", b}, {"places", p}})
                    : beds > 0             ? text::both("plan.check.late_beds", {TextArg{"beds", b}})
                    : places > 0           ? text::both("plan.check.late_places", {TextArg{"places", p}})
                                           : Text{"", ""};
  return text::both("plan.check.late", {{"count", num(f.plan)}, {"dated", num(f.other)}, {"year", year_of(f.year)},
                                         {"what", what}, {"lag", num(value(f, "lag"))}});
}

Text elderly_implied_by_bed_rate(const PlanFinding& f) {
  const double beds = value(f, "beds");
  Text out = text::both("plan.check.elderly_implied", {{"beds", num(beds)}, {"rate", num(value(f, "rate"), 1)},
                                                       {"implied", num(f.plan)}, {"year", year_of(f.year)}});
  auto per_1000 = [&](double elders) {
    return elders > 0 ? text::both("plan.check.beds_per_1000", {TextArg{"rate", num(beds / elders * 1000.0, 1)}}) : Text{"", ""};
  };
  if (has(f, "forecast")) {
    out += text::both("plan.check.elderly_implied_forecast", {TextArg{"forecast", num(value(f, "forecast"))}});
    out += per_1000(value(f, "forecast"));
  }
  if (has(f, "model")) {
    out += text::both("plan.check.elderly_implied_model", {TextArg{"model", num(value(f, "model"))}});
    out += per_1000(value(f, "model"));
  }
  return out;
}

Text bed_target_arithmetic(const PlanFinding& f) {
  const std::initializer_list<TextArg> args{{"base", num(value(f, "base"))},      {"facts_year", year_of(value(f, "facts_year"))},
                                            {"added", num(value(f, "added"))},    {"year", year_of(f.year)},
                                            {"sum", num(f.plan)},                 {"target", num(f.other)}};
  return f.verdict == plan::Verdict::agrees ? text::both("plan.check.bed_arithmetic", args)
                                            : text::both("plan.check.bed_arithmetic_off", args);
}

Text bed_additions_vs_list(const PlanFinding& f) {
  Text out = text::both("plan.check.additions", {{"added", num(f.plan)}, {"year", year_of(f.year)}});
  if (has(f, "base") && has(f, "target"))
    out += text::both("plan.check.additions_from_to", {{"base", num(value(f, "base"))}, {"target", num(value(f, "target"))}});
  out += text::both("plan.check.additions_list", {TextArg{"listed", num(f.other)}});
  if (has(f, "derived")) out += text::both("plan.check.additions_derived", {TextArg{"derived", num(value(f, "derived"))}});
  if (has(f, "supply"))
    out += text::both("plan.check.additions_supply", {{"year", year_of(f.year)}, {"supply", num(value(f, "supply"))}});
  return out;
}

Text population_implied_by_base_places(const PlanFinding& f) {
  const std::initializer_list<TextArg> args{{"places", num(value(f, "places"))}, {"rate", num(value(f, "rate"), 2)},
                                            {"year", year_of(f.year)},           {"implied", num(f.plan)},
                                            {"population", num(f.other)},        {"change", change(f.plan, f.other)}};
  return f.other_label == "plan population" ? text::both("plan.check.base_places_plan", args)
                                            : text::both("plan.check.base_places_model", args);
}

Text population_implied_by_forecast(const PlanFinding& f) {
  Text out = text::both("plan.check.forecast_population", {{"elders", num(value(f, "elders"))},
                                                           {"share", same(sim::percent(value(f, "share")))},
                                                           {"year", year_of(f.year)}, {"implied", num(f.plan)}});
  if (has(f, "population"))
    out += text::both("plan.check.forecast_population_plan",
                      {{"change", change(f.plan, value(f, "population"))}, {"population", num(value(f, "population"))},
                       {"facts_year", year_of(value(f, "facts_year"))}});
  out += text::both("plan.check.forecast_population_model", {{"model", num(f.other)}, {"change", change(f.other, f.plan)}});
  return out;
}

Text population_implied_by_place_rate(const PlanFinding& f) {
  Text out = text::both("plan.check.place_rate_population", {{"places", num(value(f, "places"))},
                                                             {"rate", num(value(f, "rate"), 1)},
                                                             {"year", year_of(f.year)}, {"implied", num(f.plan)}});
  out += text::both("plan.check.place_rate_plan", {{"facts_year", year_of(value(f, "facts_year"))}, {"population", num(f.other)}});
  if (has(f, "model"))
    out += text::both("plan.check.place_rate_model", {{"model", num(value(f, "model"))}, {"year", year_of(f.year)}});
  return out;
}

Text childcare_places_per_child(const PlanFinding& f) {
  const double places = value(f, "places"), children = value(f, "children");
  const Text facts_year = year_of(value(f, "facts_year"));
  Text out = text::both("plan.check.places_per_child", {{"year", year_of(f.year)}, {"places", num(places)},
                                                        {"children", num(children)}, {"facts_year", facts_year},
                                                        {"per_100", num(100.0 * f.plan)}});
  if (has(f, "enrolled"))
    out += text::both("plan.check.places_per_child_enrolled",
                      {{"enrolled", num(value(f, "enrolled"))}, {"facts_year", facts_year},
                       {"per_100", num(100.0 * value(f, "enrolled") / children)}});
  if (has(f, "children_model")) {
    const double projected = value(f, "children_model");
    out += text::both("plan.check.places_per_child_model", {{"children", num(projected)}, {"year", year_of(f.year)}});
    if (projected > 0.0)
      out += text::both("plan.check.places_per_child_model_rate", {TextArg{"per_100", num(100.0 * places / projected)}});
    if (has(f, "sought")) {
      const double sought = value(f, "sought");
      out += sought <= 0.0 ? text::both("plan.check.places_per_child_none_sought")
                           : text::both("plan.check.places_per_child_sought",
                                        {{"sought", num(sought)}, {"change", change(places, sought)}});
    }
  }
  if (has(f, "rate")) out += text::both("plan.check.places_per_child_rule", {TextArg{"rate", num(value(f, "rate"), 1)}});
  return out;
}

/// A workforce figure as its sentence shows it: shares in percent, counts whole, a rate with one
/// decimal where it has one; person-times with their unit.
Text workforce_amount(double x, const std::string& units) {
  const bool whole = std::abs(x - std::round(x)) < 1e-9;
  if (units == "1") return same(sim::percent(x, std::abs(100 * x - std::round(100 * x)) < 1e-9 ? 0 : 1));
  if (units == "person-times") return text::both("plan.workforce.amount.person_times", {TextArg{"n", num(x)}});
  if (units == "persons") return text::both("plan.workforce.amount.persons", {TextArg{"n", num(x)}});
  return num(x, units == "persons" || whole ? 0 : 1);
}

/// The plan's target as stated: "at least" when it says so.
Text workforce_target(const PlanFinding& f, double value) {
  const Text n = workforce_amount(value, f.units);
  return f.at_least ? text::both("plan.workforce.at_least", {TextArg{"n", n}}) : n;
}

Text quoted(const std::string& quote) {
  return quote.empty() ? Text{"", ""} : text::both("plan.workforce.quote", {TextArg{"quote", same(quote)}});
}

Text workforce(const PlanFinding& f) {
  const std::string& id = f.id;
  const Text figure = plan_figure_text(id), year = year_of(f.year), quote = quoted(f.quote);
  if (id == "workforce_target_contradiction")
    return text::both("plan.workforce.contradiction",
                      {{"figure", plan_figure_text("workforce_" + f.basis)}, {"year", year},
                       {"plan", workforce_amount(f.plan, f.units)}, {"quote", quote},
                       {"other", workforce_amount(f.other, f.units)}, {"other_quote", quoted(f.other_quote)}});
  const bool social = id.rfind("workforce_social_workers", 0) == 0;
  if (social) {
    const Text rate = workforce_amount(value(f, "rate"), "rate");
    const Text target = f.at_least ? text::both("plan.workforce.at_least", {TextArg{"n", rate}}) : rate;
    if (has(f, "elders"))
      return text::both("plan.workforce.social_elders", {{"figure", figure}, {"year", year},
                                                         {"per", text::both(value(f, "per") == 1000.0 ? "plan.workforce.per_1000"
                                                                                                       : "plan.workforce.per_10000")},
                                                         {"target", target}, {"quote", quote},
                                                         {"elders", num(value(f, "elders"))}, {"implied", num(f.plan)}});
    if (has(f, "beds"))
      return text::both("plan.workforce.social_beds", {{"figure", figure}, {"year", year}, {"target", target}, {"quote", quote},
                                                       {"beds", num(value(f, "beds"))}, {"implied", num(f.plan)}});
  }
  const Text target = workforce_target(f, social ? value(f, "rate") : f.plan);
  const bool modelled = !std::isnan(f.other);
  if (!modelled) {
    const bool compared = social || id == "workforce_certified_care_workers_per_10000_elderly" ||
                          id.rfind("workforce_senior_grade", 0) == 0 || id == "workforce_care_workers_trained" ||
                          id == "workforce_professional_care_staff" || id == "workforce_childcare_professionals";
    return text::both(social     ? "plan.workforce.social_no_model"
                      : compared ? "plan.workforce.no_figures"
                                 : "plan.workforce.not_modelled",
                      {{"figure", figure}, {"year", year}, {"target", target}, {"quote", quote}});
  }
  const Text verdict = target_verdict(f);
  const Text model = workforce_amount(f.other, f.units);
  if (id == "workforce_certified_care_workers_per_10000_elderly") {
    Text out = text::both("plan.workforce.certified",
                          {{"figure", figure}, {"year", year}, {"target", target}, {"quote", quote}, {"supply", num(f.other, 1)},
                           {"certified", num(value(f, "certified"))}, {"elders", num(value(f, "elders"))}, {"verdict", verdict}});
    if (has(f, "need_rate"))
      out += text::both("plan.workforce.certified_need",
                        {{"needed", num(value(f, "needed"))}, {"share", same(sim::percent(value(f, "certified_share")))},
                         {"need_rate", num(value(f, "need_rate"), 1)}});
    return out;
  }
  if (id.rfind("workforce_senior_grade", 0) == 0) {
    Text out = text::both("plan.workforce.senior", {{"figure", figure}, {"year", year}, {"target", target}, {"quote", quote},
                                                    {"assumed", same(sim::percent(f.other))}, {"verdict", verdict}});
    if (id == "workforce_senior_grade_share_of_care_workers")
      out += text::both("plan.workforce.senior_of_workers", {{"certified_share", same(sim::percent(value(f, "certified_share")))},
                                                             {"senior_share", same(sim::percent(value(f, "senior_share")))}});
    if (has(f, "senior"))
      out += text::both("plan.workforce.senior_workers", {{"year", year}, {"senior", num(value(f, "senior"))}});
    return out;
  }
  if (id == "workforce_care_workers_trained")
    return text::both("plan.workforce.trained",
                      {{"figure", figure}, {"year", year}, {"target", target}, {"quote", quote}, {"model", model}, {"verdict", verdict}});
  if (id == "workforce_professional_care_staff") {
    Text out = text::both("plan.workforce.staff", {{"figure", figure}, {"year", year}, {"target", target}, {"quote", quote},
                                                   {"model", model}, {"verdict", verdict}});
    if (has(f, "needed")) {
      out += text::both("plan.workforce.staff_need", {TextArg{"needed", num(value(f, "needed"))}});
      if (value(f, "needed") > f.other + 0.5)
        out += text::both("plan.workforce.staff_gap", {TextArg{"gap", num(value(f, "needed") - f.other)}});
    }
    return out;
  }
  // childcare_professionals
  const Text enrolled = has(f, "enrolled")
                            ? text::both("plan.workforce.childcare_enrolled", {TextArg{"enrolled", num(value(f, "enrolled"))}})
                            : Text{"", ""};
  return text::both("plan.workforce.childcare", {{"figure", figure}, {"year", year}, {"target", target}, {"quote", quote},
                                                 {"model", model}, {"enrolled", enrolled}, {"verdict", verdict}});
}

/// A finding of an id this version does not word: its figure, year and two figures.
Text other(const PlanFinding& f) {
  const int d = f.units == "1" ? 1 : std::abs(f.plan) >= 100 ? 0 : 2;
  return text::both("plan.check.other", {{"figure", plan_figure_text(f.id)}, {"year", year_of(f.year)},
                                         {"plan", amount(f.plan, f.units, d)}, {"other", amount(f.other, f.units, d)}});
}

}  // namespace

Text plan_figure_text(const std::string& id) {
  static const std::map<std::string, Text> figures = [] {
    std::map<std::string, Text> out;
    for (const text::Entry& e : text::entries_under("plan.figure")) out[e.id.substr(std::string("plan.figure.").size())] = e.text;
    return out;
  }();
  const auto at = figures.find(id);
  return at == figures.end() ? same(id) : at->second;
}

Text plan_verdict_word(plan::Verdict verdict) {
  switch (verdict) {
    case plan::Verdict::agrees: return text::both("plan.print.verdict.agrees");
    case plan::Verdict::differs: return text::both("plan.print.verdict.differs");
    case plan::Verdict::contradiction: return text::both("plan.print.verdict.contradiction");
    case plan::Verdict::not_modelled: return text::both("plan.print.verdict.not_modelled");
  }
  return same("?");
}

Text plan_finding_text(const PlanFinding& f) {
  Text out;
  using Kind = plan::FindingKind;
  if (f.kind == plan::FindingKind::workforce) out = workforce(f);
  else if (f.id == "start_use") out = start_use(f);
  else if (f.id == "start_transient") out = start_transient(f);
  else if (f.id == "childcare_start_transient") out = childcare_start_transient(f);
  else if (f.id == "projects_open_after_target") out = projects_open_after_target(f);
  else if (f.kind == Kind::base_fact) out = base_fact(f);
  else if (f.kind == Kind::forecast) out = forecast(f);
  else if (f.kind == Kind::target) out = target(f);
  else if (f.id == "elderly_implied_by_bed_rate") out = elderly_implied_by_bed_rate(f);
  else if (f.id == "bed_target_arithmetic") out = bed_target_arithmetic(f);
  else if (f.id == "bed_additions_vs_list") out = bed_additions_vs_list(f);
  else if (f.id == "population_implied_by_base_places") out = population_implied_by_base_places(f);
  else if (f.id == "population_implied_by_forecast") out = population_implied_by_forecast(f);
  else if (f.id == "population_implied_by_place_rate") out = population_implied_by_place_rate(f);
  else if (f.id == "childcare_places_per_child") out = childcare_places_per_child(f);
  else out = other(f);
  return out;
}

}  // namespace carecap::tools
