// carecap. SPDX-License-Identifier: MIT
// Fuzz target: a scenario TOML file (the Bei'an scenario, its base china.toml, and test scenarios
// that use every optional section) read by load_scenario with every table it names.
#include "tests/fuzz/FuzzTarget.hpp"

const carecap::fuzz::FuzzTarget& carecap::fuzz::fuzz_target() {
  static const FuzzTarget target{
      "fuzz_scenario_toml",
      {{"scenarios/beian/beian.toml", "scenarios/beian/beian.toml"},
       {"scenarios/china.toml", "scenarios/china.toml"},
       {"tests/scenarios/beian_plan.toml", "tests/scenarios/beian_plan.toml"},
       {"tests/scenarios/china_transitions.toml", "tests/scenarios/china_transitions.toml"},
       {"tests/scenarios/china_stochastic.toml", "tests/scenarios/china_stochastic.toml"},
       {"tests/scenarios/china_improvement.toml", "tests/scenarios/china_improvement.toml"},
       {"tests/scenarios/china_wpp_paths.toml", "tests/scenarios/china_wpp_paths.toml"},
       {"tests/fuzz/scenarios/beian_light.toml", "tests/fuzz/scenarios/beian_light.toml"},
       {"scenarios/anyang/anyang_childcare_by_children.toml", "scenarios/anyang/anyang_childcare_by_children.toml"},
       {"scenarios/anyang/population_groups.toml", "scenarios/anyang/population_groups.toml"}},
      load_scenario_input};
  return target;
}
