// carecap. SPDX-License-Identifier: MIT
#pragma once

namespace carecap::sim {

/// The area under a level that changes in steps (beds occupied, people waiting) since a period
/// started: the owner keeps the level and accrues before each change; the period's time average
/// is area / length. Kept beside the level it measures, so that an event updates it in place.
struct LevelArea {
  double since = 0.0;  // time of the last accrual
  double area = 0.0;   // level x time since the period started

  /// Adds `level` held from the last accrual until `now` (>= it).
  void accrue(double now, double level) {
    area += level * (now - since);
    since = now;
  }
  /// Ends the period at `now` (of `length` time units, > 0) with `level` held since the last
  /// accrual: returns the time average and starts the next period at `now`.
  double close(double now, double level, double length) {
    accrue(now, level);
    const double mean = area / length;
    area = 0.0;
    return mean;
  }
};

}  // namespace carecap::sim
