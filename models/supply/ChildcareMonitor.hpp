// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <array>
#include <cstdint>

#include "models/supply/ChildcareModel.hpp"

namespace carecap::supply {

/// Who applies for a place of a band: a family new to care (fresh), a family whose child reaches
/// the band without a place in the band below (again: it waited or gave up there), or a child in
/// a place of the band below, moving up.
enum class Applicant : std::uint8_t { fresh, again, moving_up };

/// Children or places by price tier (kAffordable, kMarket).
using ByTier = std::array<std::int64_t, kPriceTierCount>;

/// The one way results leave a childcare simulation (pools and streams: band x regions + region;
/// tiers: kAffordable, kMarket).
class ChildcareMonitor {
public:
  virtual ~ChildcareMonitor() = default;
  /// A family of price tier `tier` applied for a place.
  virtual void applied(int stream, double time, Applicant who, int tier) = 0;
  /// A child of a family of tier `tier` took a place of tier `place_tier` after waiting `waited` years.
  virtual void admitted(int stream, double time, double waited, int tier, int place_tier) = 0;
  /// A child of tier `tier` left the waiting list unserved after waiting `waited` years (its
  /// patience ran out, it outgrew the band, or its family withdrew).
  virtual void gave_up(int stream, double time, double waited, int tier) = 0;
  /// A child left a place: withdrew, or aged out of the band (from the last band: aged out of care).
  virtual void left(int pool, double time, bool withdrew) = 0;
  /// Children in places and places open, by the place's tier; affordable-tier children in market places.
  virtual void place_level(int pool, double time, const ByTier& enrolled, const ByTier& places,
                           std::int64_t affordable_tier_in_market) = 0;
  /// Children waiting, by their family's tier.
  virtual void queue_level(int stream, double time, const ByTier& waiting) = 0;
  virtual void year_end(int year_index, double time) = 0;
};

}  // namespace carecap::supply
