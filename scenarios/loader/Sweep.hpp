// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <toml++/toml.h>
#include <vector>

#include "scenarios/loader/ScenarioDocument.hpp"
#include "sim/ParameterDistribution.hpp"
#include "sim/SamplingDesign.hpp"

namespace carecap::scenarios {

/// One uncertain parameter of a sweep: a scenario key and the distribution of its value.
struct SweepParameter {
  std::string key;      // "section.key" of the scenario, e.g. "capacity.mean_patience_years"
  std::string section;  // "capacity"
  std::string name;     // "mean_patience_years"
  sim::ParameterDistribution distribution = sim::ParameterDistribution::uniform(0, 1);
  bool scale = false;   // the sampled number multiplies every value of the scenario's own setting
  bool integer = false; // the scenario's setting is a whole number: sampled values are rounded
  std::vector<std::shared_ptr<const toml::node>> alternatives;  // discrete: the values to choose from
  std::vector<std::string> labels;                              // discrete: a name for each alternative
  std::shared_ptr<const toml::node> scenario_value;             // scale: the scenario's setting
  std::string units;    // of the sampled number: "factor", "index of the alternative", or the key's units
};

/// A sweep after validation: a scenario, its uncertain parameters and a sampling design.
struct Sweep {
  std::string path, name, description, text, source;
  std::string description_zh, source_zh;  // the same in Chinese, may be empty (reports then show the English)
  std::string scenario_path;      // relative to the working directory
  sim::DesignKind design = sim::DesignKind::latin_hypercube;
  std::size_t samples = 0;        // N: runs, or base rows of a saltelli design; 0 for grid
  int grid_levels = 3;            // levels of each continuous parameter in a grid design
  int replications = 1;           // R per sample
  std::uint64_t seed = 0;         // of the design and of every run (common random numbers)
  std::vector<std::string> sobol_outputs;  // outcomes to compute Sobol indices for (saltelli)
  int bootstrap = 200;            // resamples for the indices' confidence intervals
  std::vector<SweepParameter> parameters;
  std::string fingerprint;        // SHA-256 of the sweep and scenario texts and every input file
};

/// Reads and validates a sweep file (keys in scenarios/README.md, "Sweeps"): every parameter's
/// key must be a key of the scenario schema, its distribution parameters valid, the design not
/// empty. Throws InputError with one line naming the file and line or key. `scenario_path`, when
/// not empty, replaces the sweep's `scenario` key (`carecap optimise SCENARIO --sweep SWEEP`: the
/// parameters are checked against, and scaled from, that scenario).
[[nodiscard]] Sweep load_sweep(const std::string& path, const std::string& scenario_path = "");

/// The scenario overlay of one run: each parameter at `values` (a sampled number; for a discrete
/// parameter the index of the alternative). `label` names the run in messages.
[[nodiscard]] ScenarioOverlay sweep_overlay(const Sweep& sweep, const std::vector<double>& values, const std::string& label);

/// The value each parameter takes at design point `point` (in (0, 1)^d; grid: level indices).
[[nodiscard]] std::vector<double> parameter_values(const Sweep& sweep, const std::vector<double>& point);

/// Number of grid levels of each parameter (a discrete one: its alternatives).
[[nodiscard]] std::vector<int> grid_levels(const Sweep& sweep);

}  // namespace carecap::scenarios
