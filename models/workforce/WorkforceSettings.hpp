// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "models/demography/YearPath.hpp"

namespace carecap::workforce {

/// A scenario's care-worker supply as its [workforce] section states it (scenarios/README.md),
/// validated; models/workforce/WorkforcePlan compiles it with the supply into WorkforceParameters.
/// The ratios that turn residents into need are [workforce] residents_per_care_worker by care state,
/// read with the demand (CapacityModel::care_workers_per_resident).
struct WorkforceSettings {
  std::optional<double> base_care_workers;      // care workers employed on 1 January of the first year, persons, whole area (split by the base-year beds of each region); none: the facilities' care_workers column
  std::vector<double> base_care_workers_by_region;  // the same by region (supply.regions order); empty: not given
  double leaving_rate = 0.0;                    // share of the year's staff who leave care work, fraction per year
  double other_entrants_per_year = 0.0;         // returners and hires from the labour market not trained by the plan, persons per year, whole area
  std::vector<std::pair<int, double>> trained;  // (year, persons trained in that year by the plan's programmes)
  double trained_entering_share = 1.0;          // share of those trained who take up care work, fraction
  double certified_share = 0.0;                 // 持证 share of care workers, fraction (the plans' certified indicators)
  double senior_grade_share = 0.0;              // 高级工、技师 share of certified care workers, fraction
  bool projects_bring_staff = true;             // a project opening brings the care workers its beds need when full, at the ratios
  bool staffing_cap = false;                    // residents are admitted only while the region's staff cover them at the ratios (docs/workforce.md)
  double day_care_users_per_care_worker = 0.0;  // day-care users per care worker, persons; 0: day care needs no care workers in the count
  std::string source;                           // where the figures come from (assumptions marked)
};

}  // namespace carecap::workforce
