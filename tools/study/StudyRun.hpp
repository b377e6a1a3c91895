// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <functional>
#include <string>

#include "scenarios/loader/Study.hpp"
#include "tools/run/ResultsRun.hpp"
#include "tools/study/StudyComparison.hpp"

namespace carecap::tools {

/// What a run of a study into its results file is asked to do (the options of `carecap study`
/// that are not about printing; `carecap serve` asks the same).
struct StudyRequest {
  std::string study_path;
  std::string output_path;  // empty: <study name>.h5 in the working directory
  bool force = false;       // replace an existing output file
  int threads = 0;          // threads for each scenario's replications, 0..kMaxThreads; 0: all cores
};

/// A study run and written to its results file, with what `carecap study` prints of it.
struct StudyResults {
  scenarios::Study study;         // as loaded: the baseline first, then the variants
  StudyComparison comparison;     // every scenario's outcomes and indicators
  int replications = 0;           // of every scenario (common random numbers)
  std::string output_path;        // the study file written
};

/// The pipeline of `carecap study`, in one place for every caller: loads and validates the study
/// (every variant's scenario), checks the memory one scenario needs (--max-memory), claims the
/// output (output/OutputLock) for the whole study, runs the baseline and each variant with common
/// random numbers, and writes the comparison with its metadata (output/SCHEMA.md, "Study files").
/// `on_stage`, if given, is called as each stage begins. Throws InputError for bad input and
/// RuntimeFault for a failure while running or writing.
[[nodiscard]] StudyResults run_study_into_results_file(const StudyRequest& request,
                                                       const std::function<void(RunStage)>& on_stage = {});

}  // namespace carecap::tools
