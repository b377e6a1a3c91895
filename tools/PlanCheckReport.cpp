// carecap. SPDX-License-Identifier: MIT
#include "tools/PlanCheckReport.hpp"

#include <iomanip>

#include "models/supply/ChildcareInputs.hpp"
#include "tools/ResultLookup.hpp"

namespace carecap::tools {

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
  return model;
}

void print_plan_check(std::ostream& out, const scenarios::Scenario& scenario,
                      const std::vector<std::vector<ResultGroup>>& replications) {
  using plan::FindingKind;
  const plan::PlanStatement& plan = *scenario.plan;
  const auto findings = plan::check_plan(plan, model_figures(scenario, replications));
  out << "\nPlan check against " << plan.document << " (plan figures as the scenario transcribes them; model: means of "
      << "the replications)\n";
  const std::pair<FindingKind, std::string> sections[] = {
      {FindingKind::base_fact, "Base year (end of " + std::to_string(plan.facts.year) + "): the plan's figures and the model's base"},
      {FindingKind::forecast, "The plan's forecasts and the projection"},
      {FindingKind::target, "The plan's targets and the scenario's supply"},
      {FindingKind::consistency, "The plan's figures against each other"},
  };
  int contradictions = 0, differences = 0;
  for (const auto& [kind, title] : sections) {
    bool any = false;
    for (const auto& f : findings) {
      if (f.kind != kind) continue;
      if (!any) out << title << ":\n";
      any = true;
      out << "  " << std::left << std::setw(14) << plan::verdict_name(f.verdict) << f.message << "\n";
      contradictions += f.verdict == plan::Verdict::contradiction;
      differences += f.verdict == plan::Verdict::differs;
    }
  }
  out << contradictions << " contradiction(s) within the plan, " << differences
      << " difference(s) between the plan and the model.\n";
}

}  // namespace carecap::tools
