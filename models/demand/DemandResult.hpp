// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <array>
#include <vector>

#include "models/demand/CareNeedModel.hpp"
#include "models/demand/ChildcareParameters.hpp"

namespace carecap::demand {

/// Elderly-care demand of one calendar year (stocks on 1 July, flows over the year).
struct ElderDemandYear {
  double elderly = 0;                                  // n_ persons aged first_age+ on 1 July
  std::array<double, kCareStateCount> by_state{};      // n_ persons per care state
  double with_dementia = 0;                            // n_ persons with dementia
  double new_with_dementia = 0;                        // new_ dementia onsets (and migrants with dementia)
  std::array<double, kCareStateCount> new_by_state{};  // new_ entrants into each care state
  std::array<double, kBedTypeCount> beds{};            // n_ persons seeking an institutional bed, by bed type
  std::array<double, kBedTypeCount> new_beds{};        // new_ entrants into bed demand, by bed type
  std::array<double, kBedTypeCount> affordable_beds{}; // n_ of `beds` seeking affordable (普惠) beds
  double day_care = 0;                                 // n_ persons seeking community day care
  double new_day_care = 0;                             // new_ entrants into day-care demand
  double affordable_day_care = 0;                      // n_ of `day_care` seeking affordable places
  double care_workers = 0;                             // n_ care workers needed for institutional residents
  std::array<double, kBedTypeCount> care_workers_by_bed{};  // n_ the same by the bed type sought (its demand type)
};

/// Care workers one resident of each demand type needs in `year`, persons per resident: the
/// [workforce] ratios by care state (and dementia) over that type's institutional demand mix, so
/// that residents counted by demand type need what the demand model's care_workers say. A type
/// with no demand takes its most dependent state's ratio (general: self-caring; nursing: fully
/// disabled; dementia: the dementia ratio).
[[nodiscard]] inline std::array<double, kBedTypeCount> care_workers_per_resident(const ElderDemandYear& year,
                                                                                const std::array<double, kBedTypeCount>& fallback) {
  std::array<double, kBedTypeCount> out{};
  for (std::size_t b = 0; b < out.size(); ++b) out[b] = year.beds[b] > 0 ? year.care_workers_by_bed[b] / year.beds[b] : fallback[b];
  return out;
}

/// Childcare demand of one calendar year (1 July).
struct ChildcareYear {
  std::array<double, kMonthBandCount> children{};          // n_ children by month band
  std::array<double, kMonthBandCount> places{};            // n_ places wanted and taken up, by band
  std::array<double, kMonthBandCount> affordable_places{}; // n_ of `places` at the affordable price
  double carers = 0;                                       // n_ carers needed for `places`
};

/// Demand over the projection, years base_year..end_year.
struct DemandResult {
  int base_year = 0;
  CareNeedResult care_need;
  std::vector<ElderDemandYear> elder;
  std::vector<ChildcareYear> childcare;
  std::vector<double> total_population;  // n_ persons on 1 July, for per-1,000-people indicators
  std::vector<double> children_0_2;      // n_ persons aged 0-2 on 1 July
};

}  // namespace carecap::demand
