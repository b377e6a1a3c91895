// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <array>
#include <optional>
#include <string>

#include "models/demand/CareState.hpp"

namespace carecap::demand {

/// Probabilities of seeking each setting (home, day care, institution), summing to 1.
using SettingChoice = std::array<double, kCareSettingCount>;

/// Which care setting elders seek and which bed they need there.
struct CareSettingParameters {
  std::array<SettingChoice, kCareStateCount> by_state{};  // people without dementia, by care state, probabilities
  SettingChoice dementia{};                               // people with dementia, whatever their state, probabilities
  std::array<BedType, kCareStateCount> bed_type{BedType::general, BedType::nursing, BedType::nursing};  // bed needed by state; dementia -> dementia bed
  std::optional<double> affordable_share_institution;  // share of institutional demand seeking affordable (普惠) beds, fraction
  std::optional<double> affordable_share_day_care;     // same for day-care places, fraction
  std::string source;                                  // where the figures come from, recorded in the output
};

/// Staff needed for institutional residents.
struct WorkforceParameters {
  std::array<double, kCareStateCount> residents_per_care_worker{10.0, 6.0, 3.0};  // residents per care worker by state; MZ 008-2001 (unverified)
  double residents_per_care_worker_dementia = 3.0;  // residents with dementia per care worker, whatever their state (assumption: as fully disabled)
  std::string source;  // recorded in the output
};

}  // namespace carecap::demand
