// carecap. SPDX-License-Identifier: MIT
#include "tools/cli/CheckPlanCommand.hpp"

#include <iostream>

#include "scenarios/loader/ScenarioLoader.hpp"
#include "sim/Errors.hpp"
#include "text/Catalogue.hpp"
#include "tools/run/MemoryEstimate.hpp"
#include "tools/run/PlanCheckReport.hpp"
#include "tools/run/ScenarioRun.hpp"

namespace carecap::tools {

void check_plan_command(const std::string& scenario_path, int threads, text::Lang lang) {
  const scenarios::Scenario scenario = scenarios::load_scenario(scenario_path);
  if (!scenario.plan) throw InputError(text::both("errors.plan_facts_missing", {{"path", scenario_path}}));
  check_run_memory(scenario, threads);  // before any work: refuse what cannot fit (--max-memory)
  const ScenarioRunResult run = run_scenario(scenario, threads);
  std::cout << text::say(lang, "cli.check_plan.started", {{"name", scenario.name}, {"replications", run.replications.size()}})
            << "\n";
  print_plan_check(std::cout, scenario, run.replications, lang);
}

}  // namespace carecap::tools
