// carecap. SPDX-License-Identifier: MIT
#include "models/demand/InstitutionUse.hpp"

#include <algorithm>
#include <cstdio>
#include <string>

#include "sim/Errors.hpp"

namespace carecap::demand {
namespace {

void scale(SettingChoice& choice, double factor, const std::string& cell) {
  auto& home = choice[static_cast<std::size_t>(CareSetting::home)];
  auto& institution = choice[static_cast<std::size_t>(CareSetting::institution)];
  const double scaled = institution * factor;
  if (home + institution - scaled < -1e-12) {
    char text[160];
    std::snprintf(text, sizeof text, "%.1f%% of %s would seek an institution (%.3f x %.1f%%), more than the %.1f%% not in day care",
                  100.0 * scaled, cell.c_str(), factor, 100.0 * institution, 100.0 * (home + institution));
    throw InputError("care use calibrated to the stated residents: " + std::string(text) +
                     "; check the residents or capacity.initial_occupancy against the population");
  }
  home = std::max(0.0, home + institution - scaled);
  institution = scaled;
}

}  // namespace

CareSettingParameters scale_institution_use(const CareSettingParameters& setting,
                                            const std::array<double, kBedTypeCount>& factor_by_bed_type) {
  CareSettingParameters scaled = setting;
  for (int s = 0; s < kCareStateCount; ++s)
    scale(scaled.by_state[static_cast<std::size_t>(s)],
          factor_by_bed_type[static_cast<std::size_t>(setting.bed_type[static_cast<std::size_t>(s)])],
          std::string("elders in care state ") + kCareStateNames[static_cast<std::size_t>(s)]);
  scale(scaled.dementia, factor_by_bed_type[static_cast<std::size_t>(BedType::dementia)], "elders with dementia");
  return scaled;
}

}  // namespace carecap::demand
