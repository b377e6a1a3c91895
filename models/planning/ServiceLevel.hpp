// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <optional>
#include <string>

namespace carecap::planning {

/// The service a plan's capacity must give ([service_level] of a scenario; issue 22), the
/// replacement of a per-1,000 rule: each year, of the people who arrive seeking a bed (or a
/// childcare place), at most `max_share_waiting` wait longer than `wait_days`, in at least
/// `probability` of the replications (or sweep samples); optionally, beds stand idle on average
/// at most `max_idle_share` of the time: the schedule builds no bed where the beds would then
/// stand idle beyond it (planning::IdleBound). Checked once at the boundary (scenarios/loader).
struct ServiceLevel {
  double wait_days = 90;                       // days; a wait longer than this is a failure (0: any wait is one)
  double max_share_waiting = 0.05;             // fraction of a year's arrivals, 0..1
  double probability = 0.9;                    // fraction of replications in which the year's share must hold, 0..1 (< 1)
  std::optional<double> max_idle_share;        // fraction of open beds idle on average over a year, 0..1; none or 1: no bound
  std::string source;                          // where the level comes from (a standard, the plan, an assumption)
  std::optional<double> childcare_wait_days{};          // days, for childcare applications; none: wait_days
  std::optional<double> childcare_max_share_waiting{};  // fraction of a year's childcare applications, 0..1; none: max_share_waiting
};

/// The level a childcare application must get (托位; docs/optimise.md, "Required childcare
/// places"): the childcare terms where given, else the elders'; the probability is shared; no
/// idle bound.
[[nodiscard]] inline ServiceLevel childcare_level(const ServiceLevel& level) {
  ServiceLevel out = level;
  out.wait_days = level.childcare_wait_days.value_or(level.wait_days);
  out.max_share_waiting = level.childcare_max_share_waiting.value_or(level.max_share_waiting);
  out.max_idle_share.reset();
  return out;
}

}  // namespace carecap::planning
