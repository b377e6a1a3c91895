// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <optional>
#include <string>

namespace carecap::planning {

/// The service a plan's capacity must give ([service_level] of a scenario; issue 22), the
/// replacement of a per-1,000 rule: each year, of the people who arrive seeking a bed (or a
/// childcare place), at most `max_share_waiting` wait longer than `wait_days`, in at least
/// `probability` of the replications (or sweep samples); optionally, beds stand idle on average
/// at most `max_idle_share` of the time. Checked once at the boundary (scenarios/loader).
struct ServiceLevel {
  double wait_days = 90;                       // days; a wait longer than this is a failure (0: any wait is one)
  double max_share_waiting = 0.05;             // fraction of a year's arrivals, 0..1
  double probability = 0.9;                    // fraction of replications in which the year's share must hold, 0..1 (< 1)
  std::optional<double> max_idle_share;        // fraction of open beds idle on average over a year, 0..1; none: no bound
  std::string source;                          // where the level comes from (a standard, the plan, an assumption)
};

}  // namespace carecap::planning
