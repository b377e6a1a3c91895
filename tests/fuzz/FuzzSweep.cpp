// carecap. SPDX-License-Identifier: MIT
// Fuzz target: a sweep file (uncertain parameters, their distributions and the design), read by
// load_sweep, which checks every parameter against the scenario schema and the sampled values.
#include "scenarios/loader/Sweep.hpp"
#include "tests/fuzz/FuzzTarget.hpp"

const carecap::fuzz::FuzzTarget& carecap::fuzz::fuzz_target() {
  static const FuzzTarget target{
      "fuzz_sweep",
      {{"scenarios/sweeps/beian_uncertainty.toml", "scenarios/sweeps/beian_uncertainty.toml"},
       {"tests/sweeps/beian_small.toml", "tests/sweeps/beian_small.toml"},
       {"tests/sweeps/beian_saltelli.toml", "tests/sweeps/beian_saltelli.toml"}},
      [](const std::string& path) { (void)carecap::scenarios::load_sweep(path); }};
  return target;
}
