// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <string>

#include "text/Lang.hpp"

namespace carecap::tools {

/// Options of `carecap sweep`.
struct SweepOptions {
  std::string sweep_path;
  std::string output_path;       // empty: <sweep stem>.h5 in the working directory
  bool force = false;            // replace an existing results file or checkpoint
  bool resume = false;           // continue from OUTPUT.partial
  bool keep_trajectories = false;  // also write every run's indicators by year
  int threads = 0;               // OpenMP threads per process; 0: all cores
  text::Lang lang = text::Lang::en;  // of what the command prints (--lang, else the locale)
};

/// Runs a sweep (`carecap sweep`): its design's runs on `threads` threads in each of the MPI processes (one
/// without mpirun), each finished run appended to OUTPUT.partial as it completes; then reduces
/// them to the results file (tools/sweep/SweepResults.hpp) and removes the checkpoint. Results do not
/// depend on the thread or process count, nor on interruptions resumed with --resume.
void run_sweep(const SweepOptions& options);

}  // namespace carecap::tools
