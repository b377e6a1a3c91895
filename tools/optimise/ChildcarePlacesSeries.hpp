// carecap. SPDX-License-Identifier: MIT
#pragma once
#include "models/ResultSeries.hpp"
#include "tools/optimise/ChildcareRequirement.hpp"

namespace carecap::tools {

/// Adds to the `optimise` group (which has the dimensions year and region) the dimension
/// month_band and the required childcare places over (year, month_band, region) with the level
/// they achieve and the published places (output/SCHEMA.md, "Optimise files").
void add_required_places(ResultGroup& group, const ChildcareRequirement& places);

}  // namespace carecap::tools
