// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <array>
#include <optional>
#include <string>

#include "models/demand/CareState.hpp"
#include "models/demography/AgeSex.hpp"

namespace carecap::demand {

using demography::AgeSexTable;

/// Shares of elders in each care state and with dementia, by sex and single age (the loader
/// expands age bands to single ages). Used for the base year and for cohorts reaching first_age,
/// and every year in prevalence mode.
struct CarePrevalence {
  std::array<AgeSexTable, kCareStateCount> state_share{};  // fraction in each state; sums to 1 per sex and age
  AgeSexTable dementia_share{};                            // fraction with dementia, independent of the state
};

/// Annual transitions between care states, for transition mode.
struct CareTransitions {
  std::array<std::array<AgeSexTable, kCareStateCount>, kCareStateCount> probability{};  // [from][to]; rows sum to 1; per year
  AgeSexTable dementia_incidence{};  // probability per year that a survivor without dementia acquires it
};

/// How elders' care needs are derived from the projected cohorts.
struct ElderCareParameters {
  int first_age = 60;                       // youngest age counted as elderly, years (the plans use 60)
  CarePrevalence prevalence;                // see CarePrevalence
  std::optional<CareTransitions> transitions;  // present: transition mode; absent: prevalence mode
  std::array<double, kCareStateCount> mortality_relative_risk{1.0, 1.5, 3.0};  // death risk vs self-caring, unitless (assumption)
  double dementia_mortality_relative_risk = 2.0;  // multiplies the state's risk, unitless (assumption)
  std::string source;                       // where the figures come from, recorded in the output
};

}  // namespace carecap::demand
