// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <array>
#include <string>
#include <vector>

#include "models/demand/ChildcareParameters.hpp"

namespace carecap::supply {

using demand::kMonthBandCount;

/// A childcare provider (托育机构) of the base-year supply.
struct ChildcareProvider {
  std::string id;                                      // unique key
  std::string name;                                    // as published
  int region = 0;                                      // index into the supply's regions
  bool affordable = false;                             // 普惠
  std::array<std::int64_t, kMonthBandCount> places{};  // places by month band (months 0-5 always 0: no care under 6 months)
  std::array<std::int64_t, kMonthBandCount> enrolled{};  // children in its places on 1 January of the first simulated year, by band (at most its places); used when ChildcareSupply::providers_state_enrolled
  int opens = 0;                                       // first year open
  int closes = 0;                                      // first year closed; 0 = stays open
};

/// A childcare project of the investment plan: places opening on 1 January of year + lag.
struct ChildcareProject {
  std::string id;
  int year = 0;                   // plan year
  int region = 0;
  std::int64_t places = 0;        // places as the plan states them, split by band with place_band_share
  double investment_wan_yuan = 0; // 10,000 yuan
};

/// Childcare places and the rules of the childcare simulation.
struct ChildcareSupply {
  std::vector<ChildcareProvider> providers;
  std::vector<ChildcareProject> projects;
  std::array<double, kMonthBandCount> place_band_share{0.0, 0.2, 0.35, 0.45};  // split of a project's places by band (assumption: few infant places)
  std::array<double, 12> application_month_weight{1, 1, 1, 1, 1, 1, 1, 1, 4, 1, 1, 1};  // relative applications Jan..Dec (assumption: a September peak, 4x)
  double withdrawal_rate = 0.2;       // families ceasing to want a place (withdrawing a child from one), per child-year, enrolled or not (assumption)
  double mean_patience_years = 0.25;  // exponential patience on the waiting list, years (assumption)
  std::array<double, kMonthBandCount> initial_enrolled{};  // children enrolled on 1 January of the first simulated year, by band, persons (at most the band's places); with providers_state_enrolled, the providers' sums (the model then places the children by provider)
  bool providers_state_enrolled = false;  // the providers file has enrolled_* columns: children enrolled on 1 January by provider and band
  double affordable_tier_takes_market = 1.0;  // share of affordable-tier families who take a free market-price place when no affordable place is free (the others wait for an affordable one), fraction (assumption: no price effect, as ChildcareParameters::uptake_affordable)
  bool projects_affordable = true;    // the plan's places count as affordable (普惠): lists funded by the central affordable-childcare budget
  std::string source;                 // recorded in the output
};

}  // namespace carecap::supply
