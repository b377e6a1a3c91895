// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <map>
#include <variant>

#include "models/demography/AgeSex.hpp"
#include "models/demography/YearPath.hpp"

namespace carecap::demography {

/// Fertility given directly: age-specific fertility rates by single age of mother for every year.
struct AsfrByYear {
  std::map<int, AgeVector> asfr;  // year -> births per woman-year by age of mother (ages 10-55), per year
};

/// Fertility given as an age profile scaled to a total fertility rate path.
struct AsfrProfileWithTfr {
  AgeVector age_profile{};  // share of a woman's births at each age of mother, sums to 1, unitless
  YearPath tfr;             // total fertility rate, children per woman, anchors interpolated linearly
};

/// Everything the projection needs to know about births.
struct FertilityParameters {
  std::variant<AsfrByYear, AsfrProfileWithTfr> schedule;  // one of the two forms above
  YearPath sex_ratio_at_birth;  // male births per female birth, unitless (WPP 2024: 1.10 in 2024)
};

/// ASFR in `year` (births per woman-year by age of mother), from either form.
[[nodiscard]] AgeVector asfr_in_year(const FertilityParameters& fertility, int year);

}  // namespace carecap::demography
