// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <cstddef>
#include <utility>
#include <vector>

namespace carecap::sim {

/// Yearly accumulators, one `Row` per pool or stream, for the year being simulated and the next:
/// an event stamped at or after the year's end (the boundary instant, whose events run before the
/// year-end sample: SameTimeOrder::sample) counts in the next year. Years are one time unit long.
template <class Row>
class YearRows {
public:
  YearRows(double year_start, std::size_t rows) : now_(rows), next_(rows), year_start_(year_start) {}

  /// The row to count an event at `time` in: this year's, or the next year's at the boundary.
  Row& at(std::size_t row, double time) { return (time >= year_start_ + 1.0 ? next_ : now_)[row]; }
  /// This year's rows, to complete before `roll`.
  std::vector<Row>& current() { return now_; }
  /// Ends the year at `time`: returns this year's rows; the next year's become current.
  std::vector<Row> roll(double time) {
    std::vector<Row> year = std::move(now_);
    now_ = std::move(next_);
    next_.assign(now_.size(), Row{});
    year_start_ = time;
    return year;
  }

private:
  std::vector<Row> now_, next_;
  double year_start_;
};

}  // namespace carecap::sim
