// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <array>
#include <vector>

#include "models/demand/ElderCareParameters.hpp"
#include "models/demography/ProjectionResult.hpp"

namespace carecap::demand {

/// Elders by dementia flag x care state, each an AgeSexTable (zero below first_age).
using CareCells = std::array<std::array<AgeSexTable, kCareStateCount>, kDementiaFlagCount>;

/// Care needs of one calendar year.
struct CareNeedYear {
  CareCells stock{};     // n_ persons on 1 July (mean of the two 1 Januarys), by age then
  CareCells entrants{};  // new_ persons in a cell on 1 January next who were not in it a year before, by age then
};

/// Care needs over the projection, years base_year..end_year.
struct CareNeedResult {
  int base_year = 0;
  std::vector<CareNeedYear> years;
};

/// Distributes the projected elders over care states and the dementia flag, cohort by cohort:
///  - base year, and cohorts reaching first_age: the prevalence by age and sex;
///  - prevalence mode: every year the prevalence; entrants are people in a cell at year end beyond
///    the cell's own survivors (no recovery is implied);
///  - transition mode: each year the cohort's death probability from the projection is shared out
///    by relative risk (q_c = q x RR_c / mean RR, so the cohort's deaths are the projection's),
///    survivors move by the transition matrix, then acquire dementia at the incidence rate; the
///    cohort is then scaled to the projected population (migrants take the cohort's distribution).
[[nodiscard]] CareNeedResult project_care_need(const demography::ProjectionResult& population,
                                               const ElderCareParameters& parameters);

}  // namespace carecap::demand
