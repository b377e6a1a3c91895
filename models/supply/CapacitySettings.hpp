// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "models/demand/CareState.hpp"
#include "models/supply/LengthOfStay.hpp"

namespace carecap::supply {

/// How the capacity simulation behaves, as the scenario's [capacity] section says.
struct CapacitySettings {
  int last_year = 2035;     // last simulated calendar year (the first is the projection's base year)
  int replications = 10;    // capacity replications when the projection is deterministic, count
  std::array<std::vector<int>, demand::kBedTypeCount> acceptable_beds{
      std::vector<int>{0, 1}, std::vector<int>{1}, std::vector<int>{2, 1}};  // general demand may take a nursing bed; dementia a nursing bed; a general bed never takes the disabled
  bool admit_in_other_regions = true;  // when the home region is full, try other regions
  std::vector<std::vector<int>> region_order;  // per home region, the other regions to try, in order (indices into supply.regions); empty: index order
  std::array<LengthOfStay, demand::kBedTypeCount> stay{};  // by demand type
  std::int64_t waiting_list_cap = -1;  // persons per demand type and region; < 0 unlimited
  double mean_patience_years = 0.5;    // exponential patience on the waiting list, years (assumption)
  double waiting_death_rate = 0.0;     // deaths per person-year while waiting (0: use none)
  double priority_share = 0.0;         // share of arrivals in the priority class, fraction
  double wait_target_days = 90.0;      // a wait longer than this counts in new_waited_longer_than_target, days (assumption: 3 months)
  std::optional<double> initial_occupancy;  // share of base-year beds occupied on 1 January, fraction; none: observed
                                            // residents (facilities file) or else the demand's steady state (docs/capacity.md)
  std::optional<std::array<double, demand::kBedTypeCount>> initial_waiting;  // people waiting for each bed type on 1 January, persons (split by region demand shares); none: as the start implies
  std::string source;                  // recorded in the output
};

}  // namespace carecap::supply
