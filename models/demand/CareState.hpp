// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <array>

namespace carecap::demand {

/// Care-need state of an elder (the plans' categories). Dementia is a separate flag.
enum class CareState { self_caring = 0, partly_disabled = 1, fully_disabled = 2 };
inline constexpr int kCareStateCount = 3;
inline constexpr std::array<CareState, kCareStateCount> kCareStates{CareState::self_caring, CareState::partly_disabled,
                                                                     CareState::fully_disabled};
inline constexpr std::array<const char*, kCareStateCount> kCareStateNames{"self_caring", "partly_disabled",
                                                                          "fully_disabled"};
inline constexpr std::array<const char*, kCareStateCount> kCareStateNamesZh{"自理", "半失能", "失能"};

/// Dementia flag: index 0 without dementia, 1 with dementia (认知障碍).
inline constexpr int kDementiaFlagCount = 2;

/// Where an elder seeks care.
enum class CareSetting { home = 0, day_care = 1, institution = 2 };
inline constexpr int kCareSettingCount = 3;
inline constexpr std::array<const char*, kCareSettingCount> kCareSettingNames{"home", "day_care", "institution"};

/// Kind of institutional bed: general (养老床位), nursing-type (护理型床位) and dementia (认知障碍床位).
enum class BedType { general = 0, nursing = 1, dementia = 2 };
inline constexpr int kBedTypeCount = 3;
inline constexpr std::array<const char*, kBedTypeCount> kBedTypeNames{"general", "nursing", "dementia"};

}  // namespace carecap::demand
