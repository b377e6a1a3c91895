// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "models/demand/ChildcareParameters.hpp"
#include "models/supply/PriceTier.hpp"

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
    int tier;            // kAffordable or kMarket
    std::int64_t places; // change in places
  };
  std::vector<PlaceChange> places;           // initial places and later openings and closures
  std::vector<std::vector<double>> applications_per_month;  // [stream][month index]: fresh applications in that month, per year
  std::vector<std::array<double, demand::kMonthBandCount>> affordable_family_share;  // [year index][band]: share of fresh applicants of the affordable tier (demand's affordable places / places)
  std::array<double, demand::kMonthBandCount> band_years{0.5, 0.5, 1.0, 1.0};  // length of each band, years (0-5, 6-12, 13-24, 25-36 months)
  std::array<bool, demand::kMonthBandCount> fresh_at_band_start{};  // fresh applicants join at the band's start (the youngest band with demand: care starts there); else at an age uniform in the band
  double withdrawal_rate = 0.2;              // families ceasing to want a place, per child-year (enrolled, waiting or without a place)
  double mean_patience_years = 0.25;         // exponential patience on the waiting list; 0 = never gives up
  double affordable_tier_takes_market = 1.0; // share of affordable-tier families taking a market place when no affordable one is free
  std::vector<std::array<std::int64_t, kPriceTierCount>> initial_enrolled;  // per pool, by place tier: children in a place on 1 January (empty: none)
  std::vector<std::int64_t> initial_unserved;  // per pool: children whose families want a place but hold none on 1 January (not waiting; they apply again on reaching the next band)
};

}  // namespace carecap::supply
