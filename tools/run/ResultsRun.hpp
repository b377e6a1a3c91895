// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "scenarios/loader/Scenario.hpp"
#include "tools/run/RunFindings.hpp"
#include "tools/run/ScenarioRun.hpp"

namespace carecap::tools {

/// What a run of one scenario into its results file is asked to do (the options of `carecap run`
/// that are not about printing; `carecap serve` asks the same).
struct RunRequest {
  std::string scenario_path;
  std::string output_path;                  // empty: <scenario name>.h5 in the working directory
  bool force = false;                       // replace an existing output file
  std::optional<int> replications;          // overrides projection.replications, 1..kMaxReplications
  std::optional<std::uint64_t> seed;        // overrides projection.seed, 0..kMaxSeed
  std::optional<std::string> mode;          // overrides projection.mode; "deterministic" alone sets 1 replication
  int threads = 0;                          // 0..kMaxThreads; 0: all cores (OpenMP default)
};

/// Where a run into its results file has got to, reported as it gets there.
enum class RunStage : char { loading, running, writing };

/// A scenario run written to its results file, with what a summary prints of it.
struct ResultsRun {
  scenarios::Scenario scenario;         // as loaded, with the request's overrides applied
  ScenarioRunResult run;                // per replication, the result groups (labels added)
  std::vector<RunFinding> findings;     // computed once: printed and stored in the file
  std::string output_path;              // the results file written
};

/// The pipeline of `carecap run`, in one place for every caller: loads and validates the
/// scenario, applies and checks the overrides, checks the memory it needs (--max-memory), claims
/// the output (output/OutputLock) for the whole run, runs it with its natural trend, and writes
/// the results file with its metadata, findings, plan check and pooled waits. `on_stage`, if
/// given, is called as each stage begins. Throws InputError for bad input (an override out of
/// range included) and RuntimeFault for a failure while running or writing.
[[nodiscard]] ResultsRun run_into_results_file(const RunRequest& request,
                                               const std::function<void(RunStage)>& on_stage = {});

}  // namespace carecap::tools
