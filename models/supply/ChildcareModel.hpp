// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "models/demand/ChildcareParameters.hpp"

namespace carecap::supply {

/// Everything the childcare simulation needs, compiled from supply and demand. Pools and streams
/// are (month band, region), index band x regions + region.
struct ChildcareModel {
  int first_year = 2024;                     // starts 1 January of this year
  int last_year = 2035;                      // ends 31 December of this year
  std::vector<std::string> regions;          // region names
  struct PlaceChange {
    double time;         // years
    int band;            // demand::kMonthBandNames index
    int region;
    std::int64_t places; // change in places
  };
  std::vector<PlaceChange> places;           // initial places and later openings and closures
  std::vector<std::vector<double>> applications_per_month;  // [stream][month index]: rate in that month, applications per year
  std::array<double, demand::kMonthBandCount> band_years{0.5, 0.5, 1.0, 1.0};  // length of each band, years (0-5, 6-12, 13-24, 25-36 months)
  std::array<bool, demand::kMonthBandCount> fresh_at_band_start{};  // fresh applicants join at the band's start (the youngest band with demand: care starts there); else at an age uniform in the band
  double withdrawal_rate = 0.2;              // per enrolled child-year
  double mean_patience_years = 0.25;         // exponential patience on the waiting list; 0 = never gives up
  std::vector<double> initial_enrolled_share;  // per pool: share of places taken on 1 January (empty: none)
};

}  // namespace carecap::supply
