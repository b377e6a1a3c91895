// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <vector>

#include "models/ResultSeries.hpp"
#include "models/demand/PlanIndicators.hpp"
#include "models/supply/ChildcareModel.hpp"
#include "models/supply/ChildcareRecorder.hpp"
#include "models/supply/ChildcareSupply.hpp"

namespace carecap::supply {

/// The childcare simulation's yearly results: [year][pool], pools band x regions + region.
using ChildcareResult = std::vector<std::vector<ChildcarePoolYear>>;

/// The childcare simulation's outputs, declared once: the group "childcare_capacity" with
/// dimensions capacity_year, month_band and region: places, enrolled, idle places, applications,
/// moves up from the band below, admissions, gave up, withdrawals, outgrew the band, waiting list,
/// mean wait, applications again after the band below; by price tier: affordable places, children
/// in affordable and market places, affordable-tier children in market places, applications,
/// waiting, gave up and mean wait by the family's tier; and the plan's childcare investment by
/// year of opening.
[[nodiscard]] ResultGroup childcare_series(const ChildcareResult& result, const ChildcareModel& model,
                                           const ChildcareSupply& supply, int build_lag_years);

/// Fills the childcare figures of the supply basis (places, affordable places, children enrolled:
/// time averages over the simulated years) into `figures`, one per projection year from base_year.
void add_childcare_figures(std::vector<demand::CapacityFigures>& figures, const ChildcareResult& result,
                           const ChildcareModel& model, const ChildcareSupply& supply, int build_lag_years,
                           int base_year);

}  // namespace carecap::supply
