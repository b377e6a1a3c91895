// carecap. SPDX-License-Identifier: MIT
#pragma once

namespace carecap::sim {

/// The time average of a level that changes in steps (occupancy, queue length), per period.
class TimeWeightedMean {
public:
  /// Starts a period at `time` with the current `level`.
  void start(double time, double level) {
    period_start_ = last_time_ = time;
    level_ = level;
    area_ = 0.0;
  }
  /// The level changes to `level` at `time` (>= the last change).
  void change(double time, double level) {
    area_ += level_ * (time - last_time_);
    last_time_ = time;
    level_ = level;
  }
  /// Mean level over [period start, time].
  [[nodiscard]] double mean(double time) const {
    const double length = time - period_start_;
    return length > 0.0 ? (area_ + level_ * (time - last_time_)) / length : level_;
  }
  [[nodiscard]] double level() const { return level_; }
  /// Ends the period at `time`: returns its mean level and starts the next period there, at the
  /// current level.
  double close(double time) {
    const double period_mean = mean(time);
    start(time, level_);
    return period_mean;
  }

private:
  double period_start_ = 0.0, last_time_ = 0.0, level_ = 0.0, area_ = 0.0;
};

}  // namespace carecap::sim
