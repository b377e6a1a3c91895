// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <vector>

namespace carecap::workforce {

/// Care workers as a stock with flows, by region and calendar year (issue 24): the worksheet every
/// Japanese prefecture re-runs for its long-term-care plan (MHLW: supply = last year's staff -
/// leavers + returners + new entrants), and Statistics Norway's HELSEMOD (graduates in, exits out).
/// All counts are persons; the first simulated year is index 0.
struct WorkforceParameters {
  std::vector<double> base_staff;             // per region: care workers employed on 1 January of the first year, persons (the facilities' care_workers column)
  double leaving_rate = 0.0;                  // share of the staff of 1 January who leave care work during the year, fraction per year (a scenario states its source or marks it an assumption)
  double other_entrants_per_year = 0.0;       // returners and hires from the labour market not trained by the plan, persons per year, whole area
  std::vector<double> trained_per_year;       // per simulated year: people the plan's programmes train, persons (e.g. Bei'an's 240 care workers over 2021-2025)
  double trained_entering_share = 1.0;        // share of those trained who take up care work in the year they are trained, fraction
  std::vector<double> entrant_region_share;   // per region: where other entrants and trainees go to work, fractions summing to 1
  std::vector<std::vector<double>> project_staff;  // [year][region]: staff new projects bring when they open in the year, persons (their beds at the staffing rule)
};

}  // namespace carecap::workforce
