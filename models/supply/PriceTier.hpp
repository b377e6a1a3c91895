// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <array>

namespace carecap::supply {

/// Price tiers of beds and places, and of the people seeking them: affordable (普惠) and market.
/// An affordable-tier person takes affordable beds only (childcare: affordable places first, then
/// market places if the family accepts them); a market-tier person takes any (docs/capacity.md).
inline constexpr int kPriceTierCount = 2;
inline constexpr int kAffordable = 0;
inline constexpr int kMarket = 1;
/// Output labels of the `price_tier` dimension, by tier index.
inline constexpr std::array<const char*, kPriceTierCount> kPriceTierNames{"affordable", "market"};

}  // namespace carecap::supply
