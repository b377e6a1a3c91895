// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <array>
#include <vector>

#include "models/supply/ChildcareMonitor.hpp"
#include "sim/TimeWeightedMean.hpp"
#include "sim/YearRows.hpp"

namespace carecap::supply {

/// One childcare pool (month band, region) in one calendar year; "affordable tier": families
/// seeking a place at the affordable (普惠) price; "affordable places": places of that price.
struct ChildcarePoolYear {
  double mean_places = 0;    // n_ places, time average
  double mean_affordable_places = 0;  // n_ affordable places, time average
  double mean_enrolled = 0;  // n_ children enrolled, time average
  double mean_enrolled_affordable = 0;  // n_ children in affordable places, time average
  double mean_affordable_tier_in_market = 0;  // n_ affordable-tier children in market places, time average
  double applications = 0;   // new_ fresh applications
  double applications_affordable_tier = 0;  // new_ fresh applications of affordable-tier families
  double reapplications = 0; // new_ children reaching the band without a place in the band below, applying
  double transfers = 0;      // new_ children moving up from a place in the band below
  double admitted = 0;       // new_ admissions (all applicants)
  double gave_up = 0;        // new_ left the waiting list unserved (patience, outgrew the band, or withdrew)
  double gave_up_affordable_tier = 0;  // new_ of gave_up, affordable-tier families
  double withdrew = 0;       // new_ withdrawals from a place
  double outgrew = 0;        // new_ children outgrowing the band (from 25-36 months: ageing out of care)
  double mean_waiting = 0;   // n_ children waiting, time average
  double mean_waiting_affordable_tier = 0;  // n_ affordable-tier children waiting, time average
  double wait_mean_days = 0; // mean wait of those admitted, days
  std::array<double, kPriceTierCount> wait_mean_days_by_tier{};  // the same by the family's tier, days
};

/// A monitor keeping yearly childcare statistics per pool in memory; an event at exactly
/// 1 January counts in the new year.
class ChildcareRecorder final : public ChildcareMonitor {
public:
  ChildcareRecorder(int first_year, int pools);
  void applied(int stream, double time, Applicant who, int tier) override;
  void admitted(int stream, double time, double waited, int tier, int place_tier) override;
  void gave_up(int stream, double time, double waited, int tier) override;
  void left(int pool, double time, bool withdrew) override;
  void place_level(int pool, double time, const ByTier& enrolled, const ByTier& places,
                   std::int64_t affordable_tier_in_market) override;
  void queue_level(int stream, double time, const ByTier& waiting) override;
  void year_end(int year_index, double time) override;

  /// [year][pool]
  [[nodiscard]] std::vector<std::vector<ChildcarePoolYear>> take_result() { return std::move(years_); }

private:
  /// Waits of the admitted children in a year, years: all, and by the family's tier.
  struct Waits {
    double sum = 0;
    std::array<double, kPriceTierCount> sum_by_tier{}, admitted_by_tier{};
  };
  ChildcarePoolYear& at(int pool, double time);
  std::vector<std::vector<ChildcarePoolYear>> years_;
  sim::YearRows<ChildcarePoolYear> rows_;
  sim::YearRows<Waits> waits_;  // per pool
  std::vector<sim::TimeWeightedMean> places_, affordable_places_, enrolled_, enrolled_affordable_,
      affordable_in_market_, waiting_, waiting_affordable_;
};

}  // namespace carecap::supply
