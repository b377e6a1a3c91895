// carecap. SPDX-License-Identifier: MIT
#pragma once
#include "models/ResultSeries.hpp"
#include "models/demand/DemandParameters.hpp"
#include "models/demand/DemandResult.hpp"
#include "models/demand/PlanIndicators.hpp"

namespace carecap::demand {

/// Demand's outputs, declared once: the group "demand" with dimensions care_state, bed_type,
/// month_band and basis (year, sex and age come from the root group). Each series carries the
/// source of the parameters behind it.
/// With `supply` (per projection year), the plans' indicators get a second basis, "supply".
[[nodiscard]] ResultGroup demand_series(const DemandResult& result, const DemandParameters& parameters,
                                        const std::vector<CapacityFigures>* supply = nullptr);

}  // namespace carecap::demand
