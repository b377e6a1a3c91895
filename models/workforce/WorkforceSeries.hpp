// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <array>
#include <string>
#include <vector>

#include "models/ResultSeries.hpp"
#include "models/demand/DemandResult.hpp"
#include "models/supply/CapacityParameters.hpp"
#include "models/supply/CapacityResult.hpp"
#include "models/supply/ChildcareSeries.hpp"
#include "models/workforce/WorkforcePlan.hpp"

namespace carecap::workforce {

/// What one replication's care-worker need is counted from: its simulated residents and children,
/// and the demand's day-care users.
struct WorkforceNeedInputs {
  const supply::CapacityModel& model;
  const supply::CapacityResult& capacity;                                 // residents and people waiting by need (demand type x regions + region)
  const supply::ChildcareResult* childcare = nullptr;                     // children by pool (band x regions + region); none: no childcare simulated
  std::array<double, demand::kMonthBandCount> children_per_carer{};       // by month band ([childcare]), children
  const demand::DemandResult& demand;                                     // day-care users and elders (1 July), years from demand.base_year
  std::vector<double> demand_share;                                       // per region: its share of the area's demand (day care by region)
};

/// Care workers needed in one year and region, persons: the residents of the region's beds and
/// the region's people waiting, by need (demand type), at the care workers per resident of that
/// need (CapacityModel::care_workers_per_resident; time averages over the year), plus the region's
/// share of day-care users over `day_care_users_per_care_worker` (when > 0).
[[nodiscard]] double care_workers_needed(const WorkforceNeedInputs& in, double day_care_users_per_care_worker, std::size_t year,
                                         std::size_t region);

/// Childcare carers needed in one year and region: children enrolled in each month band (time
/// average) over the band's class ratio (1:3, 1:5, 1:7 by NHC 2019 No. 58 unless the scenario says).
[[nodiscard]] double childcare_workers_needed(const WorkforceNeedInputs& in, std::size_t year, std::size_t region);

/// The result group `workforce` of one replication (output/SCHEMA.md): supply, need and gap by
/// year and region, the flows, and the plans' indicators (certified care workers per 10,000
/// persons aged 60+, staff per 100 beds).
[[nodiscard]] ResultGroup workforce_series(const WorkforcePlan& plan, const WorkforceSettings& settings,
                                           const WorkforceNeedInputs& in);

}  // namespace carecap::workforce
