// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <cstdint>

namespace carecap::supply {

/// The one way results leave a capacity simulation. Pools are (bed type, region) with index
/// bed_type x regions + region; streams are (demand type, region) indexed the same way. Times
/// are simulated years; waits are years.
class CapacityMonitor {
public:
  virtual ~CapacityMonitor() = default;
  virtual void arrived(int stream, double time) = 0;
  /// Admitted to `pool` after waiting `waited` years; `priority`: in the priority class;
  /// `affordable_tier`: of the affordable price tier (takes affordable beds only).
  virtual void admitted(int stream, int pool, double time, double waited, bool priority, bool affordable_tier) = 0;
  virtual void turned_away(int stream, double time) = 0;
  /// Left the waiting list unserved: gave up (died = false) or died waiting (died = true).
  virtual void left_waiting(int stream, double time, double waited, bool died, bool affordable_tier) = 0;
  virtual void departed(int pool, double time, bool died) = 0;
  /// Occupied or open beds of a pool changed (open: capacity, plus beds a closure or conversion
  /// took away that still hold a resident; never fewer than occupied).
  virtual void pool_level(int pool, double time, std::int64_t occupied, std::int64_t capacity) = 0;
  /// Occupied or open beds of a unit (CapacityModel::units: a facility's or project's beds of
  /// one type) changed. Not called for beds of no unit.
  virtual void unit_level(int unit, double time, std::int64_t occupied, std::int64_t capacity) {
    (void)unit, (void)time, (void)occupied, (void)capacity;
  }
  /// The waiting list of a stream changed length.
  virtual void queue_level(int stream, double time, std::int64_t waiting) = 0;
  /// Calendar year `year_index` (0 = first simulated year) ended at `time`.
  virtual void year_end(int year_index, double time) = 0;
  /// Month `month_index` (0 = January of the first year; months are twelfths of a year) ended.
  virtual void month_end(int month_index, double time) = 0;
};

}  // namespace carecap::supply
