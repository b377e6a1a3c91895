// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <map>
#include <variant>

#include "models/demography/AgeSex.hpp"
#include "models/demography/YearPath.hpp"

namespace carecap::demography {

/// Mortality given directly: central death rates by sex and single age for every year.
struct MxByYear {
  std::map<int, AgeSexTable> mx;  // year -> deaths per person-year, by sex and age
};

/// A base mx schedule whose level is solved each year so the life table gives a target e0:
/// mx(t) = k(t) * base_mx, with k(t) > 0 found by root finding on e0(k) = target.
struct MxLevelForE0 {
  AgeSexTable base_mx{};                     // deaths per person-year, by sex and age
  std::array<YearPath, kSexCount> e0_path;   // life expectancy at birth by sex, years
};

/// A base mx schedule declining at a constant annual rate: mx(t) = base_mx (1 - r)^(t - base_year).
struct MxImprovement {
  AgeSexTable base_mx{};            // deaths per person-year in base_year, by sex and age
  int base_year = 0;                // calendar year of base_mx
  double improvement_per_year = 0;  // r, fraction per year (0.01 = mx falls 1% a year), same for all ages
};

/// Everything the projection needs to know about deaths.
struct MortalityParameters {
  std::variant<MxByYear, MxLevelForE0, MxImprovement> schedule;
};

/// Central death rates in `year`, by sex and age, from any of the three forms. Throws
/// RuntimeFault if an e0 target cannot be reached by scaling the base schedule.
[[nodiscard]] AgeSexTable mx_in_year(const MortalityParameters& mortality, int year);

}  // namespace carecap::demography
