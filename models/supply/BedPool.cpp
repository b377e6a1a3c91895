// carecap. SPDX-License-Identifier: MIT
#include "models/supply/BedPool.hpp"

namespace carecap::supply {

std::size_t BedPool::free_slot(bool affordable_only) const {
  // Lowest occupancy rate among slots with a free bed: occupied_a / capacity_a < occupied_b /
  // capacity_b, compared exactly by cross-multiplying.
  std::size_t best = slots_.size();
  for (std::size_t s = 0; s < slots_.size(); ++s) {
    const Slot& c = slots_[s];
    if (c.occupied >= c.capacity || (affordable_only && !c.affordable)) continue;
    if (best == slots_.size() || c.occupied * slots_[best].capacity < slots_[best].occupied * c.capacity) best = s;
  }
  return best;
}

void BedPool::take(std::size_t s, double now) {
  Slot& slot = slots_[s];
  occupied_area_.accrue(now, static_cast<double>(occupied_));
  free_area_.accrue(now, static_cast<double>(free_));
  slot.accrue(now);
  ++occupied_;
  ++slot.occupied;  // into a free bed: the slot's open beds stay its capacity
  --free_;
  if (slot.affordable) --free_affordable_;
}

void BedPool::vacate(std::size_t s, double now, bool died, bool next_year) {
  Slot& slot = slots_[s];
  occupied_area_.accrue(now, static_cast<double>(occupied_));
  free_area_.accrue(now, static_cast<double>(free_));
  slot.accrue(now);
  --occupied_;
  if (slot.occupied-- > slot.capacity) {  // a bed a closure or conversion took away closes
    open_area_.accrue(now, static_cast<double>(open_));
    --open_;
  } else {
    ++free_;
    if (slot.affordable) ++free_affordable_;
  }
  ++(died ? deaths_in_care_ : discharges_)[next_year ? 1 : 0];
}

void BedPool::accrue_all(double now) {
  occupied_area_.accrue(now, static_cast<double>(occupied_));
  free_area_.accrue(now, static_cast<double>(free_));
  open_area_.accrue(now, static_cast<double>(open_));
  for (Slot& slot : slots_) slot.accrue(now);
}

void BedPool::recount() {
  free_ = free_affordable_ = open_ = 0;
  for (const Slot& slot : slots_) {
    const std::int64_t free = std::max<std::int64_t>(0, slot.capacity - slot.occupied);
    free_ += free;
    if (slot.affordable) free_affordable_ += free;
    open_ += std::max(slot.capacity, slot.occupied);
  }
}

bool BedPool::change(const CapacityChange& change, bool unit_affordable, double now) {
  const auto named = [&](const Slot& s) { return s.unit == change.unit; };
  if (change.whole_unit) {  // a closure: whatever the unit has left
    const auto slot = std::find_if(slots_.begin(), slots_.end(), named);
    if (slot == slots_.end()) return true;
    accrue_all(now);
    capacity_ -= slot->capacity;
    slot->capacity = 0;
    recount();
    return true;
  }
  if (capacity_ + change.beds < 0) return false;
  accrue_all(now);
  capacity_ += change.beds;
  if (change.unit >= 0 || change.beds > 0) {
    auto slot = std::find_if(slots_.begin(), slots_.end(), named);
    if (slot == slots_.end())
      slot = slots_.insert(slots_.end(), Slot{change.unit, 0, 0, change.unit >= 0 && unit_affordable, {now, 0.0}, {now, 0.0}});
    slot->capacity = std::max<std::int64_t>(0, slot->capacity + change.beds);
    recount();
    return true;
  }
  // A reduction of no unit (a conversion): from the slots with the most free beds, so that
  // nobody is evicted while beds stand idle anywhere in the pool; never below zero beds.
  for (std::int64_t left = -change.beds; left > 0;) {
    std::size_t take = slots_.size();
    for (std::size_t s = 0; s < slots_.size(); ++s) {
      const Slot& c = slots_[s];
      if (c.capacity == 0) continue;
      if (take == slots_.size() || c.capacity - c.occupied > slots_[take].capacity - slots_[take].occupied) take = s;
    }
    if (take == slots_.size()) break;
    Slot& s = slots_[take];
    const std::int64_t amount = std::min(left, std::max<std::int64_t>(1, std::min(s.capacity, s.capacity - s.occupied)));
    s.capacity -= amount;
    left -= amount;
  }
  recount();
  return true;
}

void BedPool::close_year(double time, double length, CapacityYearLevels::Pool& year, std::vector<CapacityYearLevels::Unit>& units) {
  year.mean_occupied = occupied_area_.close(time, static_cast<double>(occupied_), length);
  year.mean_free = free_area_.close(time, static_cast<double>(free_), length);
  year.mean_open = open_area_.close(time, static_cast<double>(open_), length);
  year.deaths_in_care = deaths_in_care_[0];
  year.discharges = discharges_[0];
  deaths_in_care_ = {deaths_in_care_[1], 0.0};
  discharges_ = {discharges_[1], 0.0};
  for (Slot& slot : slots_) {
    if (slot.unit < 0) continue;
    CapacityYearLevels::Unit& unit = units[static_cast<std::size_t>(slot.unit)];
    unit.mean_occupied = slot.occupied_area.close(time, static_cast<double>(slot.occupied), length);
    unit.mean_open = slot.open_area.close(time, static_cast<double>(std::max(slot.capacity, slot.occupied)), length);
  }
}

}  // namespace carecap::supply
