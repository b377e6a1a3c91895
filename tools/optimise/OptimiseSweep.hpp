// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <string>
#include <vector>

#include "models/ResultSeries.hpp"
#include "models/planning/CandidateEnsemble.hpp"
#include "models/supply/CapacityParameters.hpp"
#include "output/GroupFile.hpp"
#include "scenarios/loader/Scenario.hpp"
#include "scenarios/loader/Sweep.hpp"

namespace carecap::tools {

/// The samples of `carecap optimise SCENARIO --sweep SWEEP` (docs/optimise.md, "Under
/// uncertainty"): the sweep, read against SCENARIO (its `scenario` key is not used: the
/// parameters are scaled from, and applied to, the optimise scenario), each design point's
/// parameter values, and each sample's base-year capacity model (the sample's demand; the same
/// years, towns and bed rules as the scenario's).
struct OptimiseSweep {
  scenarios::Sweep sweep;
  std::vector<std::vector<double>> values;    // [sample][parameter] the design's values (tools/sweep sweep_design)
  std::vector<supply::CapacityModel> models;  // [sample] base-year capacity model of the sample's scenario

  /// The ensemble of every sample with `replications` replications each of `seed`, made on
  /// `executor` (not owned; nullptr: `threads` OpenMP threads).
  [[nodiscard]] planning::CandidateEnsemble ensemble(std::uint64_t seed, int threads, const planning::RunExecutor* executor) const;
};

/// Reads the sweep at `sweep_path` against the optimise scenario `scenario` (loaded from
/// `scenario_path`), makes its design (the sample generation of `carecap sweep`) and, for each
/// sample, the scenario with the sample's values (tools/sweep sweep_scenario: the sweep's seed and
/// replications) and its base-year capacity model (`threads` for the projection). Throws
/// InputError with one line for a bad sweep, a parameter of [service_level] or [optimise] (what
/// optimise holds fixed), and a sample whose years, towns or bed rules differ from the scenario's.
[[nodiscard]] OptimiseSweep load_optimise_sweep(const std::string& sweep_path, const std::string& scenario_path,
                                                const supply::CapacityModel& base_year, int threads);

/// The sweep in the file's root attributes (output/SCHEMA.md, "Optimise files"): sweep_path,
/// sweep_name, sweep_text, sweep_design; samples (design points) and sweep_seed.
void add_sweep_attributes(output::FileAttributes& attributes, const OptimiseSweep& sweep);

/// The samples in the optimise group: dimensions `sample` and `parameter`, and
/// `sweep_parameter_value` [sample][parameter] (the value each swept key took).
void add_sweep_series(ResultGroup& group, const OptimiseSweep& sweep);

}  // namespace carecap::tools
