// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <string>
#include <vector>

#include "models/ResultSeries.hpp"
#include "scenarios/loader/Sweep.hpp"
#include "tools/sweep/SweepRun.hpp"

namespace carecap::tools {

/// Quantiles of the fans, in this order.
inline const std::vector<double> kFanProbabilities{0.05, 0.25, 0.50, 0.75, 0.95};

/// The design of a sweep: for each run its point in the unit cube (grid: level indices) and the
/// value each parameter takes.
struct SweepDesign {
  std::vector<std::vector<double>> points;
  std::vector<std::vector<double>> values;
};

[[nodiscard]] SweepDesign sweep_design(const scenarios::Sweep& sweep);

/// The result groups of a finished sweep, reduced from its checkpoint file in a streaming way:
/// `samples` (per-run parameter values and outcomes), `outcome_quantiles` and `fans` (p5, p25,
/// p50, p75, p95 of every outcome, and of every indicator by year, over the runs), `sobol` (for a
/// saltelli design: first-order and total indices of each sobol output with bootstrap intervals)
/// and, with `keep_trajectories`, `trajectories` (every indicator of every run by year). Fans
/// read the checkpoint in passes that hold at most about 256 MiB of values at a time.
[[nodiscard]] std::vector<ResultGroup> sweep_result_groups(const scenarios::Sweep& sweep, const SweepLayout& layout,
                                                           const SweepDesign& design, const std::string& checkpoint_path,
                                                           bool keep_trajectories);

/// The swept parameters' distributions in Chinese, one "KEY：UNITS，DISTRIBUTION" clause each (the
/// English is the parameter_value dataset's source), for the Chinese report.
[[nodiscard]] std::string parameter_distributions_zh(const scenarios::Sweep& sweep);

}  // namespace carecap::tools
