// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <utility>
#include <vector>

namespace carecap::demography {

/// A yearly quantity given at anchor years and interpolated linearly between them (a per-year
/// table is the case of an anchor every year). The loader checks that anchors are strictly
/// increasing and cover every projected year; `at` outside the anchors throws RuntimeFault.
class YearPath {
public:
  YearPath() = default;
  explicit YearPath(std::vector<std::pair<int, double>> anchors) : anchors_(std::move(anchors)) {}

  /// Value in `year`, interpolated linearly between the enclosing anchors.
  [[nodiscard]] double at(int year) const;
  /// First and last anchor year (the path must not be empty).
  [[nodiscard]] int first_year() const { return anchors_.front().first; }
  [[nodiscard]] int last_year() const { return anchors_.back().first; }
  /// True when no anchor was given.
  [[nodiscard]] bool empty() const { return anchors_.empty(); }
  /// The (year, value) anchors, in increasing years.
  [[nodiscard]] const std::vector<std::pair<int, double>>& anchors() const { return anchors_; }

private:
  std::vector<std::pair<int, double>> anchors_;  // (year, value), strictly increasing years
};

}  // namespace carecap::demography
