// carecap. SPDX-License-Identifier: MIT
#include "tools/sweep/SweepRun.hpp"

#include "scenarios/loader/ScenarioLoader.hpp"
#include "sim/Errors.hpp"
#include "text/TextArg.hpp"
#include "tools/run/ScenarioRun.hpp"

namespace carecap::tools {

SweepLayout sweep_layout(const scenarios::Scenario& scenario) {
  SweepLayout layout;
  layout.outcomes = run_outcomes(scenario, {});
  layout.indicators = run_indicators(scenario, {});
  for (int y = scenario.projection.base_year; y <= scenario.projection.end_year; ++y) layout.years.push_back(y);
  return layout;
}

scenarios::Scenario sweep_scenario(const scenarios::Sweep& sweep, const std::vector<double>& values, std::size_t run,
                                   scenarios::TableCache& tables) {
  const std::string label = "run " + std::to_string(run);
  scenarios::Scenario s;
  try {
    s = scenarios::load_scenario(sweep.scenario_path, {scenarios::sweep_overlay(sweep, values, label)}, &tables);
  } catch (const InputError& error) {
    std::string parameters;
    for (std::size_t i = 0; i < values.size(); ++i)
      parameters += (i ? ", " : "") + sweep.parameters[i].key + " = " + std::to_string(values[i]);
    throw InputError(text::both("errors.sweep.in_run", {{"error", {error.zh(), error.what()}}, {"run", text::same(std::to_string(run))},
                                                         {"parameters", text::same(parameters)}}));
  }
  s.run.seed = sweep.seed;
  scenarios::set_replications(s, sweep.replications);
  return s;
}

std::vector<double> run_sweep_sample(const scenarios::Sweep& sweep, const std::vector<double>& values, std::size_t run,
                                     scenarios::TableCache& tables) {
  const scenarios::Scenario scenario = sweep_scenario(sweep, values, run, tables);
  const ScenarioRunResult result = run_scenario(scenario, 1);
  std::vector<double> record;
  for (const Outcome& o : run_outcomes(scenario, result.replications)) record.push_back(o.value);
  for (const IndicatorSeries& s : run_indicators(scenario, result.replications))
    record.insert(record.end(), s.values.begin(), s.values.end());
  return record;
}

}  // namespace carecap::tools
