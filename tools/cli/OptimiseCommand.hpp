// carecap. SPDX-License-Identifier: MIT
#pragma once
#include "text/Lang.hpp"
#include "tools/optimise/OptimiseRun.hpp"

namespace carecap::tools {

/// Options of `carecap optimise`: what to run (tools/optimise/OptimiseRun) and the language of
/// what the command prints.
struct OptimiseOptions : OptimiseRequest {};  // OptimiseRequest::lang: of what the command prints (--lang, else the locale)

/// Runs the optimise pipeline and prints a summary: the required beds by type in the plan's
/// target years and the last year beside the published plan's beds, the chosen starts, the costs
/// of both, and the verified service level.
void optimise_command(const OptimiseOptions& options);

}  // namespace carecap::tools
