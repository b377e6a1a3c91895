// carecap. SPDX-License-Identifier: MIT
#include "tools/cli/CheckPlanCommand.hpp"

#include <iostream>

#include "scenarios/loader/ScenarioLoader.hpp"
#include "sim/Errors.hpp"
#include "tools/run/MemoryEstimate.hpp"
#include "tools/run/PlanCheckReport.hpp"
#include "tools/run/ScenarioRun.hpp"

namespace carecap::tools {

void check_plan_command(const std::string& scenario_path, int threads) {
  const scenarios::Scenario scenario = scenarios::load_scenario(scenario_path);
  if (!scenario.plan)
    throw InputError(scenario_path + ": plan_facts: missing; expected a [plan_facts] section (and [plan_forecast], "
                     "[plan_targets]) with the plan's own figures to check");
  check_run_memory(scenario, threads);  // before any work: refuse what cannot fit (--max-memory)
  const ScenarioRunResult run = run_scenario(scenario, threads);
  std::cout << "carecap check-plan: scenario '" << scenario.name << "', " << run.replications.size()
            << " replication(s)\n";
  print_plan_check(std::cout, scenario, run.replications);
}

}  // namespace carecap::tools
