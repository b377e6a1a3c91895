// carecap. SPDX-License-Identifier: MIT
#include "models/supply/ChildcareRecorder.hpp"

namespace carecap::supply {

ChildcareRecorder::ChildcareRecorder(int first_year, int pools)
    : rows_(first_year, static_cast<std::size_t>(pools)),
      wait_sums_(first_year, static_cast<std::size_t>(pools)),
      places_(static_cast<std::size_t>(pools)),
      enrolled_(static_cast<std::size_t>(pools)),
      waiting_(static_cast<std::size_t>(pools)) {
  for (auto* means : {&places_, &enrolled_, &waiting_})
    for (auto& m : *means) m.start(first_year, 0);
}

ChildcarePoolYear& ChildcareRecorder::at(int pool, double time) { return rows_.at(static_cast<std::size_t>(pool), time); }

void ChildcareRecorder::applied(int stream, double time, bool transfer) { ++(transfer ? at(stream, time).transfers : at(stream, time).applications); }

void ChildcareRecorder::admitted(int stream, double time, double waited) {
  ++at(stream, time).admitted;
  wait_sums_.at(static_cast<std::size_t>(stream), time) += waited;
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
  std::vector<ChildcarePoolYear>& rows = rows_.current();
  const std::vector<double> wait_sums = wait_sums_.roll(time);
  for (std::size_t p = 0; p < rows.size(); ++p) {
    ChildcarePoolYear& y = rows[p];
    y.mean_places = places_[p].close(time);
    y.mean_enrolled = enrolled_[p].close(time);
    y.mean_waiting = waiting_[p].close(time);
    y.wait_mean_days = y.admitted > 0 ? 365.25 * wait_sums[p] / y.admitted : 0.0;
  }
  years_.push_back(rows_.roll(time));
}

}  // namespace carecap::supply
