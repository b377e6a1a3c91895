// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <cstdint>
#include <set>
#include <vector>

#include "models/supply/ChildcareMonitor.hpp"

namespace carecap::planning {

/// A childcare monitor that counts, per calendar year and application stream (month band x
/// regions + region), the applications and those the service level counts as failures
/// (docs/optimise.md, "Required childcare places"): an application that waits longer than
/// `wait_days` before a place, and one that leaves the list unplaced after any wait (patience ran
/// out, the child aged out of the band still waiting, or the family withdrew: the conservative
/// choice, as for elders who die waiting). Every application counts, fresh, again (after waiting
/// or giving up in the band below) or moving up from a place of the band below. A failure is
/// counted once, in the year of the instant it becomes one (application + wait_days, or leaving
/// sooner), so a year's count depends only on the places up to that year's end.
class ChildcareServiceRecorder final : public supply::ChildcareMonitor {
public:
  /// `years`: simulated calendar years from `first_year`; `wait_days`: the level's threshold, days.
  ChildcareServiceRecorder(int first_year, int years, int streams, double wait_days);

  void applied(int stream, double time, supply::Applicant who, int tier) override;
  void admitted(int stream, double time, double waited, int tier, int place_tier) override;
  void gave_up(int stream, double time, double waited, int tier) override;
  void left(int, double, bool) override {}
  void place_level(int, double, const supply::ByTier&, const supply::ByTier&, std::int64_t) override {}
  void queue_level(int, double, const supply::ByTier&) override {}
  void year_end(int, double) override {}

  /// Counts the applications still waiting at `end` (the end of the run, years) whose wait
  /// already exceeds wait_days. Call once, after the run.
  void finish(double end);

  /// new_ applications by [year][stream], persons.
  [[nodiscard]] const std::vector<std::vector<double>>& arrivals() const { return arrivals_; }
  /// new_ failures by [year][stream], persons (counted in the year they became failures).
  [[nodiscard]] const std::vector<std::vector<double>>& failures() const { return failures_; }

private:
  void fail(int stream, double time);
  /// Removes from `stream`'s open applications the one made at `applied` (the nearest entry: the
  /// time is recovered as time - waited, which may differ in the last bit).
  void stop_waiting(int stream, double applied);

  int first_year_;
  double wait_years_;
  std::vector<std::vector<double>> arrivals_;  // [year][stream]
  std::vector<std::vector<double>> failures_;  // [year][stream]
  std::vector<std::multiset<double>> open_;    // per stream: times of the applications not yet placed or left, years
};

}  // namespace carecap::planning
