// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <string>
#include <vector>

#include "models/demand/DemandResult.hpp"
#include "models/supply/ChildcareModel.hpp"
#include "models/supply/ChildcareSupply.hpp"

namespace carecap::supply {

/// The childcare simulation of one demand. Places: providers when they open and close, projects
/// on 1 January of year + build lag split by place_band_share; each of the affordable (普惠) tier
/// (providers by their flag, projects by supply.projects_affordable) or the market tier. Fresh
/// applications per band, region and year are solved so that, with places to spare, enrolment
/// equals the places wanted (DemandResult::childcare[].places), with every family wanting a place
/// staying in the flow, with a place or without, until it withdraws or the child is 36 months old:
/// W_b = fresh_b x (expected stay of a fresh applicant, whose age is uniform in the band, or who
/// starts at the band's start in the youngest band anyone wants) + reaching b from below x
/// (expected stay of a full band), band by band; then split by region demand shares and over the
/// months by application_month_weight. A fresh applicant is of the affordable tier with the
/// demand's share of affordable places in its band and year. On 1 January: the children enrolled
/// (the providers' enrolled columns, or supply.initial_enrolled split over regions and tiers by
/// the places open), and, below the last band, the children wanting a place without one (the
/// first year's places wanted less those enrolled, by region).
[[nodiscard]] ChildcareModel build_childcare_model(const ChildcareSupply& supply, const std::vector<std::string>& regions,
                                                   const std::vector<double>& demand_share, int build_lag_years,
                                                   int last_year,
                                                   const demand::DemandResult& demand);

}  // namespace carecap::supply

namespace carecap::supply {

/// Childcare places open during `year` (places change on 1 January), all or only the affordable
/// (普惠) ones: providers by their flag, projects by supply.projects_affordable.
[[nodiscard]] double childcare_places_open(const ChildcareSupply& supply, int build_lag_years, int year, bool affordable_only);

}  // namespace carecap::supply
