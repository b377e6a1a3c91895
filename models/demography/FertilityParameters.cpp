// carecap. SPDX-License-Identifier: MIT
#include "models/demography/FertilityParameters.hpp"

namespace carecap::demography {

AgeVector asfr_in_year(const FertilityParameters& fertility, int year) {
  if (const auto* by_year = std::get_if<AsfrByYear>(&fertility.schedule)) return by_year->asfr.at(year);
  const auto& scaled = std::get<AsfrProfileWithTfr>(fertility.schedule);
  const double tfr = scaled.tfr.at(year);
  AgeVector asfr{};
  for (int a = 0; a < kAgeCount; ++a) asfr[a] = scaled.age_profile[a] * tfr;
  return asfr;
}

}  // namespace carecap::demography
