// carecap. SPDX-License-Identifier: MIT
#pragma once
#include "models/demand/DemandParameters.hpp"
#include "models/demand/DemandResult.hpp"
#include "models/demography/ProjectionResult.hpp"

namespace carecap::demand {

/// Turns one projection into demand: care-need states of elders, the setting they seek and the
/// beds, day-care places and care workers that follows; children by month band and the childcare
/// places and carers they need. Deterministic given the projection (expected values).
[[nodiscard]] DemandResult compute_demand(const demography::ProjectionResult& population,
                                          const DemandParameters& parameters);

/// Children on 1 July of year index t by month band. Age 0 is split between months 0-5 (born
/// January-June of the year) and 6-12 (born July-December of the year before) in proportion to
/// births in those half-years (births_by_month x the year's births; the year before the base year
/// is taken as the base year); age 1 is months 13-24 and age 2 months 25-36.
[[nodiscard]] std::array<double, kMonthBandCount> children_by_month_band(const demography::ProjectionResult& population,
                                                                         const ChildcareParameters& childcare, int t);

}  // namespace carecap::demand
