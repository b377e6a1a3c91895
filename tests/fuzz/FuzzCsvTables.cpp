// carecap. SPDX-License-Identifier: MIT
// Fuzz target: every kind of CSV table a scenario reads (population, rates, paths, profiles,
// prevalence, transitions, facilities, plans, childcare), each replaced in a copied scenario and
// read through load_scenario as a planner's edited table would be.
#include "tests/fuzz/FuzzTarget.hpp"

const carecap::fuzz::FuzzTarget& carecap::fuzz::fuzz_target() {
  // The scenarios of tests/fuzz/scenarios read the same tables without WPP's large 2024-2100 tables,
  // so that an input loads several times faster.
  static const std::string beian = "tests/fuzz/scenarios/beian_light.toml";
  static const FuzzTarget target{
      "fuzz_csv_tables",
      {{"scenarios/beian/data/population_2021.csv", beian},
       {"scenarios/beian/data/facilities_2020.csv", beian},
       {"scenarios/beian/data/childcare_2020.csv", beian},
       {"scenarios/data/beian/beian_projects_2022_2024.csv", beian},
       {"scenarios/data/china_wpp2024/mother_age_profile_2024.csv", beian},
       {"scenarios/data/care_defaults/care_prevalence_china.csv", beian},
       {"scenarios/data/china_wpp2024/srb_medium.csv", beian},
       {"tests/scenarios/data/mx_2024.csv", beian},
       {"scenarios/data/china_wpp2024/tfr_medium.csv", "tests/fuzz/scenarios/wpp_paths_light.toml"},
       {"scenarios/data/china_wpp2024/e0_medium.csv", "tests/fuzz/scenarios/wpp_paths_light.toml"},
       {"tests/scenarios/data/care_transitions_example.csv", "tests/fuzz/scenarios/transitions_light.toml"},
       {"tests/scenarios/data/dementia_incidence_example.csv", "tests/fuzz/scenarios/transitions_light.toml"},
       {"tests/scenarios/data/migrant_profile_2024.csv", "tests/fuzz/scenarios/improvement_light.toml"},
       {"scenarios/anyang/data/plan_childcare_by_children.csv", "scenarios/anyang/anyang_childcare_by_children.toml"},
       {"scenarios/jiaxing/data/facilities_2021.csv", "scenarios/jiaxing/jiaxing.toml"},
       {"scenarios/jiaxing/data/childcare_2021.csv", "scenarios/jiaxing/jiaxing.toml"},
       {"scenarios/data/china_wpp2024/pop_2020_by_age_sex.csv", "scenarios/anyang/population_groups.toml"}},
      load_scenario_input};
  return target;
}
