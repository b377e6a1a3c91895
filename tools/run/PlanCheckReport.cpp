// carecap. SPDX-License-Identifier: MIT
#include "tools/run/PlanCheckReport.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <optional>
#include <set>

#include "models/supply/ChildcareInputs.hpp"
#include "tools/run/PlanFindingText.hpp"
#include "tools/run/ResultLookup.hpp"

namespace carecap::tools {

namespace {

/// How the capacity simulation started (models/supply/CapacityStart.hpp): kind, residents, and the
/// base-year demand stock with the national default care use.
void start_figures(plan::ModelFigures& model, const std::vector<std::vector<ResultGroup>>& replications) {
  const ResultGroup* capacity = find_group(replications.front(), "capacity");
  if (!capacity) return;
  for (const auto& t : capacity->text_series)
    if (t.name == "start" && !t.values.empty()) model.start = t.values.front();
  model.initial_residents = mean_total_in(replications, "capacity", "n_initial_residents");
  model.national_use_residents = mean_total_in(replications, "capacity", "n_beds_needed_national_use");
}

}  // namespace

plan::ModelFigures model_figures(const scenarios::Scenario& scenario,
                                 const std::vector<std::vector<ResultGroup>>& replications) {
  plan::ModelFigures model;
  const auto& population = scenario.projection.base_population;
  const int base_year = scenario.projection.base_year;
  model.base.population = population.sum_both();
  model.base.age_60_plus = population.sum_both(60);
  model.base.age_0_2 = population.sum_both(0, 2);
  if (scenario.supply) {
    const auto& supply = scenario.supply->supply;
    double beds = 0, nursing = 0;
    for (const auto& f : supply.facilities)
      if (f.opens <= base_year && (f.closes == 0 || f.closes > base_year)) {
        beds += static_cast<double>(f.beds[0] + f.beds[1] + f.beds[2]);
        nursing += static_cast<double>(f.beds[1] + f.beds[2]);
      }
    model.base.beds = beds;
    model.base.nursing_beds = nursing;
    model.build_lag_years = supply.build_lag_years;
    for (const auto& p : supply.projects)
      if (p.action != supply::ProjectAction::close_facility)
        model.projects.push_back({p.year, p.year + supply.build_lag_years, static_cast<double>(p.beds), 0.0});
    if (const auto& childcare = scenario.supply->childcare)
      for (const auto& p : childcare->projects)
        model.projects.push_back({p.year, p.year + supply.build_lag_years, 0.0, static_cast<double>(p.places)});
    if (!supply.projects.empty()) {
      model.listed_beds_stated = 0;
      model.listed_beds_derived = 0;
      for (const auto& p : supply.projects)
        if (p.listed)
          (p.beds_derived ? model.listed_beds_derived : model.listed_beds_stated) += static_cast<double>(p.beds);
    }
    if (const auto& childcare = scenario.supply->childcare) {
      model.base.childcare_places =
          static_cast<double>(supply::childcare_places_open(*childcare, supply.build_lag_years, base_year, false));
      double enrolled = 0;
      for (double e : childcare->initial_enrolled) enrolled += e;
      model.base.childcare_enrolled = enrolled;
    }
  }
  if (scenario.demand) {
    // Months in each band (models/demand/ChildcareParameters.hpp kMonthBandNames): 0-5, 6-11, 12-23, 24-35.
    constexpr std::array<double, demand::kMonthBandCount> months{6, 6, 12, 12};
    const auto& wish = scenario.demand->childcare.wish_rate;
    double weighted = 0, weight = 0;
    for (std::size_t b = 1; b < months.size(); ++b) {  // from 6 months: no care under 6 months (NHC 2019 No. 58)
      weighted += wish[b] * months[b];
      weight += months[b];
    }
    model.childcare_wish_rate = weighted / weight;
  }
  if (scenario.workforce) {
    model.certified_share = scenario.workforce->certified_share;
    model.senior_grade_share = scenario.workforce->senior_grade_share;
  }
  if (replications.empty()) return model;  // base figures only
  const std::vector<int>& years = replications.front().front().dimensions.front().values;
  for (int year : years) model.years[year];
  // Each series is looked up once for every year, then spread into the years' figures.
  auto fill = [&](double plan::ModelYear::*field, const char* group, const char* series, const char* dimension = "",
                  std::vector<std::string> labels = {}) {
    const auto means = means_in(replications, ResultQuery{group, series, dimension, std::move(labels)}, years);
    for (std::size_t t = 0; t < years.size(); ++t) model.years[years[t]].*field = means[t];
  };
  fill(&plan::ModelYear::population, "", "n_total");
  fill(&plan::ModelYear::age_60_plus, "", "n_age_60_plus");
  fill(&plan::ModelYear::age_0_2, "", "n_age_0_2");
  fill(&plan::ModelYear::births, "", "new_births");
  fill(&plan::ModelYear::beds, "capacity", "n_beds");
  fill(&plan::ModelYear::nursing_beds, "capacity", "n_beds", "bed_type", {"nursing", "dementia"});
  fill(&plan::ModelYear::childcare_places, "childcare_capacity", "n_places");
  fill(&plan::ModelYear::childcare_enrolled, "childcare_capacity", "n_enrolled");
  fill(&plan::ModelYear::childcare_places_sought, "demand", "n_childcare_places_wanted");
  fill(&plan::ModelYear::occupied_beds, "capacity", "n_occupied_beds");
  // The workforce model's series (NaN when the run has no `workforce` group), summed over regions.
  fill(&plan::ModelYear::care_workers, "workforce", "n_care_workers");
  fill(&plan::ModelYear::care_workers_needed, "workforce", "n_care_workers_needed");
  fill(&plan::ModelYear::childcare_workers_needed, "workforce", "n_childcare_workers_needed");
  fill(&plan::ModelYear::care_workers_trained, "workforce", "cum_care_workers_trained");
  fill(&plan::ModelYear::certified_care_workers, "workforce", "n_certified_care_workers");
  fill(&plan::ModelYear::senior_grade_care_workers, "workforce", "n_senior_grade_care_workers");
  fill(&plan::ModelYear::certified_per_10000_elderly, "workforce", "certified_care_workers_per_10000_elderly");
  start_figures(model, replications);
  return model;
}

namespace {

/// Columns `text` takes in a terminal: two for each East Asian character.
std::size_t display_width(const std::string& text) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t bytes = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    width += bytes >= 3 ? 2 : 1;
    i += bytes;
  }
  return width;
}

}  // namespace

void print_plan_check(std::ostream& out, const scenarios::Scenario& scenario,
                      const std::vector<std::vector<ResultGroup>>& replications, text::Lang lang) {
  using plan::FindingKind;
  const plan::PlanStatement& plan = *scenario.plan;
  const auto findings = plan::check_plan(plan, model_figures(scenario, replications));
  out << "\n" << text::say(lang, "plan.print.header", {{"document", plan.document}}) << "\n";
  struct Part {
    FindingKind kind;
    int year;  // target sections: one per target year
    std::string title;
  };
  std::vector<Part> parts{{FindingKind::base_fact, 0, text::say(lang, "plan.print.base", {{"year", plan.facts.year}})},
                          {FindingKind::forecast, 0, text::say(lang, "plan.print.forecast")}};
  for (const plan::PlanTargets& t : plan.targets)
    parts.push_back({FindingKind::target, t.year, text::say(lang, "plan.print.targets", {{"year", t.year}})});
  parts.push_back({FindingKind::consistency, 0, text::say(lang, "plan.print.consistency")});
  parts.push_back({FindingKind::workforce, 0, text::say(lang, "plan.print.workforce")});
  int contradictions = 0, differences = 0;
  for (const Part& part : parts) {
    bool any = false;
    for (const auto& f : findings) {
      if (f.kind != part.kind || (part.kind == FindingKind::target && f.year != part.year)) continue;
      if (!any) out << text::say(lang, "common.heading", {{"title", part.title}}) << "\n";
      any = true;
      const std::string verdict = plan_verdict_word(f.verdict).in(lang);
      out << "  " << verdict << std::string(14 - std::min<std::size_t>(13, display_width(verdict)), ' ')
          << plan_finding_text(f).in(lang) << "\n";
      contradictions += f.verdict == plan::Verdict::contradiction;
      differences += f.verdict == plan::Verdict::differs;
    }
  }
  out << text::say(lang, "plan.print.count", {{"contradictions", contradictions}, {"differences", differences}}) << "\n";
}

namespace {

const char* kind_name(plan::FindingKind kind) {
  switch (kind) {
    case plan::FindingKind::base_fact: return "base_fact";
    case plan::FindingKind::forecast: return "forecast";
    case plan::FindingKind::target: return "target";
    case plan::FindingKind::consistency: return "consistency";
    case plan::FindingKind::workforce: return "workforce";
  }
  return "";
}

/// A figure the plan states, flattened for the results file.
struct StatedFigure {
  std::string name;   // section.field, e.g. "targets.elderly_care_beds"
  int year = 0;       // calendar year
  double value = 0;   // in `units`
  std::string units;
};

std::vector<StatedFigure> stated_figures(const plan::PlanStatement& plan) {
  std::vector<StatedFigure> out;
  auto add = [&](const char* name, int year, const plan::Stated& value, const char* units) {
    if (value) out.push_back({name, year, *value, units});
  };
  const plan::PlanFacts& f = plan.facts;
  add("facts.population", f.year, f.population, "persons");
  add("facts.age_60_plus", f.year, f.age_60_plus, "persons");
  add("facts.share_60_plus", f.year, f.share_60_plus, "fraction of the population");
  add("facts.age_0_2", f.year, f.age_0_2, "persons");
  add("facts.births_per_year", f.year, f.births_per_year, "births per year");
  add("facts.elderly_care_beds", f.year, f.elderly_care_beds, "beds");
  add("facts.nursing_bed_share", f.year, f.nursing_bed_share, "fraction of beds");
  add("facts.childcare_places", f.year, f.childcare_places, "places");
  add("facts.childcare_places_per_1000_people", f.year, f.childcare_places_per_1000_people, "places per 1,000 persons");
  add("facts.childcare_enrolled", f.year, f.childcare_enrolled, "persons");
  if (const auto& c = plan.forecast) {
    add("forecast.age_60_plus", c->year, c->age_60_plus, "persons");
    add("forecast.share_60_plus", c->year, c->share_60_plus, "fraction of the population");
    add("forecast.age_60_plus_increase_per_year", c->year, c->age_60_plus_increase_per_year, "persons per year");
    add("forecast.births_per_year", c->year, c->births_per_year, "births per year");
  }
  // The latest target year's figures are targets.*; earlier years' (milestones) targets_YEAR.*.
  for (const plan::PlanTargets& t : plan.targets) {
    const std::string prefix = &t == plan.last_targets() ? "targets." : "targets_" + std::to_string(t.year) + ".";
    auto target = [&](const char* name, const plan::Stated& value, const char* units) {
      if (value) out.push_back({prefix + name, t.year, *value, units});
    };
    target("elderly_care_beds", t.elderly_care_beds, "beds");
    target("elderly_care_beds_added", t.elderly_care_beds_added, "beds");
    target("beds_per_1000_elderly", t.beds_per_1000_elderly, "beds per 1,000 persons aged 60+");
    target("nursing_bed_share", t.nursing_bed_share, "fraction of beds");
    target("childcare_places", t.childcare_places, "places");
    target("childcare_places_per_1000_people", t.childcare_places_per_1000_people, "places per 1,000 persons");
    target("affordable_place_share", t.affordable_place_share, "fraction of places");
  }
  // Workforce targets: workforce_YEAR.INDICATOR, as the targets table states them (a second value
  // for the same year and indicator, a contradiction of the plan, gets _2).
  for (const plan::WorkforceTarget& w : plan.workforce_targets) {
    const std::string name = "workforce_" + std::to_string(w.year) + "." + w.indicator;
    int n = 1;
    for (const auto& s : out) n += s.name == name || s.name.rfind(name + "_", 0) == 0;
    out.push_back({n == 1 ? name : name + "_" + std::to_string(n), w.year, w.value, w.unit});
  }
  return out;
}

}  // namespace

ResultGroup plan_check_group(const scenarios::Scenario& scenario,
                             const std::vector<std::vector<ResultGroup>>& replications) {
  const plan::PlanStatement& plan = *scenario.plan;
  const auto findings = plan::check_plan(plan, model_figures(scenario, replications));
  ResultGroup group{"plan_check",
                    "the plan's own figures held against the model and against each other (carecap check-plan); "
                    "plan: " + plan.document + "; transcription: " + plan.source,
                    {}, {}, {}};

  ResultDimension finding{"finding", {}, {}, "1", "one comparison of the plan check (its stable id)"};
  std::set<std::string> seen;
  std::vector<double> plan_values, other_values, years;
  std::vector<std::string> kinds, units, others, verdicts, figures_zh, figures_en, texts_zh, texts_en;
  for (const auto& f : findings) {
    std::string label = f.id;
    for (int n = 2; !seen.insert(label).second; ++n) label = f.id + "_" + std::to_string(n);
    finding.labels.push_back(label);
    plan_values.push_back(f.plan);
    other_values.push_back(f.other);
    years.push_back(f.year);
    kinds.emplace_back(kind_name(f.kind));
    units.push_back(f.units);
    others.push_back(f.other_label);
    verdicts.emplace_back(plan::verdict_name(f.verdict));
    const text::Text figure = plan_figure_text(f.id), sentence = plan_finding_text(f);
    figures_zh.push_back(figure.zh);
    figures_en.push_back(figure.en);
    texts_zh.push_back(sentence.zh);
    texts_en.push_back(sentence.en);
  }
  if (finding.labels.empty()) finding.labels.push_back("none");  // HDF5 keeps no empty dimension
  if (findings.empty()) {
    plan_values.push_back(std::numeric_limits<double>::quiet_NaN());
    other_values = years = plan_values;
    kinds = units = others = verdicts = figures_zh = figures_en = texts_zh = texts_en = {""};
  }
  group.dimensions.push_back(finding);
  group.series.push_back({"plan_figure", "", "as in finding_units", "the plan's figure, or the figure its targets imply",
                          plan.source, {"finding"}, plan_values});
  group.series.push_back({"compared_figure", "", "as in finding_units",
                          "the figure it is held against: the model's, the scenario's supply, or another of the plan's "
                          "(compared_with)",
                          "", {"finding"}, other_values});
  group.series.push_back({"finding_year", "", "calendar year",
                          "the year the finding is about: the plan's base year (facts), forecast year or target year",
                          "", {"finding"}, years});
  group.text_series = {
      {"finding_kind", "base_fact, forecast, target, consistency (the plan's figures against each other) or workforce "
                       "(a workforce target, [plan_facts] workforce_targets_file)", "finding", kinds},
      {"finding_units", "units of plan_figure and compared_figure", "finding", units},
      {"compared_with", "where compared_figure comes from, e.g. model, scenario supply, plan forecast", "finding", others},
      {"verdict", "agrees, differs (plan and model or supply, beyond the tolerance), contradiction (two of the plan's "
                  "figures) or not_modelled (carecap does not model it: quoted); an \"at least\" target reached agrees",
       "finding", verdicts},
      {"figure_zh", "what is compared, in Chinese (text/messages/plan.toml)", "finding", figures_zh},
      {"figure_en", "what is compared, in English", "finding", figures_en},
      {"text_zh", "the finding in one sentence with its numbers, in Chinese (tools/run/PlanFindingText)", "finding", texts_zh},
      {"text_en", "the same sentence in English, the same numbers", "finding", texts_en},
  };

  ResultDimension statement{"plan_statement", {}, {}, "1",
                            "a figure the plan states: facts.*, forecast.*, targets.* or workforce_YEAR.* (its workforce targets)"};
  std::vector<double> stated_values, stated_years;
  std::vector<std::string> stated_units;
  for (const auto& s : stated_figures(plan)) {
    statement.labels.push_back(s.name);
    stated_values.push_back(s.value);
    stated_years.push_back(s.year);
    stated_units.push_back(s.units);
  }
  if (statement.labels.empty()) {  // a plan stating nothing: one NaN entry, as HDF5 keeps no empty dimension
    statement.labels.push_back("none");
    stated_values.push_back(std::numeric_limits<double>::quiet_NaN());
    stated_years = stated_values;
    stated_units.emplace_back("");
  }
  group.dimensions.push_back(statement);
  group.series.push_back({"stated_value", "", "as in stated_units", "the figure as the plan states it", plan.source,
                          {"plan_statement"}, stated_values});
  group.series.push_back({"stated_year", "", "calendar year",
                          "the year the figure is for (facts: at the end of the base year)", "", {"plan_statement"},
                          stated_years});
  group.text_series.push_back({"stated_units", "units of stated_value", "plan_statement", stated_units});
  return group;
}

}  // namespace carecap::tools
