// carecap. SPDX-License-Identifier: MIT
#include "models/planning/ServiceLevelRecorder.hpp"

#include <cmath>
#include <iterator>

#include "models/supply/CapacityResult.hpp"

namespace carecap::planning {

ServiceLevelRecorder::ServiceLevelRecorder(int first_year, int years, int streams, double wait_days)
    : first_year_(first_year),
      wait_years_(wait_days / supply::kDaysPerYear),
      arrivals_(static_cast<std::size_t>(years), std::vector<double>(static_cast<std::size_t>(streams), 0.0)),
      failures_(static_cast<std::size_t>(years), std::vector<double>(static_cast<std::size_t>(streams), 0.0)),
      waiting_(static_cast<std::size_t>(streams)) {}

void ServiceLevelRecorder::arrived(int stream, double time) {
  const double year = std::floor(time) - first_year_;
  if (year >= 0 && year < static_cast<double>(arrivals_.size()))
    ++arrivals_[static_cast<std::size_t>(year)][static_cast<std::size_t>(stream)];
}

void ServiceLevelRecorder::fail(int stream, double time) {
  const double year = std::floor(time) - first_year_;
  if (year >= 0 && year < static_cast<double>(failures_.size()))
    ++failures_[static_cast<std::size_t>(year)][static_cast<std::size_t>(stream)];
}

void ServiceLevelRecorder::stop_waiting(int stream, double arrival) {
  std::multiset<double>& people = waiting_[static_cast<std::size_t>(stream)];
  if (people.empty()) return;
  auto it = people.lower_bound(arrival);
  if (it == people.end() || (it != people.begin() && arrival - *std::prev(it) < *it - arrival)) --it;
  people.erase(it);
}

void ServiceLevelRecorder::admitted(int stream, int, double time, double waited, bool, bool) {
  if (waited <= 0.0) return;  // admitted at arrival: never on the list, never a failure
  stop_waiting(stream, time - waited);
  if (waited > wait_years_) fail(stream, time - waited + wait_years_);
}

void ServiceLevelRecorder::turned_away(int stream, double time) { fail(stream, time); }

void ServiceLevelRecorder::left_waiting(int stream, double time, double waited, bool, bool) {
  stop_waiting(stream, time - waited);
  fail(stream, waited > wait_years_ ? time - waited + wait_years_ : time);
}

void ServiceLevelRecorder::joined_waiting(int stream, double time) {
  waiting_[static_cast<std::size_t>(stream)].insert(time);
}

void ServiceLevelRecorder::finish(double end) {
  for (std::size_t s = 0; s < waiting_.size(); ++s)
    for (double arrival : waiting_[s])
      if (arrival + wait_years_ < end) fail(static_cast<int>(s), arrival + wait_years_);
}

}  // namespace carecap::planning
