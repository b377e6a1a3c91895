// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <string>
#include <vector>

#include "models/demand/DemandResult.hpp"
#include "models/supply/ChildcareModel.hpp"
#include "models/supply/ChildcareSupply.hpp"

namespace carecap::supply {

/// The childcare simulation of one demand. Places: providers when they open and close, projects
/// on 1 January of year + build lag split by place_band_share. Fresh applications per band,
/// region and year are solved so that, with places to spare, enrolment equals the places wanted
/// (DemandResult::childcare[].places): W_b = fresh_b x (expected stay of a fresh applicant, whose
/// age is uniform in the band, or who starts at the band's start in the youngest band anyone
/// wants) + moving up into b x (expected stay of a full band), band by band,
/// with withdrawals at the withdrawal rate; then split by region demand shares and over the months
/// by application_month_weight. `initial_enrolled` is the share of places taken on 1 January.
[[nodiscard]] ChildcareModel build_childcare_model(const ChildcareSupply& supply, const std::vector<std::string>& regions,
                                                   const std::vector<double>& demand_share, int build_lag_years,
                                                   int last_year, double initial_enrolled,
                                                   const demand::DemandResult& demand);

}  // namespace carecap::supply
