// carecap. SPDX-License-Identifier: MIT
#include "tools/cli/RunCommand.hpp"

#include <iostream>

#include "models/demography/ProjectionParameters.hpp"
#include "scenarios/loader/ScenarioLoader.hpp"
#include "text/Catalogue.hpp"
#include "tools/run/PlanCheckReport.hpp"
#include "tools/run/RunSummary.hpp"
#include "tools/run/Version.hpp"

namespace carecap::tools {
namespace {

/// The mode in the words of `lang`.
std::string mode_words(demography::ProjectionMode mode, text::Lang lang) {
  return mode == demography::ProjectionMode::stochastic ? text::say(lang, "cli.mode.stochastic")
                                                        : text::say(lang, "cli.mode.deterministic");
}

}  // namespace

void run_command(const RunOptions& options) {
  const ResultsRun done = run_into_results_file(options);
  const scenarios::Scenario& scenario = done.scenario;
  const int replications = static_cast<int>(done.run.replications.size());

  const text::Lang lang = options.lang;
  // The place by its name in the user's language (scenario.label_zh / label_en) when the scenario gives one.
  const std::string place = lang == text::Lang::zh ? scenario.labels.scenario.zh : scenario.labels.scenario.en;
  std::cout << text::say(lang, place.empty() ? "cli.run.started" : "cli.run.started_place",
                         {{"version", kVersion}, {"place", place}, {"name", scenario.name},
                          {"mode", mode_words(scenario.run.mode, lang)},
                          {"first", scenario.projection.base_year}, {"last", scenario.projection.end_year},
                          {"replications", replications}, {"seed", std::to_string(scenario.run.seed)}})
            << "\n";
  print_run_summary(std::cout, done.run.replications, done.findings, lang);
  if (scenario.plan)
    print_plan_check(std::cout, scenario, done.run.replications, lang);
  std::cout << text::say(lang, "cli.wrote", {{"path", done.output_path}}) << "\n";
}

void validate_command(const std::string& scenario_path, text::Lang lang) {
  const scenarios::Scenario scenario = scenarios::load_scenario(scenario_path);
  std::cout << text::say(lang, "cli.validate.valid",
                         {{"path", scenario_path}, {"name", scenario.name}, {"first", scenario.projection.base_year},
                          {"last", scenario.projection.end_year}, {"mode", mode_words(scenario.run.mode, lang)},
                          {"files", scenario.inputs.size()}})
            << "\n";
}

}  // namespace carecap::tools
