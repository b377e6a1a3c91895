// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <string>

#include "models/ResultSeries.hpp"
#include "models/supply/CapacityParameters.hpp"
#include "models/supply/CapacityResult.hpp"

namespace carecap::supply {

/// Adds the capacity group's series by price tier (dimension `price_tier`: affordable, market):
/// beds and occupied beds of affordable (普惠) and market units, time averages over the year; and
/// admissions, days waited and people leaving the list unserved by the tier of the person.
void add_price_tier_series(ResultGroup& capacity, const CapacityResult& r, const CapacityModel& model,
                           const std::string& source);

}  // namespace carecap::supply
