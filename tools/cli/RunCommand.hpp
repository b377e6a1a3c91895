// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "text/Lang.hpp"
#include "tools/run/RunLimits.hpp"

namespace carecap::tools {

/// Options of `carecap run`, as given on the command line.
struct RunOptions {
  std::string scenario_path;
  std::string output_path;                  // empty: <scenario stem>.h5 in the working directory
  bool force = false;                       // replace an existing output file
  std::optional<int> replications;          // overrides projection.replications, 1..kMaxReplications
  std::optional<std::uint64_t> seed;        // overrides projection.seed, 0..kMaxSeed
  std::optional<std::string> mode;          // overrides projection.mode; "deterministic" alone sets 1 replication
  int threads = 0;                          // 0..kMaxThreads; 0: all cores (OpenMP default)
  text::Lang lang = text::Lang::en;         // of what the command prints (--lang, else the locale)
};

/// Loads and validates the scenario, applies and checks the options, runs it, writes the results
/// file and prints a summary. Throws InputError for bad input (an option out of range included)
/// and RuntimeFault for a failure while running or writing.
void run_command(const RunOptions& options);

/// Loads and validates the scenario and every table it names; prints what it found in `lang`.
void validate_command(const std::string& scenario_path, text::Lang lang);

}  // namespace carecap::tools
