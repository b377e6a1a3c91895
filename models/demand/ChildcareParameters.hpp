// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <array>
#include <string>

namespace carecap::demand {

/// Age bands of children under 3 in months of life, as the plans count them: 0-5 = completed
/// months 0..5, 6-12 = 6..11, 13-24 = 12..23 (age 1), 25-36 = 24..35 (age 2).
inline constexpr int kMonthBandCount = 4;
inline constexpr std::array<const char*, kMonthBandCount> kMonthBandNames{"months_0_5", "months_6_12", "months_13_24",
                                                                          "months_25_36"};

/// Who wants a childcare place (托位) and how many carers the places need.
struct ChildcareParameters {
  std::array<double, kMonthBandCount> wish_rate{0.0, 1.0 / 3, 1.0 / 3, 1.0 / 3};  // share of children whose families want a place; NHC 2021 "about one third"; none under 6 months (NHC 2019 No. 58)
  double affordable_share = 0.5;    // share of wanted places sought at the affordable (普惠) price, fraction; China Daily 2025-12-09 "approaching 50%"
  double uptake_affordable = 1.0;   // share of those wanting an affordable place who take it, fraction (assumption: no price effect)
  double uptake_market = 1.0;       // share of those wanting a market-price place who take it, fraction (assumption)
  std::array<double, kMonthBandCount> children_per_carer{3.0, 3.0, 5.0, 7.0};  // class ratios, NHC 2019 No. 58
  std::array<double, 12> births_by_month{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};  // relative births Jan..Dec (assumption: even)
  std::string source;               // recorded in the output
};

}  // namespace carecap::demand
