// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <ostream>
#include <vector>

#include "models/ResultSeries.hpp"
#include "text/Catalogue.hpp"
#include "tools/run/RunFindings.hpp"

namespace carecap::tools {

/// Prints the headline lines of a run (population, births, TFR; beds, day care, care workers,
/// childcare places and the plans' main indicators when demand was computed) for the base year,
/// the plan years 2025-2035, 2040, 2050, 2075 and the last year. With several replications: the
/// mean and the 5th-95th percentile range; then the run's findings (run_findings). Every word in
/// `lang` (the indicators by their plain names, text/messages/cli.toml); the numbers are the same
/// in both languages. replications[r] holds replication r's result groups.
void print_run_summary(std::ostream& out, const std::vector<std::vector<ResultGroup>>& replications,
                       const std::vector<RunFinding>& findings, text::Lang lang);

}  // namespace carecap::tools
