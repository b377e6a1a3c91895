// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <array>

#include "models/demand/CareSettingParameters.hpp"

namespace carecap::demand {

/// The care-setting choice with its institutional propensities scaled: each cell's probability of
/// seeking an institution is multiplied by the factor of the bed type the cell needs, and the
/// difference is taken from (or given to) staying at home; day care is unchanged. Throws
/// InputError when a factor would make a probability leave 0..1 (more elders in institutions than
/// do not use day care), naming the cell and the factor.
[[nodiscard]] CareSettingParameters scale_institution_use(const CareSettingParameters& setting,
                                                          const std::array<double, kBedTypeCount>& factor_by_bed_type);

}  // namespace carecap::demand
