// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <array>
#include <vector>

#include "models/demography/AgeSex.hpp"
#include "models/demography/ProjectionParameters.hpp"

namespace carecap::demography {

/// The rates of one calendar year, derived once before the run from the parameters.
struct YearRates {
  int year = 0;                               // calendar year t (1 Jan t -> 1 Jan t+1)
  AgeVector asfr{};                           // births per woman-year by age of mother
  double total_fertility = 0;                 // TFR, children per woman (sum of asfr)
  double male_birth_share = 0;                // srb / (1 + srb), fraction of births that are male
  AgeSexTable mx{};                           // central death rates, deaths per person-year
  std::array<AgeVector, kSexCount> survival;  // cohort survival ratios (see survival_ratios)
  std::array<double, kSexCount> e0{};         // life expectancy at birth of the year's life table, years
  AgeSexTable net_migrants{};                 // persons, by age at year end, added on 1 Jan t+1
};

/// Every year's rates for base_year..end_year, in order.
struct RateSchedule {
  int base_year = 0;
  std::vector<YearRates> years;
};

/// Derives the yearly rates (life tables, solved e0 levels, scaled ASFR, spread migrants).
[[nodiscard]] RateSchedule compile_rates(const ProjectionParameters& parameters);

}  // namespace carecap::demography
