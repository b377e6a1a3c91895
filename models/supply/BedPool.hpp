// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

#include "models/supply/CapacityLevels.hpp"
#include "models/supply/CapacityParameters.hpp"
#include "sim/LevelArea.hpp"

namespace carecap::supply {

/// The beds of one pool (bed type, region) of the capacity simulation, held in slots: one per
/// unit (a facility's or project's beds of the pool's type) and one for beds of no unit. It keeps
/// the sums every event reads (free, free affordable and open beds) current, and the areas under
/// its levels and its departures for the year's averages and counts (CapacityYearLevels), so that
/// an event updates them in place instead of telling a monitor.
class BedPool {
public:
  /// Beds held by one unit, or by no unit (unit -1).
  struct Slot {
    int unit = -1;
    std::int64_t capacity = 0;
    std::int64_t occupied = 0;
    bool affordable = false;                  // the unit's 普惠 flag (no unit: not affordable)
    sim::LevelArea occupied_area, open_area;  // this year's, for the unit's means (a unit has one slot)

    /// Accrues the areas up to `now`, before the slot's beds or residents change (a unit's only).
    void accrue(double now) {
      if (unit < 0) return;
      occupied_area.accrue(now, static_cast<double>(occupied));
      open_area.accrue(now, static_cast<double>(std::max(capacity, occupied)));
    }
  };

  /// A pool with no beds, its year's areas starting at `year_start` (years).
  explicit BedPool(double year_start = 0.0)
      : occupied_area_{year_start, 0.0}, free_area_{year_start, 0.0}, open_area_{year_start, 0.0} {}

  [[nodiscard]] std::int64_t capacity() const { return capacity_; }
  [[nodiscard]] std::int64_t occupied() const { return occupied_; }
  [[nodiscard]] const std::vector<Slot>& slots() const { return slots_; }
  /// Beds a newcomer can take: in each slot, beds beyond its residents (a slot that a closure or
  /// conversion cut below its residents has none, whatever the other slots hold).
  [[nodiscard]] std::int64_t free_beds() const { return free_; }
  /// Free beds in affordable slots only (what the affordable price tier may take).
  [[nodiscard]] std::int64_t free_affordable_beds() const { return free_affordable_; }
  /// Beds open as reported: each slot's beds, or its residents where a closure or conversion cut
  /// it below them (nobody is evicted; their beds close as they leave). Always occupied + free.
  [[nodiscard]] std::int64_t open_beds() const { return open_; }

  /// The slot with a free bed and the lowest occupancy rate (the lowest index on ties), among
  /// affordable slots only when `affordable_only`; the pool has such a free bed.
  [[nodiscard]] std::size_t free_slot(bool affordable_only) const;
  /// A resident takes a free bed of slot `s` at `now`.
  void take(std::size_t s, double now);
  /// A resident of slot `s` leaves at `now`, by death or discharge; `next_year`: counted in the
  /// next year (at the year's end instant, before its sample).
  void vacate(std::size_t s, double now, bool died, bool next_year);
  /// Applies a capacity change at `now`: a named unit's slot (new slots of a unit are affordable
  /// when `unit_affordable`), the unnamed slot for an addition without a unit, else a reduction
  /// taken from the slots with the most free beds; a closure takes whatever the unit has left.
  /// False, and nothing changed, when the pool's beds would fall below zero.
  bool change(const CapacityChange& change, bool unit_affordable, double now);
  /// Ends the year at `time` (of `length` years): its averages and departures into `year`, its
  /// units' into `units`; the next year starts.
  void close_year(double time, double length, CapacityYearLevels::Pool& year, std::vector<CapacityYearLevels::Unit>& units);

private:
  /// Accrues the pool's and its slots' areas up to `now`, before their beds change.
  void accrue_all(double now);
  /// Recounts the sums from the slots, after their beds changed.
  void recount();

  std::int64_t capacity_ = 0, occupied_ = 0;
  std::vector<Slot> slots_;  // only ever appended to: departures name a slot by index
  // Sums over the slots, kept by take, vacate and recount (read on every event).
  std::int64_t free_ = 0, free_affordable_ = 0, open_ = 0;
  sim::LevelArea occupied_area_, free_area_, open_area_;  // this year's (open beds change rarely: accrued only then)
  std::array<double, 2> deaths_in_care_{}, discharges_{};  // this year's and the next (an event at the boundary instant)
};

}  // namespace carecap::supply
