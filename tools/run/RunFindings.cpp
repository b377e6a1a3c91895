// carecap. SPDX-License-Identifier: MIT
#include "tools/run/RunFindings.hpp"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <limits>
#include <sstream>

#include "models/supply/BaseYearSupply.hpp"
#include "sim/NumberText.hpp"
#include "text/Catalogue.hpp"
#include "text/TextArg.hpp"
#include "tools/run/ResultLookup.hpp"

namespace carecap::tools {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::string num(double x, int decimals = 0) { return sim::grouped(x, decimals); }

std::string year_of(int year) { return std::to_string(year); }

/// The values of a run, means of the replications.
struct Run {
  const std::vector<std::vector<ResultGroup>>& reps;

  /// A series in `year`, summed over its other dimensions or only over `label` of its second.
  double at(const char* group, const char* series, int year, const char* label = nullptr) const {
    ResultQuery query{group, series, "", {}};
    if (label) {
      const ResultGroup* g = find_group(reps.front(), group);
      const ResultSeries* s = g ? find_series(*g, series) : nullptr;
      if (!s || s->dimensions.size() < 2) return kNaN;
      query.label_dimension = s->dimensions[1];
      query.labels = {label};
    }
    return mean_in(reps, query, year);
  }

  /// The sum of `count` values of a series from flat index `from`, mean of the replications (NaN when absent).
  double total(const char* group, const char* series, std::size_t from = 0,
               std::size_t count = std::numeric_limits<std::size_t>::max()) const {
    return mean_total_in(reps, group, series, from, count);
  }

  std::string text(const char* group, const char* name) const {
    const ResultGroup* g = find_group(reps.front(), group);
    if (!g) return "";
    for (const auto& t : g->text_series)
      if (t.name == name && !t.values.empty()) return t.values.front();
    return "";
  }
};

/// How the beds started and what care use the demand rests on (the terminal's Start line).
struct CareUse {
  std::string start;       // observed_residents, occupancy_share, demand_steady_state; "" without capacity
  double residents = kNaN;  // in beds on 1 January of the first year
  double elders = kNaN;     // aged 60+, 1 July of the first year
  double national = kNaN;   // beds the national default care use seeks in the first year
  [[nodiscard]] double residents_share() const { return elders > 0 ? 100.0 * residents / elders : 0.0; }
  [[nodiscard]] double national_share() const { return elders > 0 ? 100.0 * national / elders : 0.0; }
  [[nodiscard]] double ratio() const { return national > 0 ? residents / national : 0.0; }
  [[nodiscard]] bool calibrated() const { return !start.empty() && start != "demand_steady_state"; }
};

CareUse care_use(const Run& run, int first) {
  CareUse use;
  use.start = run.text("capacity", "start");
  if (use.start.empty()) return use;
  use.residents = run.total("capacity", "n_initial_residents");
  use.elders = run.at("", "n_age_60_plus", first);
  use.national = run.total("capacity", "n_beds_needed_national_use");
  return use;
}

/// The assumption the demand for beds rests on, in both languages.
text::Text demand_assumption(const CareUse& use) {
  const text::Args args{{"national", num(use.national_share(), 2)}, {"ratio", num(use.ratio(), 1)}};
  return text::both(use.calibrated() ? "findings.assumption.calibrated" : "findings.assumption.national", args);
}

/// Sets the finding's sentences.
void say(RunFinding& f, const text::Text& words) {
  f.zh = words.zh;
  f.en = words.en;
}

/// Appends words to the finding's sentences.
void add(RunFinding& f, const text::Text& words) {
  f.zh += words.zh;
  f.en += words.en;
}

RunFinding population(const Run& run, int first, int mid, int last) {
  RunFinding f{"population", {}, "", ""};
  const double e0 = run.at("", "n_age_60_plus", first), e1 = run.at("", "n_age_60_plus", mid),
               e2 = run.at("", "n_age_60_plus", last), share = run.at("", "share_age_60_plus", last),
               c0 = run.at("", "n_age_0_2", first), c1 = run.at("", "n_age_0_2", mid);
  f.numbers = {{"n_age_60_plus", e0, "persons", first}, {"n_age_60_plus", e1, "persons", mid},
               {"n_age_60_plus", e2, "persons", last},  {"share_age_60_plus", share, "percent", last},
               {"n_age_0_2", c0, "persons", first},     {"n_age_0_2", c1, "persons", mid}};
  say(f, text::both("findings.population", {{"first", year_of(first)}, {"mid", year_of(mid)}, {"last", year_of(last)},
                                            {"e0", num(e0)}, {"e1", num(e1)}, {"e2", num(e2)}, {"share", num(share, 1)},
                                            {"c0", num(c0)}, {"c1", num(c1)}}));
  return f;
}

RunFinding beds(const Run& run, const CareUse& use, int mid) {
  RunFinding f{"beds", {}, "", ""};
  const double open = run.at("capacity", "n_beds", mid), occupied = run.at("capacity", "n_occupied_beds", mid),
               waiting = run.at("capacity", "n_waiting", mid),
               supplied = run.at("demand", "beds_per_1000_elderly", mid, "supply"),
               sought = run.at("demand", "beds_per_1000_elderly", mid, "demand");
  const double idle = open > 0 ? 100.0 * (open - occupied) / open : 0.0;
  f.numbers = {{"n_beds", open, "beds", mid},
               {"n_occupied_beds", occupied, "beds", mid},
               {"idle_share", idle, "percent", mid},
               {"n_waiting", waiting, "persons", mid},
               {"beds_per_1000_elderly_supply", supplied, "beds per 1,000 persons aged 60+", mid},
               {"beds_per_1000_elderly_demand", sought, "beds per 1,000 persons aged 60+", mid},
               {"care_use_share", use.national_share(), "percent", 0}};
  using text::same;
  say(f, text::both("findings.beds", {{"year", same(year_of(mid))}, {"open", same(num(open))},
                                      {"occupied", same(num(occupied))}, {"idle", same(num(idle))},
                                      {"waiting", same(num(waiting))}, {"supplied", same(num(supplied, 1))},
                                      {"sought", same(num(sought, 1))}, {"assumption", demand_assumption(use)}}));
  return f;
}

/// The care workers employed against those needed in `mid` and `last` (the [workforce] supply).
RunFinding care_workers(const Run& run, int mid, int last) {
  RunFinding f{"care_workers", {}, "", ""};
  const double e1 = run.at("workforce", "n_care_workers", mid), n1 = run.at("workforce", "n_care_workers_needed", mid),
               e2 = run.at("workforce", "n_care_workers", last), n2 = run.at("workforce", "n_care_workers_needed", last),
               s1 = run.at("workforce", "n_care_worker_shortage", mid), s2 = run.at("workforce", "n_care_worker_shortage", last),
               trained = run.at("workforce", "cum_care_workers_trained", last);
  f.numbers = {{"n_care_workers", e1, "persons", mid},        {"n_care_workers_needed", n1, "persons", mid},
               {"n_care_workers", e2, "persons", last},       {"n_care_workers_needed", n2, "persons", last},
               {"n_care_worker_shortage", s1, "persons", mid},  {"n_care_worker_shortage", s2, "persons", last},
               {"cum_care_workers_trained", trained, "persons", last}};
  // The towns' shortage where there is one (one town's surplus does not cover another's), else
  // the surplus; in whole persons as the sentence shows them.
  const auto balance = [](double employed, double needed, double shortage) {
    if (std::round(shortage) > 0) return text::both("findings.care_workers_shortage", {{"gap", text::same(num(shortage))}});
    const double surplus = std::round(employed) - std::round(needed);
    if (surplus > 0) return text::both("findings.care_workers_surplus", {{"gap", text::same(num(surplus))}});
    return text::both("findings.care_workers_balanced");
  };
  using text::same;
  say(f, text::both("findings.care_workers", {{"mid", same(year_of(mid))}, {"last", same(year_of(last))},
                                              {"e1", same(num(e1))}, {"n1", same(num(n1))}, {"b1", balance(e1, n1, s1)},
                                              {"e2", same(num(e2))}, {"n2", same(num(n2))}, {"b2", balance(e2, n2, s2)},
                                              {"trained", same(num(trained))}}));
  return f;
}

/// Money over the simulated years (the group `money`, scenario [money]): capital, operating cost,
/// subsidies, public spending and the public cost per person served; with long-term-care insurance,
/// the insured and the fund's outlay in the last year.
RunFinding money(const Run& run, const std::vector<int>& years) {
  RunFinding f{"money", {}, "", ""};
  const int first = years.front(), last = years.back();
  const double capital = run.total("money", "new_capital_cost_wan_yuan"), operating = run.total("money", "new_operating_cost_wan_yuan"),
               subsidy = run.total("money", "new_subsidy_wan_yuan"), spending = run.total("money", "new_public_spending_wan_yuan"),
               served = run.total("money", "new_persons_served");
  const double per_person = served > 0 ? spending * 1e4 / served : kNaN;
  f.numbers = {{"new_capital_cost_wan_yuan", capital, "10,000 yuan", last},   {"new_operating_cost_wan_yuan", operating, "10,000 yuan", last},
               {"new_subsidy_wan_yuan", subsidy, "10,000 yuan", last},        {"new_public_spending_wan_yuan", spending, "10,000 yuan", last},
               {"new_persons_served", served, "persons", last},               {"public_cost_per_person_served_yuan", per_person, "yuan per person served", last}};
  using text::same;
  say(f, text::both("findings.money", {{"first", same(year_of(first))}, {"last", same(year_of(last))}, {"capital", same(num(capital))},
                                       {"operating", same(num(operating))}, {"subsidy", same(num(subsidy, 1))},
                                       {"public", same(num(spending))}, {"served", same(num(served))},
                                       {"per_person", same(num(per_person))}}));
  const double insured = run.at("money", "n_ltc_insured", last);
  if (std::isnan(insured)) return f;
  const double outlay = run.at("money", "new_ltc_outlay_wan_yuan", last), per_insured = run.at("money", "ltc_outlay_per_insured_yuan", last);
  f.numbers.push_back({"n_ltc_insured", insured, "persons", last});
  f.numbers.push_back({"new_ltc_outlay_wan_yuan", outlay, "10,000 yuan per year", last});
  f.numbers.push_back({"ltc_outlay_per_insured_yuan", per_insured, "yuan per insured person per year", last});
  add(f, text::both("findings.money_ltc", {{"last", same(year_of(last))}, {"insured", same(num(insured))},
                                           {"outlay", same(num(outlay))}, {"per_insured", same(num(per_insured))}}));
  return f;
}

RunFinding childcare(const Run& run, int mid) {
  RunFinding f{"childcare", {}, "", ""};
  const double places = run.at("childcare_capacity", "n_places", mid), children = run.at("", "n_age_0_2", mid),
               sought = run.at("demand", "n_childcare_places_wanted", mid),
               used = run.at("demand", "place_utilisation", mid, "supply"),
               unserved = run.at("childcare_capacity", "new_gave_up", mid),
               affordable = run.at("demand", "affordable_place_share", mid, "supply");
  const double per_100 = children > 0 ? 100.0 * places / children : 0.0;
  f.numbers = {{"n_places", places, "places", mid},          {"n_age_0_2", children, "persons", mid},
               {"places_per_100_children", per_100, "places per 100 persons", mid},
               {"n_places_sought", sought, "places", mid},    {"place_utilisation", used, "percent", mid},
               {"new_gave_up", unserved, "persons per year", mid}, {"affordable_place_share", affordable, "percent", mid}};
  say(f, text::both("findings.childcare",
                    {{"year", year_of(mid)}, {"places", num(places)}, {"children", num(children)}, {"per_100", num(per_100)},
                     {"sought", num(sought)}, {"used", num(used)}, {"unserved", num(unserved)}, {"affordable", num(affordable)}}));
  return f;
}

/// The plan's target and the scenario's supply after a per-1,000 finding's head, from the
/// entries under `prefix` (findings.plan_beds or findings.plan_places: .target, .supplied,
/// .supplied_after_target); a figure that is NaN (not stated, not simulated) is left out.
void add_target_and_supply(RunFinding& f, const std::string& prefix, double target, double supplied) {
  if (!std::isnan(target)) add(f, text::both(prefix + ".target", {{"target", num(target)}}));
  if (!std::isnan(supplied))
    add(f, text::both(prefix + (std::isnan(target) ? ".supplied" : ".supplied_after_target"), {{"supplied", num(supplied)}}));
}

/// What the plan's beds-per-1,000-elderly target needs given the projection.
RunFinding plan_beds(const Run& run, const plan::PlanStatement& plan) {
  const plan::PlanTargets& t = *plan.last_targets();  // the plan's end-of-period targets
  RunFinding f{"plan_beds", {}, "", ""};
  const double rate = *t.beds_per_1000_elderly, elders = run.at("", "n_age_60_plus", t.year);
  const double needed = rate * elders / 1000.0, supplied = run.at("capacity", "n_beds", t.year);
  const double target = t.elderly_care_beds.value_or(kNaN);
  const double forecast = plan.forecast && plan.forecast->year == t.year ? plan.forecast->age_60_plus.value_or(kNaN) : kNaN;
  f.numbers = {{"target_beds_per_1000_elderly", rate, "beds per 1,000 persons aged 60+", t.year},
               {"n_age_60_plus", elders, "persons", t.year},
               {"beds_needed_at_target_rate", needed, "beds", t.year},
               {"target_beds", target, "beds", t.year},
               {"n_beds", supplied, "beds", t.year},
               {"forecast_age_60_plus", forecast, "persons", t.year}};
  say(f, text::both("findings.plan_beds.head",
                    {{"rate", num(rate, 1)}, {"year", year_of(t.year)}, {"elders", num(elders)}, {"needed", num(needed)}}));
  add_target_and_supply(f, "findings.plan_beds", target, supplied);
  add(f, std::isnan(forecast) ? text::both("findings.plan_beds.basis")
                              : text::both("findings.plan_beds.basis_not_forecast", {{"forecast", num(forecast)}}));
  return f;
}

/// What the plan's places-per-1,000-people target needs given the projection.
RunFinding plan_places(const Run& run, const plan::PlanStatement& plan) {
  const plan::PlanTargets& t = *plan.last_targets();  // the plan's end-of-period targets
  RunFinding f{"plan_places", {}, "", ""};
  const double rate = *t.childcare_places_per_1000_people, people = run.at("", "n_total", t.year);
  const double needed = rate * people / 1000.0, supplied = run.at("childcare_capacity", "n_places", t.year);
  const double target = t.childcare_places.value_or(kNaN);
  f.numbers = {{"target_childcare_places_per_1000_people", rate, "places per 1,000 persons", t.year},
               {"n_total", people, "persons", t.year},
               {"places_needed_at_target_rate", needed, "places", t.year},
               {"target_childcare_places", target, "places", t.year},
               {"n_places", supplied, "places", t.year}};
  say(f, text::both("findings.plan_places.head",
                    {{"rate", num(rate, 1)}, {"year", year_of(t.year)}, {"people", num(people)}, {"needed", num(needed)}}));
  add_target_and_supply(f, "findings.plan_places", target, supplied);
  add(f, text::both("findings.plan_places.basis"));
  return f;
}

/// What the plan's projects change against its natural trend (the base-year supply alone, the same
/// random numbers: tools/run/ScenarioRun.hpp) in `year`.
RunFinding plan_effect(const Run& run, int year) {
  RunFinding f{"plan_effect", {}, "", ""};
  say(f, text::both("findings.plan_effect.head", {{"year", year_of(year)}}));
  const char* trend_beds = supply::kNaturalTrendCapacity;
  const char* trend_places = supply::kNaturalTrendChildcare;
  bool first_part = true;
  if (find_group(run.reps.front(), trend_beds)) {
    const double b0 = run.at(trend_beds, "n_beds", year), b1 = run.at("capacity", "n_beds", year),
                 o0 = run.at(trend_beds, "n_occupied_beds", year), o1 = run.at("capacity", "n_occupied_beds", year),
                 w0 = run.at(trend_beds, "n_waiting", year), w1 = run.at("capacity", "n_waiting", year);
    f.numbers.insert(f.numbers.end(), {{"n_beds_without_plan", b0, "beds", year}, {"n_beds", b1, "beds", year},
                                       {"n_occupied_beds_without_plan", o0, "beds", year},
                                       {"n_occupied_beds", o1, "beds", year},
                                       {"n_waiting_without_plan", w0, "persons", year}, {"n_waiting", w1, "persons", year}});
    add(f, text::both("findings.plan_effect.beds", {{"without_beds", num(b0)}, {"with_beds", num(b1)},
                                                    {"without_occupied", num(o0)}, {"with_occupied", num(o1)},
                                                    {"without_waiting", num(w0)}, {"with_waiting", num(w1)}}));
    first_part = false;
  }
  if (find_group(run.reps.front(), trend_places)) {
    const double p0 = run.at(trend_places, "n_places", year), p1 = run.at("childcare_capacity", "n_places", year),
                 e0 = run.at(trend_places, "n_enrolled", year), e1 = run.at("childcare_capacity", "n_enrolled", year),
                 u0 = run.at(trend_places, "new_gave_up", year), u1 = run.at("childcare_capacity", "new_gave_up", year);
    f.numbers.insert(f.numbers.end(), {{"n_places_without_plan", p0, "places", year}, {"n_places", p1, "places", year},
                                       {"n_enrolled_without_plan", e0, "persons", year}, {"n_enrolled", e1, "persons", year},
                                       {"new_gave_up_without_plan", u0, "persons per year", year},
                                       {"new_gave_up", u1, "persons per year", year}});
    if (!first_part) add(f, text::both("findings.plan_effect.separator"));
    add(f, text::both("findings.plan_effect.places", {{"without_places", num(p0)}, {"with_places", num(p1)},
                                                      {"without_enrolled", num(e0)}, {"with_enrolled", num(e1)},
                                                      {"without_unserved", num(u0)}, {"with_unserved", num(u1)}}));
  }
  add(f, text::both("findings.plan_effect.tail"));
  return f;
}

}  // namespace

std::vector<RunFinding> run_findings(const std::vector<std::vector<ResultGroup>>& replications,
                                     const plan::PlanStatement* plan) {
  const Run run{replications};
  const std::vector<int>& years = replications.front().front().dimensions.front().values;
  const int first = years.front(), last = years.back();
  int mid = first;  // the first plan year the summary shows: 2025, or the next of its years
  for (int y : {2025, 2030, 2035, 2040, 2050, 2075, last})
    if (y > first && y <= last) {
      mid = y;
      break;
    }
  std::vector<RunFinding> out{population(run, first, mid, last)};
  const CareUse use = care_use(run, first);
  if (!std::isnan(run.at("capacity", "n_beds", mid))) out.push_back(beds(run, use, mid));
  // The start (residents on 1 January) is the report's start table and capacity/start, not a finding.
  if (!std::isnan(run.at("childcare_capacity", "n_places", mid))) out.push_back(childcare(run, mid));
  if (!std::isnan(run.at("workforce", "n_care_workers", mid))) out.push_back(care_workers(run, mid, last));
  if (const ResultGroup* g = find_group(replications.front(), "money")) out.push_back(money(run, g->dimensions.front().values));
  const plan::PlanTargets* targets = plan ? plan->last_targets() : nullptr;
  const bool in_run = targets && std::find(years.begin(), years.end(), targets->year) != years.end();
  if (in_run && targets->beds_per_1000_elderly) out.push_back(plan_beds(run, *plan));
  if (in_run && targets->childcare_places_per_1000_people) out.push_back(plan_places(run, *plan));
  const bool trend = find_group(replications.front(), supply::kNaturalTrendCapacity) ||
                     find_group(replications.front(), supply::kNaturalTrendChildcare);
  if (trend) out.push_back(plan_effect(run, targets && in_run ? targets->year : mid));
  return out;
}

ResultGroup findings_group(const std::vector<RunFinding>& findings) {
  ResultGroup group{"findings",
                    "the run's main findings in plain words (Chinese and English from the same numbers), as the "
                    "terminal summary prints them and the report opens with them; means of the replications",
                    {}, {}, {}};
  ResultDimension finding{"finding", {}, {}, "1",
                          "one finding: population, beds, childcare, care_workers, money, plan_beds, plan_places, plan_effect"};
  ResultDimension number{"finding_number", {}, {}, "1", "one number a finding rests on: FINDING.NAME"};
  std::vector<std::string> zh, en, units, number_finding;
  std::vector<double> values, years;
  for (const auto& f : findings) {
    finding.labels.push_back(f.id);
    zh.push_back(f.zh);
    en.push_back(f.en);
    for (const auto& n : f.numbers) {
      // A name the finding uses for several years carries the year: population.n_age_60_plus_2025.
      const auto repeats = std::count_if(f.numbers.begin(), f.numbers.end(), [&](const FindingNumber& m) { return m.name == n.name; });
      const std::string label = f.id + "." + n.name + (repeats > 1 ? "_" + year_of(n.year) : "");
      number.labels.push_back(label);
      number_finding.push_back(f.id);
      values.push_back(n.value);
      years.push_back(n.year == 0 ? kNaN : n.year);
      units.push_back(n.units);
    }
  }
  if (finding.labels.empty()) {  // HDF5 keeps no empty dimension
    finding.labels.emplace_back("none");
    zh = en = {""};
  }
  if (number.labels.empty()) {
    number.labels.emplace_back("none");
    values = years = {kNaN};
    units = number_finding = {""};
  }
  group.dimensions = {finding, number};
  group.series.push_back({"value", "", "as in value_units", "a number a finding rests on (means of the replications)", "",
                          {"finding_number"}, values});
  group.series.push_back({"value_year", "", "calendar year", "the year the number is for (NaN: none)", "",
                          {"finding_number"}, years});
  group.text_series = {
      {"text_zh", "the finding in Chinese, naming the assumption it rests on", "finding", zh},
      {"text_en", "the finding in English, the same numbers", "finding", en},
      {"value_finding", "the finding the number belongs to", "finding_number", number_finding},
      {"value_units", "units of value", "finding_number", units},
  };
  return group;
}

}  // namespace carecap::tools
