// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <array>
#include <string>
#include <vector>

#include "models/ResultSeries.hpp"
#include "models/demand/CareState.hpp"

namespace carecap::demand {

/// Capacity in one year, either needed (demand basis) or available (supply basis, once supply
/// is simulated): the quantities the plans' indicators are ratios of.
struct CapacityFigures {
  std::array<double, kBedTypeCount> beds{};  // elderly-care beds by type, beds; disjoint: `nursing` excludes dementia beds (which count as nursing-type in nursing_bed_share)
  double childcare_places = 0;               // 托位, places
  double affordable_childcare_places = 0;    // 普惠托位, places
  double childcare_enrolled = 0;             // children in a place, persons (demand basis: the places wanted)
  double care_workers = 0;                   // 养老护理员, persons
};

/// The populations the indicators divide by, on 1 July.
struct IndicatorPopulation {
  double elderly = 0;       // persons aged 60+ (first_age+)
  double total = 0;         // all persons
  double children_0_2 = 0;  // persons aged 0-2
};

/// The plans' indicators (每千名老年人养老床位数 and the rest) as series over (year, basis); each
/// basis is one column, e.g. {"demand"} now and {"demand", "supply"} once supply is simulated.
/// figures[basis][year]. Place utilisation (托位使用率) is enrolled / places: 100% on the demand
/// basis by construction, a simulated figure on the supply basis.
[[nodiscard]] std::vector<ResultSeries> plan_indicator_series(const std::vector<std::vector<CapacityFigures>>& figures,
                                                              const std::vector<IndicatorPopulation>& population);

}  // namespace carecap::demand
