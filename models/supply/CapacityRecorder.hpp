// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <vector>

#include "models/supply/CapacityMonitor.hpp"
#include "models/supply/CapacityResult.hpp"
#include "sim/YearRows.hpp"

namespace carecap::supply {

/// A monitor that keeps yearly statistics per pool and per stream in memory, the simulation's
/// levels and departures as handed over at each year end. Flows are counted
/// in the calendar year of their time: an event at exactly 1 January belongs to the new year,
/// even though the year-end sample at that instant runs after it (SameTimeOrder::sample). The
/// waits of those admitted are kept per (year, stream, priority class) on the fixed bins of
/// WaitHistogram, so that the run can pool them over replications.
class CapacityRecorder final : public CapacityMonitor {
public:
  /// `wait_target_days`: a wait longer than this counts in StreamYear::waited_longer_than_target
  /// (CapacitySettings::wait_target_days).
  CapacityRecorder(int first_year, int pools, int streams, int units, double wait_target_days = 90.0);

  void arrived(int stream, double time) override;
  void admitted(int stream, int pool, double time, double waited, bool priority, bool affordable_tier) override;
  void turned_away(int stream, double time) override;
  void joined_waiting(int, double) override {}  // the waiting lists' lengths come with the year's levels
  void left_waiting(int stream, double time, double waited, bool died, bool affordable_tier) override;
  void year_end(int year_index, double time, const CapacityYearLevels& year) override;
  void month_end(int month_index, double time, const CapacityLevelsNow& now) override;

  [[nodiscard]] CapacityResult take_result() { return std::move(result_); }

private:
  CapacityResult result_;
  /// This year's accumulators for an event at `time`, or the next year's at the boundary instant.
  PoolYear& pool(int pool, double time);
  StreamYear& stream(int stream, double time);
  sim::YearRows<PoolYear> pools_;
  sim::YearRows<StreamYear> streams_;
  /// Per stream x class (stream * kPriorityClassCount + class): the wait bins (wait_bin) of the
  /// year's admitted people who waited.
  sim::YearRows<std::vector<int>> wait_bins_;
  double wait_target_years_;
  std::size_t units_;  // units the simulation reports (CapacityModel::units)
};

}  // namespace carecap::supply
