// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <cstdint>
#include <set>
#include <vector>

#include "models/supply/CapacityMonitor.hpp"

namespace carecap::planning {

/// A monitor that counts, per calendar year and arrival stream, the people who arrive and the
/// people the service level counts as failures (ServiceLevel; docs/capacity.md, "Required
/// capacity"): those whose wait exceeds `wait_days`, those who leave the waiting list unserved
/// (gave up or died waiting, after any wait: the conservative choice) and those turned away by a
/// full list. A failure is counted
/// once, in the year of the instant it becomes one: a wait that exceeds wait_days at arrival +
/// wait_days (whether the person is then admitted later, leaves later or is still waiting when
/// the run ends), a person who leaves unserved sooner at the instant they leave, a person turned
/// away at arrival. So a year's count depends only on the capacities up to that year's end, and
/// a run that stops at the end of year y counts years up to y exactly as a longer run does.
class ServiceLevelRecorder final : public supply::CapacityMonitor {
public:
  /// `years`: simulated calendar years from `first_year`; `wait_days`: the level's threshold, days.
  ServiceLevelRecorder(int first_year, int years, int streams, double wait_days);

  void arrived(int stream, double time) override;
  void admitted(int stream, int pool, double time, double waited, bool priority, bool affordable_tier) override;
  void turned_away(int stream, double time) override;
  void left_waiting(int stream, double time, double waited, bool died, bool affordable_tier) override;
  void joined_waiting(int stream, double time) override;
  void year_end(int, double, const supply::CapacityYearLevels&) override {}
  void month_end(int, double, const supply::CapacityLevelsNow&) override {}

  /// Counts the people still waiting at `end` (the end of the run, years) whose wait already
  /// exceeds wait_days. Call once, after the run.
  void finish(double end);

  /// new_ arrivals by [year][stream], persons.
  [[nodiscard]] const std::vector<std::vector<double>>& arrivals() const { return arrivals_; }
  /// new_ failures by [year][stream], persons (counted in the year they became failures).
  [[nodiscard]] const std::vector<std::vector<double>>& failures() const { return failures_; }

private:
  /// Counts a failure of `stream` at `time` (nothing when beyond the simulated years).
  void fail(int stream, double time);
  /// Removes from `stream`'s waiting people the one who arrived at `arrival` (the nearest entry:
  /// the arrival time is recovered as time - waited, which may differ in the last bit).
  void stop_waiting(int stream, double arrival);

  int first_year_;
  double wait_years_;
  std::vector<std::vector<double>> arrivals_;  // [year][stream]
  std::vector<std::vector<double>> failures_;  // [year][stream]
  std::vector<std::multiset<double>> waiting_; // per stream: arrival times of the people waiting, years
};

}  // namespace carecap::planning
