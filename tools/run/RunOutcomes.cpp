// carecap. SPDX-License-Identifier: MIT
#include "tools/run/RunOutcomes.hpp"

#include <cmath>
#include <limits>

#include "text/Catalogue.hpp"
#include "text/MessageId.hpp"
#include "tools/run/PlanCheckReport.hpp"
#include "tools/run/ResultLookup.hpp"

namespace carecap::tools {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// The years of the projection's `year` dimension (base_year..end_year); with no replications
/// (run_outcomes' list of names alone) the scenario's.
std::vector<int> projection_years(const scenarios::Scenario& scenario, const std::vector<std::vector<ResultGroup>>& replications) {
  if (!replications.empty()) return replications.front().front().dimensions.front().values;
  std::vector<int> years;
  for (int y = scenario.projection.base_year; y <= scenario.projection.end_year; ++y) years.push_back(y);
  return years;
}

/// Sum over the years in which the series is modelled; NaN when it is modelled in none.
double total(const std::vector<double>& by_year) {
  double sum = 0;
  bool any = false;
  for (double v : by_year)
    if (!std::isnan(v)) {
      sum += v;
      any = true;
    }
  return any ? sum : kNaN;
}

/// The last modelled value; NaN when there is none.
double last(const std::vector<double>& by_year) {
  for (auto it = by_year.rbegin(); it != by_year.rend(); ++it)
    if (!std::isnan(*it)) return *it;
  return kNaN;
}

double ratio(double numerator, double denominator) {
  return std::isnan(numerator) || std::isnan(denominator) || denominator <= 0 ? kNaN : numerator / denominator;
}

/// First year in which figure(year) >= target (NaN: no target, or never met in the modelled years).
template <class Figure>
double first_year_met(const plan::ModelFigures& model, const plan::Stated& target, Figure figure) {
  if (!target) return kNaN;
  for (const auto& [year, figures] : model.years) {
    const double value = figure(figures);
    if (!std::isnan(value) && value >= *target * (1 - 1e-9)) return year;
  }
  return kNaN;
}

}  // namespace

std::vector<Outcome> run_outcomes(const scenarios::Scenario& scenario,
                                  const std::vector<std::vector<ResultGroup>>& replications) {
  const std::vector<int> years = projection_years(scenario, replications);
  auto series = [&](const char* group, const char* name) {
    return means_in(replications, ResultQuery{group, name, "", {}}, years);
  };
  std::vector<Outcome> out;
  // label_id: the outcome's Chinese name (text/messages/outcomes.toml), kept in the results file as its label_zh.
  auto add = [&](const char* name, const char* label_id, const char* units, const char* description, double value) {
    out.push_back({name, text::say(text::Lang::zh, label_id), units, description, value});
  };

  // Elderly care: unmet demand, idle capacity, cost.
  const double admissions = total(series("capacity", "new_admissions"));
  const double occupied = total(series("capacity", "n_occupied_beds"));
  const double capital = last(series("capacity", "cum_capital_cost_wan_yuan"));
  const double operating = total(series("capacity", "new_operating_cost_wan_yuan"));
  add("waiting_person_years", text::say_id("outcomes.waiting_person_years"), "person-years", "time spent on elderly-care waiting lists, summed over the simulated years",
      total(series("capacity", "n_waiting")));
  add("turned_away", text::say_id("outcomes.turned_away"), "persons", "elders turned away by a full waiting list, simulated years", total(series("capacity", "new_turned_away")));
  add("gave_up_waiting", text::say_id("outcomes.gave_up_waiting"), "persons", "elders who left the waiting list unserved, simulated years",
      total(series("capacity", "new_gave_up")));
  add("died_waiting", text::say_id("outcomes.died_waiting"), "persons", "elders who died on the waiting list, simulated years",
      total(series("capacity", "new_died_waiting")));
  add("idle_bed_years", text::say_id("outcomes.idle_bed_years"), "bed-years", "open beds not occupied, summed over the simulated years",
      total(series("capacity", "n_idle_beds")));
  add("admissions", text::say_id("outcomes.admissions"), "persons", "admissions to elderly-care beds, simulated years", admissions);
  add("capital_cost_wan_yuan", text::say_id("outcomes.capital_cost_wan_yuan"), "10,000 yuan", "capital spending of the elderly-care plan to the last simulated year", capital);
  add("operating_cost_wan_yuan", text::say_id("outcomes.operating_cost_wan_yuan"), "10,000 yuan", "operating cost of open beds, summed over the simulated years", operating);
  add("cost_per_admission_yuan", text::say_id("outcomes.cost_per_admission_yuan"), "yuan per person admitted",
      "capital and operating cost divided by the admissions of the simulated years", ratio((capital + operating) * 1e4, admissions));
  add("cost_per_occupied_bed_year_yuan", text::say_id("outcomes.cost_per_occupied_bed_year_yuan"), "yuan per occupied bed-year",
      "capital and operating cost divided by the occupied bed-years of the simulated years", ratio((capital + operating) * 1e4, occupied));

  // Childcare.
  add("childcare_waiting_child_years", text::say_id("outcomes.childcare_waiting_child_years"), "child-years", "time children spent on childcare waiting lists, simulated years",
      total(series("childcare_capacity", "n_waiting")));
  add("childcare_gave_up", text::say_id("outcomes.childcare_gave_up"), "persons", "children who left the waiting list unserved (patience ran out or outgrew the band)",
      total(series("childcare_capacity", "new_gave_up")));
  add("idle_place_years", text::say_id("outcomes.idle_place_years"), "place-years", "childcare places not taken, summed over the simulated years",
      total(series("childcare_capacity", "n_idle_places")));
  add("childcare_admissions", text::say_id("outcomes.childcare_admissions"), "persons", "admissions to childcare places, simulated years",
      total(series("childcare_capacity", "new_admissions")));
  add("childcare_capital_cost_wan_yuan", text::say_id("outcomes.childcare_capital_cost_wan_yuan"), "10,000 yuan", "capital spending of the childcare plan to the last simulated year",
      last(series("childcare_capacity", "cum_capital_cost_wan_yuan")));

  // Money (scenario [money], docs/money.md): public spending per person served.
  const double public_spending = total(series("money", "new_public_spending_wan_yuan"));
  const double served = total(series("money", "new_persons_served"));
  add("public_spending_wan_yuan", text::say_id("outcomes.public_spending_wan_yuan"), "10,000 yuan",
      "public budget's spending (its shares of capital and operating cost, and the subsidies), summed over the simulated years",
      public_spending);
  add("persons_served", text::say_id("outcomes.persons_served"), "persons",
      "admissions to elderly-care beds plus children newly enrolled in childcare, simulated years", served);
  add("public_cost_per_person_served_yuan", text::say_id("outcomes.public_cost_per_person_served_yuan"), "yuan per person served",
      "public spending over the persons served, simulated years", ratio(public_spending * 1e4, served));

  // Care workers (the [workforce] supply): trained by the plan's programmes, and the largest
  // shortage of a year, summed over the towns short of care workers.
  add("care_workers_trained", text::say_id("outcomes.care_workers_trained"), "persons",
      "people trained by the plan's care-worker programmes over the simulated years", last(series("workforce", "cum_care_workers_trained")));
  const std::vector<double> shortage = series("workforce", "n_care_worker_shortage");
  double largest_shortage = kNaN;
  for (double g : shortage)
    if (!std::isnan(g) && (std::isnan(largest_shortage) || g > largest_shortage)) largest_shortage = g;
  add("care_worker_shortage_max", text::say_id("outcomes.care_worker_shortage_max"), "persons",
      "largest care-worker shortage of a simulated year, summed over the towns short of care workers (0: none in any year)",
      largest_shortage);

  // The plan's targets: first year met, and the indicator in the target year.
  const plan::ModelFigures model = model_figures(scenario, replications);
  const plan::PlanTargets no_targets{};
  const plan::PlanTargets* last = scenario.plan ? scenario.plan->last_targets() : nullptr;  // the end-of-period targets
  const plan::PlanTargets& t = last ? *last : no_targets;
  auto beds = [](const plan::ModelYear& y) { return y.beds; };
  auto nursing_share = [](const plan::ModelYear& y) { return ratio(y.nursing_beds, y.beds); };
  auto beds_per_1000 = [](const plan::ModelYear& y) { return ratio(y.beds * 1000, y.age_60_plus); };
  auto places = [](const plan::ModelYear& y) { return y.childcare_places; };
  auto places_per_1000 = [](const plan::ModelYear& y) { return ratio(y.childcare_places * 1000, y.population); };
  add("first_year_beds_target_met", text::say_id("outcomes.first_year_beds_target_met"), "calendar year",
      "first simulated year with at least the plan's target beds open (NaN: never, or no target)",
      first_year_met(model, t.elderly_care_beds, beds));
  add("first_year_nursing_share_target_met", text::say_id("outcomes.first_year_nursing_share_target_met"), "calendar year",
      "first simulated year in which nursing-type and dementia beds reach the plan's share of beds",
      first_year_met(model, t.nursing_bed_share, nursing_share));
  add("first_year_beds_per_1000_target_met", text::say_id("outcomes.first_year_beds_per_1000_target_met"), "calendar year",
      "first simulated year with the plan's beds per 1,000 persons aged 60+", first_year_met(model, t.beds_per_1000_elderly, beds_per_1000));
  add("first_year_places_target_met", text::say_id("outcomes.first_year_places_target_met"), "calendar year",
      "first simulated year with at least the plan's target childcare places", first_year_met(model, t.childcare_places, places));
  add("first_year_places_per_1000_target_met", text::say_id("outcomes.first_year_places_per_1000_target_met"), "calendar year",
      "first simulated year with the plan's childcare places per 1,000 people",
      first_year_met(model, t.childcare_places_per_1000_people, places_per_1000));
  const auto in_target_year = [&](auto figure) {
    const auto y = model.years.find(t.year);
    return y == model.years.end() ? kNaN : figure(y->second);
  };
  add("beds_in_target_year", text::say_id("outcomes.beds_in_target_year"), "beds", "beds open in the plan's target year (1 July)", in_target_year(beds));
  add("nursing_share_in_target_year", text::say_id("outcomes.nursing_share_in_target_year"), "fraction of beds",
      "nursing-type and dementia beds as a share of beds in the plan's target year", in_target_year(nursing_share));
  add("beds_per_1000_elderly_in_target_year", text::say_id("outcomes.beds_per_1000_elderly_in_target_year"), "beds per 1,000 persons aged 60+",
      "beds per 1,000 persons aged 60+ in the plan's target year", in_target_year(beds_per_1000));
  add("places_per_1000_people_in_target_year", text::say_id("outcomes.places_per_1000_people_in_target_year"), "places per 1,000 persons",
      "childcare places per 1,000 people in the plan's target year", in_target_year(places_per_1000));
  add("places_per_100_children_in_target_year", text::say_id("outcomes.places_per_100_children_in_target_year"), "places per 100 children aged 0-2",
      "childcare places per 100 children aged 0-2 in the plan's target year",
      in_target_year([](const plan::ModelYear& y) { return ratio(y.childcare_places * 100, y.age_0_2); }));
  return out;
}

std::vector<IndicatorSeries> run_indicators(const scenarios::Scenario& scenario,
                                            const std::vector<std::vector<ResultGroup>>& replications) {
  const std::vector<int> years = projection_years(scenario, replications);
  struct Spec {
    const char* name;
    const char* group;
    const char* series;
    const char* units;
    const char* description;
  };
  static const Spec specs[] = {
      {"population", "", "n_total", "persons", "population on 1 July"},
      {"age_60_plus", "", "n_age_60_plus", "persons", "persons aged 60+ on 1 July"},
      {"age_0_2", "", "n_age_0_2", "persons", "children aged 0-2 on 1 July"},
      {"births", "", "new_births", "births per year", "live births in the year"},
      {"beds_needed", "demand", "n_beds_needed", "beds", "beds needed by elders who seek institutional care (demand model)"},
      {"childcare_places_wanted", "demand", "n_childcare_places_wanted", "places", "children whose families want a place (demand model)"},
      {"beds", "capacity", "n_beds", "beds", "elderly-care beds open, time average over the year"},
      {"occupied_beds", "capacity", "n_occupied_beds", "beds", "occupied beds, time average over the year"},
      {"idle_beds", "capacity", "n_idle_beds", "beds", "open beds not occupied, time average over the year"},
      {"waiting_elderly", "capacity", "n_waiting", "persons", "elders on waiting lists, time average over the year"},
      {"died_waiting", "capacity", "new_died_waiting", "persons per year", "elders who died on a waiting list"},
      {"operating_cost_wan_yuan", "capacity", "new_operating_cost_wan_yuan", "10,000 yuan per year", "operating cost of open beds"},
      {"childcare_places", "childcare_capacity", "n_places", "places", "childcare places open, time average over the year"},
      {"childcare_enrolled", "childcare_capacity", "n_enrolled", "persons", "children in a place, time average over the year"},
      {"idle_places", "childcare_capacity", "n_idle_places", "places", "places not taken, time average over the year"},
      {"waiting_children", "childcare_capacity", "n_waiting", "persons", "children on waiting lists, time average over the year"},
      {"care_workers", "workforce", "n_care_workers", "persons", "care workers employed on 1 January after the year's projects open"},
      {"care_workers_needed", "workforce", "n_care_workers_needed", "persons",
       "care workers the residents and people waiting for a bed need at the ratios"},
  };
  std::vector<IndicatorSeries> out;
  for (const Spec& s : specs)
    out.push_back({s.name, s.units, s.description, means_in(replications, ResultQuery{s.group, s.series, "", {}}, years)});
  return out;
}

}  // namespace carecap::tools
