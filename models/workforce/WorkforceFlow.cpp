// carecap. SPDX-License-Identifier: MIT
#include "models/workforce/WorkforceFlow.hpp"

#include <cstddef>

namespace carecap::workforce {

std::vector<WorkforceYear> project_workforce(const WorkforceParameters& p, int years) {
  const std::size_t regions = p.base_staff.size();
  std::vector<WorkforceYear> out;
  std::vector<double> staff = p.base_staff;
  for (int y = 0; y < years; ++y) {
    const auto year = static_cast<std::size_t>(y);
    const double trained_entering = year < p.trained_per_year.size() ? p.trained_per_year[year] * p.trained_entering_share : 0.0;
    WorkforceYear w;
    w.staff_start = staff;
    w.project.assign(regions, 0.0);
    w.staff_open.assign(regions, 0.0);
    w.leavers.assign(regions, 0.0);
    w.other_entrants.assign(regions, 0.0);
    w.trained.assign(regions, 0.0);
    for (std::size_t r = 0; r < regions; ++r) {
      const double share = r < p.entrant_region_share.size() ? p.entrant_region_share[r] : 0.0;
      w.project[r] = year < p.project_staff.size() && r < p.project_staff[year].size() ? p.project_staff[year][r] : 0.0;
      w.staff_open[r] = staff[r] + w.project[r];
      w.leavers[r] = p.leaving_rate * w.staff_open[r];
      w.other_entrants[r] = p.other_entrants_per_year * share;
      w.trained[r] = trained_entering * share;
      staff[r] = w.staff_open[r] - w.leavers[r] + w.other_entrants[r] + w.trained[r];
    }
    w.staff_end = staff;
    out.push_back(std::move(w));
  }
  return out;
}

}  // namespace carecap::workforce
