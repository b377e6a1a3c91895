// carecap. SPDX-License-Identifier: MIT
// Fuzz target: a study file (plan variants as scenario overrides), read by load_study, which
// loads and validates every variant's scenario.
#include "scenarios/loader/Study.hpp"
#include "tests/fuzz/FuzzTarget.hpp"

const carecap::fuzz::FuzzTarget& carecap::fuzz::fuzz_target() {
  static const std::string study = "scenarios/studies/beian_plan_variants.toml";
  static const FuzzTarget target{"fuzz_study",
                                 {{study, study}},
                                 [](const std::string& path) { (void)carecap::scenarios::load_study(path); }};
  return target;
}
