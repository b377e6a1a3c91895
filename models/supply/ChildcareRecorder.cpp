// carecap. SPDX-License-Identifier: MIT
#include "models/supply/ChildcareRecorder.hpp"

namespace carecap::supply {

ChildcareRecorder::ChildcareRecorder(int first_year, int pools)
    : rows_(first_year, static_cast<std::size_t>(pools)),
      waits_(first_year, static_cast<std::size_t>(pools)),
      places_(static_cast<std::size_t>(pools)),
      affordable_places_(static_cast<std::size_t>(pools)),
      enrolled_(static_cast<std::size_t>(pools)),
      enrolled_affordable_(static_cast<std::size_t>(pools)),
      affordable_in_market_(static_cast<std::size_t>(pools)),
      waiting_(static_cast<std::size_t>(pools)),
      waiting_affordable_(static_cast<std::size_t>(pools)) {
  for (auto* means : {&places_, &affordable_places_, &enrolled_, &enrolled_affordable_, &affordable_in_market_, &waiting_,
                      &waiting_affordable_})
    for (auto& m : *means) m.start(first_year, 0);
}

ChildcarePoolYear& ChildcareRecorder::at(int pool, double time) { return rows_.at(static_cast<std::size_t>(pool), time); }

void ChildcareRecorder::applied(int stream, double time, Applicant who, int tier) {
  ChildcarePoolYear& y = at(stream, time);
  switch (who) {
    case Applicant::fresh:
      ++y.applications;
      if (tier == kAffordable) ++y.applications_affordable_tier;
      break;
    case Applicant::again: ++y.reapplications; break;
    case Applicant::moving_up: ++y.transfers; break;
  }
}

void ChildcareRecorder::admitted(int stream, double time, double waited, int tier, int) {
  ++at(stream, time).admitted;
  Waits& w = waits_.at(static_cast<std::size_t>(stream), time);
  w.sum += waited;
  w.sum_by_tier[static_cast<std::size_t>(tier)] += waited;
  ++w.admitted_by_tier[static_cast<std::size_t>(tier)];
}

void ChildcareRecorder::gave_up(int stream, double time, double, int tier) {
  ChildcarePoolYear& y = at(stream, time);
  ++y.gave_up;
  if (tier == kAffordable) ++y.gave_up_affordable_tier;
}

void ChildcareRecorder::left(int pool, double time, bool withdrew) { ++(withdrew ? at(pool, time).withdrew : at(pool, time).outgrew); }

void ChildcareRecorder::place_level(int pool, double time, const ByTier& enrolled, const ByTier& places,
                                    std::int64_t affordable_tier_in_market) {
  const auto p = static_cast<std::size_t>(pool);
  places_[p].change(time, static_cast<double>(places[kAffordable] + places[kMarket]));
  affordable_places_[p].change(time, static_cast<double>(places[kAffordable]));
  enrolled_[p].change(time, static_cast<double>(enrolled[kAffordable] + enrolled[kMarket]));
  enrolled_affordable_[p].change(time, static_cast<double>(enrolled[kAffordable]));
  affordable_in_market_[p].change(time, static_cast<double>(affordable_tier_in_market));
}

void ChildcareRecorder::queue_level(int stream, double time, const ByTier& waiting) {
  const auto s = static_cast<std::size_t>(stream);
  waiting_[s].change(time, static_cast<double>(waiting[kAffordable] + waiting[kMarket]));
  waiting_affordable_[s].change(time, static_cast<double>(waiting[kAffordable]));
}

void ChildcareRecorder::year_end(int, double time) {
  std::vector<ChildcarePoolYear>& rows = rows_.current();
  const std::vector<Waits> waits = waits_.roll(time);
  for (std::size_t p = 0; p < rows.size(); ++p) {
    ChildcarePoolYear& y = rows[p];
    y.mean_places = places_[p].close(time);
    y.mean_affordable_places = affordable_places_[p].close(time);
    y.mean_enrolled = enrolled_[p].close(time);
    y.mean_enrolled_affordable = enrolled_affordable_[p].close(time);
    y.mean_affordable_tier_in_market = affordable_in_market_[p].close(time);
    y.mean_waiting = waiting_[p].close(time);
    y.mean_waiting_affordable_tier = waiting_affordable_[p].close(time);
    y.wait_mean_days = y.admitted > 0 ? 365.25 * waits[p].sum / y.admitted : 0.0;
    for (std::size_t t = 0; t < kPriceTierCount; ++t)
      y.wait_mean_days_by_tier[t] =
          waits[p].admitted_by_tier[t] > 0 ? 365.25 * waits[p].sum_by_tier[t] / waits[p].admitted_by_tier[t] : 0.0;
  }
  years_.push_back(rows_.roll(time));
}

}  // namespace carecap::supply
