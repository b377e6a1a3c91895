// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <string>
#include <vector>

#include "scenarios/loader/Scenario.hpp"
#include "scenarios/loader/Sweep.hpp"
#include "scenarios/loader/TableCache.hpp"
#include "tools/run/RunOutcomes.hpp"

namespace carecap::tools {

/// What each run of a sweep records: its outcomes, then each indicator over the years.
struct SweepLayout {
  std::vector<Outcome> outcomes;            // names, units, descriptions (values unused)
  std::vector<IndicatorSeries> indicators;  // names, units, descriptions (values unused)
  std::vector<int> years;
  [[nodiscard]] std::size_t width() const { return outcomes.size() + indicators.size() * years.size(); }
};

/// The layout of a sweep of `scenario` (the sweep's scenario without overrides).
[[nodiscard]] SweepLayout sweep_layout(const scenarios::Scenario& scenario);

/// The scenario of one run: the sweep's scenario with the parameters at `values`, its
/// replications and seed set to the sweep's (every run draws the same streams: common random
/// numbers). Throws InputError naming the run when the values make a bad scenario. Tables come
/// from `tables` when an earlier run read them.
[[nodiscard]] scenarios::Scenario sweep_scenario(const scenarios::Sweep& sweep, const std::vector<double>& values,
                                                 std::size_t run, scenarios::TableCache& tables);

/// Runs one sample on one thread and returns its record (layout order).
[[nodiscard]] std::vector<double> run_sweep_sample(const scenarios::Sweep& sweep, const std::vector<double>& values,
                                                   std::size_t run, scenarios::TableCache& tables);

}  // namespace carecap::tools
