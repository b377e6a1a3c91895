// carecap. SPDX-License-Identifier: MIT
#include "models/planning/ChildcareServiceRecorder.hpp"

#include <cmath>
#include <iterator>

#include "models/supply/CapacityResult.hpp"

namespace carecap::planning {

ChildcareServiceRecorder::ChildcareServiceRecorder(int first_year, int years, int streams, double wait_days)
    : first_year_(first_year),
      wait_years_(wait_days / supply::kDaysPerYear),
      arrivals_(static_cast<std::size_t>(years), std::vector<double>(static_cast<std::size_t>(streams), 0.0)),
      failures_(static_cast<std::size_t>(years), std::vector<double>(static_cast<std::size_t>(streams), 0.0)),
      open_(static_cast<std::size_t>(streams)) {}

void ChildcareServiceRecorder::applied(int stream, double time, supply::Applicant, int) {
  const double year = std::floor(time) - first_year_;
  if (year >= 0 && year < static_cast<double>(arrivals_.size()))
    ++arrivals_[static_cast<std::size_t>(year)][static_cast<std::size_t>(stream)];
  open_[static_cast<std::size_t>(stream)].insert(time);
}

void ChildcareServiceRecorder::fail(int stream, double time) {
  const double year = std::floor(time) - first_year_;
  if (year >= 0 && year < static_cast<double>(failures_.size()))
    ++failures_[static_cast<std::size_t>(year)][static_cast<std::size_t>(stream)];
}

void ChildcareServiceRecorder::stop_waiting(int stream, double applied) {
  std::multiset<double>& open = open_[static_cast<std::size_t>(stream)];
  if (open.empty()) return;
  auto it = open.lower_bound(applied);
  if (it == open.end() || (it != open.begin() && applied - *std::prev(it) < *it - applied)) --it;
  open.erase(it);
}

void ChildcareServiceRecorder::admitted(int stream, double time, double waited, int, int) {
  stop_waiting(stream, time - waited);
  if (waited > wait_years_) fail(stream, time - waited + wait_years_);
}

void ChildcareServiceRecorder::gave_up(int stream, double time, double waited, int) {
  stop_waiting(stream, time - waited);
  fail(stream, waited > wait_years_ ? time - waited + wait_years_ : time);
}

void ChildcareServiceRecorder::finish(double end) {
  for (std::size_t s = 0; s < open_.size(); ++s)
    for (double applied : open_[s])
      if (applied + wait_years_ < end) fail(static_cast<int>(s), applied + wait_years_);
}

}  // namespace carecap::planning
