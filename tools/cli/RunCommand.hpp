// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <string>

#include "text/Lang.hpp"
#include "tools/run/ResultsRun.hpp"
#include "tools/run/RunLimits.hpp"

namespace carecap::tools {

/// Options of `carecap run`, as given on the command line: what to run (tools/run/ResultsRun)
/// and the language of what the command prints.
struct RunOptions : RunRequest {
  text::Lang lang = text::Lang::en;         // of what the command prints (--lang, else the locale)
};

/// Loads and validates the scenario, applies and checks the options, runs it, writes the results
/// file and prints a summary. Throws InputError for bad input (an option out of range included)
/// and RuntimeFault for a failure while running or writing.
void run_command(const RunOptions& options);

/// Loads and validates the scenario and every table it names; prints what it found in `lang`.
void validate_command(const std::string& scenario_path, text::Lang lang);

}  // namespace carecap::tools
