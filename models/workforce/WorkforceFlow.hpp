// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <vector>

#include "models/workforce/WorkforceParameters.hpp"

namespace carecap::workforce {

/// One calendar year of the care-worker stock of every region, persons.
struct WorkforceYear {
  std::vector<double> staff_start;  // per region: on 1 January, before the year's projects open (last year's staff_end)
  std::vector<double> project;      // per region: staff brought by projects opening on 1 January
  std::vector<double> staff_open;   // per region: staff_start + project, the staff the year's residents have (the staffing cap)
  std::vector<double> leavers;      // per region: leaving_rate x staff_open
  std::vector<double> other_entrants;  // per region: returners and hires, other_entrants_per_year x the region's entrant share
  std::vector<double> trained;      // per region: trained_per_year x trained_entering_share x the region's share
  std::vector<double> staff_end;    // per region: on 31 December, the next year's staff_start
};

/// The stock year by year over `years` years: staff_open = staff_start + project; staff_end =
/// staff_open - leavers + other_entrants + trained. Those who leave, enter or are trained during a year
/// count from the next 1 January. With constant entrants E, leaving rate l > 0 and no project, a
/// region's stock follows S_t = E / l + (S_0 - E / l) (1 - l)^t (tests/WorkforceFlowTest.cpp). The
/// parameters must be consistent (one entry per region and year, shares summing to 1): the loader
/// and models/workforce/WorkforcePlan check them.
[[nodiscard]] std::vector<WorkforceYear> project_workforce(const WorkforceParameters& parameters, int years);

}  // namespace carecap::workforce
