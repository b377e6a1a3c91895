// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <cstdint>

#include "models/supply/CapacityLevels.hpp"

namespace carecap::supply {

/// The one way results leave a capacity simulation. Pools are (bed type, region) with index
/// bed_type x regions + region; streams are (demand type, region) indexed the same way. Times
/// are simulated years; waits are years. What happens to a person is told as it happens; the
/// levels (beds occupied and open, people waiting) and departures are accumulated by the
/// simulation and handed over at the year and month ends (CapacityLevels.hpp).
class CapacityMonitor {
public:
  virtual ~CapacityMonitor() = default;
  virtual void arrived(int stream, double time) = 0;
  /// Admitted to `pool` after waiting `waited` years; `priority`: in the priority class;
  /// `affordable_tier`: of the affordable price tier (takes affordable beds only).
  virtual void admitted(int stream, int pool, double time, double waited, bool priority, bool affordable_tier) = 0;
  virtual void turned_away(int stream, double time) = 0;
  /// Put on a waiting list at `time` (at arrival, or at the start for the initial waiting list).
  virtual void joined_waiting(int stream, double time) = 0;
  /// Left the waiting list unserved: gave up (died = false) or died waiting (died = true).
  virtual void left_waiting(int stream, double time, double waited, bool died, bool affordable_tier) = 0;
  /// Calendar year `year_index` (0 = first simulated year) ended at `time`, with its levels and
  /// departures.
  virtual void year_end(int year_index, double time, const CapacityYearLevels& year) = 0;
  /// Month `month_index` (0 = January of the first year; months are twelfths of a year) ended,
  /// with the levels at that instant.
  virtual void month_end(int month_index, double time, const CapacityLevelsNow& now) = 0;
};

}  // namespace carecap::supply
