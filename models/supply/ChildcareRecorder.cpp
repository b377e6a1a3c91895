// carecap. SPDX-License-Identifier: MIT
#include "models/supply/ChildcareRecorder.hpp"

namespace carecap::supply {

ChildcareRecorder::ChildcareRecorder(int first_year, int pools)
    : now_(static_cast<std::size_t>(pools)),
      next_(static_cast<std::size_t>(pools)),
      wait_sum_(static_cast<std::size_t>(pools), 0.0),
      wait_sum_next_(static_cast<std::size_t>(pools), 0.0),
      places_(static_cast<std::size_t>(pools)),
      enrolled_(static_cast<std::size_t>(pools)),
      waiting_(static_cast<std::size_t>(pools)),
      year_start_(first_year) {
  for (auto* means : {&places_, &enrolled_, &waiting_})
    for (auto& m : *means) m.start(first_year, 0);
}

ChildcarePoolYear& ChildcareRecorder::at(int pool, double time) {
  return (time >= year_start_ + 1.0 ? next_ : now_)[static_cast<std::size_t>(pool)];
}

void ChildcareRecorder::applied(int stream, double time, bool transfer) { ++(transfer ? at(stream, time).transfers : at(stream, time).applications); }

void ChildcareRecorder::admitted(int stream, double time, double waited) {
  ++at(stream, time).admitted;
  (time >= year_start_ + 1.0 ? wait_sum_next_ : wait_sum_)[static_cast<std::size_t>(stream)] += waited;
}

void ChildcareRecorder::gave_up(int stream, double time) { ++at(stream, time).gave_up; }

void ChildcareRecorder::left(int pool, double time, bool withdrew) { ++(withdrew ? at(pool, time).withdrew : at(pool, time).outgrew); }

void ChildcareRecorder::place_level(int pool, double time, std::int64_t enrolled, std::int64_t places) {
  places_[static_cast<std::size_t>(pool)].change(time, static_cast<double>(places));
  enrolled_[static_cast<std::size_t>(pool)].change(time, static_cast<double>(enrolled));
}

void ChildcareRecorder::queue_level(int stream, double time, std::int64_t waiting) {
  waiting_[static_cast<std::size_t>(stream)].change(time, static_cast<double>(waiting));
}

void ChildcareRecorder::year_end(int, double time) {
  for (std::size_t p = 0; p < now_.size(); ++p) {
    ChildcarePoolYear& y = now_[p];
    y.mean_places = places_[p].mean(time);
    y.mean_enrolled = enrolled_[p].mean(time);
    y.mean_waiting = waiting_[p].mean(time);
    y.wait_mean_days = y.admitted > 0 ? 365.25 * wait_sum_[p] / y.admitted : 0.0;
    for (auto* m : {&places_[p], &enrolled_[p], &waiting_[p]}) m->start(time, m->level());
  }
  years_.push_back(now_);
  now_.swap(next_);
  wait_sum_.swap(wait_sum_next_);
  for (auto& y : next_) y = ChildcarePoolYear{};
  for (auto& w : wait_sum_next_) w = 0.0;
  year_start_ = time;
}

}  // namespace carecap::supply
