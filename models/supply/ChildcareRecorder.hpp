// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <vector>

#include "models/supply/ChildcareMonitor.hpp"
#include "sim/TimeWeightedMean.hpp"
#include "sim/YearRows.hpp"

namespace carecap::supply {

/// One childcare pool (month band, region) in one calendar year.
struct ChildcarePoolYear {
  double mean_places = 0;    // n_ places, time average
  double mean_enrolled = 0;  // n_ children enrolled, time average
  double applications = 0;   // new_ fresh applications
  double transfers = 0;      // new_ children moving up from the band below
  double admitted = 0;       // new_ admissions (fresh and transfers)
  double gave_up = 0;        // new_ left the waiting list unserved (patience, or outgrew the band)
  double withdrew = 0;       // new_ withdrawals from a place
  double outgrew = 0;        // new_ children outgrowing the band (from 25-36 months: ageing out of care)
  double mean_waiting = 0;   // n_ children waiting, time average
  double wait_mean_days = 0; // mean wait of those admitted, days
};

/// A monitor keeping yearly childcare statistics per pool in memory; an event at exactly
/// 1 January counts in the new year.
class ChildcareRecorder final : public ChildcareMonitor {
public:
  ChildcareRecorder(int first_year, int pools);
  void applied(int stream, double time, bool transfer) override;
  void admitted(int stream, double time, double waited) override;
  void gave_up(int stream, double time) override;
  void left(int pool, double time, bool withdrew) override;
  void place_level(int pool, double time, std::int64_t enrolled, std::int64_t places) override;
  void queue_level(int stream, double time, std::int64_t waiting) override;
  void year_end(int year_index, double time) override;

  /// [year][pool]
  [[nodiscard]] std::vector<std::vector<ChildcarePoolYear>> take_result() { return std::move(years_); }

private:
  ChildcarePoolYear& at(int pool, double time);
  std::vector<std::vector<ChildcarePoolYear>> years_;
  sim::YearRows<ChildcarePoolYear> rows_;
  sim::YearRows<double> wait_sums_;  // per pool, the year's waits of admitted children, years
  std::vector<sim::TimeWeightedMean> places_, enrolled_, waiting_;
};

}  // namespace carecap::supply
