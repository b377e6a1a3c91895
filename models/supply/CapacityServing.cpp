// carecap. SPDX-License-Identifier: MIT
// Who gets a free bed (models/supply/CapacitySimulation.hpp): the waiting lists served by one
// comparator, and with a staffing cap, by town across bed types (docs/workforce.md).
#include <string>

#include "models/supply/CapacitySimulation.hpp"
#include "sim/Errors.hpp"

namespace carecap::supply {

bool CapacitySimulation::first_in_line(int pool, Candidate& best) {
  // One comparator decides who gets a freed bed among the people who may use it: people of the
  // bed's region before others, then the priority class, then the longest wait. The affordable
  // price tier is a candidate only while an affordable bed is free.
  const BedPool& beds = pools_[static_cast<std::size_t>(pool)];
  const int region = region_of_[static_cast<std::size_t>(pool)];
  const bool affordable_free = beds.free_affordable_beds() > 0;
  best = Candidate{};
  for (int stream : candidates_[static_cast<std::size_t>(pool)])
    for (int tier = 0; tier < kPriceTierCount; ++tier) {
      if (tier == kAffordable && !affordable_free) continue;
      sim::WaitingList& waiting = list(stream, tier);
      if (waiting.size() == 0) continue;  // most lists of most pools are empty: skip their entries
      std::uint64_t entry = 0;
      int priority_class = 0;
      if (!waiting.front(entry, priority_class, [&](std::uint64_t t) { return people_.current(t); })) continue;
      if (best.stream < 0 || served_before(stream, priority_class, entry, best.stream, best.priority_class, best.entry, region))
        best = Candidate{stream, tier, priority_class, entry};
    }
  return best.stream >= 0;
}

void CapacitySimulation::admit_waiting(const Candidate& c, int pool) {
  accrue_waiting(c.stream);
  list(c.stream, c.tier).pop_front(c.priority_class);
  const std::uint64_t id = sim::TaggedPool<Person>::id_of(c.entry);
  admit(people_[id], pool);
  people_.release(id);
}

void CapacitySimulation::serve_waiting(int pool) {
  const BedPool& beds = pools_[static_cast<std::size_t>(pool)];
  Candidate best;
  while (beds.free_beds() > 0 && first_in_line(pool, best)) {
    if (!staff_allows(pool, type_of_[static_cast<std::size_t>(best.stream)])) return;  // the first in line waits for staff
    admit_waiting(best, pool);
  }
}

bool CapacitySimulation::served_before(int stream, int priority_class, std::uint64_t entry, int other_stream,
                                       int other_class, std::uint64_t other_entry, int region) const {
  const bool home = region_of_[static_cast<std::size_t>(stream)] == region,
             other_home = region_of_[static_cast<std::size_t>(other_stream)] == region;
  if (home != other_home) return home;
  if (priority_class != other_class) return priority_class < other_class;
  return people_[sim::TaggedPool<Person>::id_of(entry)].arrival <
         people_[sim::TaggedPool<Person>::id_of(other_entry)].arrival;
}

bool CapacitySimulation::waiting_first(const Person& p, int region) {
  const bool newcomer_home = region_of_[static_cast<std::size_t>(p.stream)] == region;
  for (int t = 0; t < kBedTypeCount; ++t) {
    const int pool = pool_index(t, region);
    Candidate c;
    if (pools_[static_cast<std::size_t>(pool)].free_beds() <= 0 || !first_in_line(pool, c)) continue;
    const bool home = region_of_[static_cast<std::size_t>(c.stream)] == region;
    if (home != newcomer_home) {
      if (home) return true;
      continue;
    }
    if (c.priority_class != p.priority_class) {
      if (c.priority_class < p.priority_class) return true;
      continue;
    }
    return true;  // the same standing: the one waiting came first
  }
  return false;
}

void CapacitySimulation::serve_region(int region) {
  for (;;) {
    int best_pool = -1;
    Candidate best;
    for (int t = 0; t < kBedTypeCount; ++t) {
      const int pool = pool_index(t, region);
      Candidate c;
      if (pools_[static_cast<std::size_t>(pool)].free_beds() <= 0 || !first_in_line(pool, c)) continue;
      if (best_pool < 0 || served_before(c.stream, c.priority_class, c.entry, best.stream, best.priority_class, best.entry, region)) {
        best = c;
        best_pool = pool;
      }
    }
    if (best_pool < 0 || !staff_allows(best_pool, type_of_[static_cast<std::size_t>(best.stream)])) return;
    admit_waiting(best, best_pool);
  }
}

void CapacitySimulation::serve_after_leaving(int stream) {
  const auto s = static_cast<std::size_t>(stream);
  std::uint64_t served = 0;  // regions already served (bit per region; more than 64 regions: all served once)
  for (std::uint32_t k = admission_begin_[s]; k < admission_begin_[s + 1]; ++k) {
    const int region = region_of_[static_cast<std::size_t>(admission_pools_[k])];
    const std::uint64_t bit = region < 64 ? std::uint64_t{1} << region : 0;
    if (bit != 0 && (served & bit) != 0) continue;
    served |= bit;
    serve_region(region);
  }
}

void CapacitySimulation::set_staff(int year_index) {
  staff_year_ = year_index;
  staff_available_ = model_->staff_limit[static_cast<std::size_t>(year_index)];
  for (int region = 0; region < regions_; ++region) serve_region(region);
}

void CapacitySimulation::check_staffing() const {
  const auto years = static_cast<std::size_t>(model_->last_year - model_->first_year + 1);
  bool ok = model_->staff_limit.size() >= years && model_->care_workers_per_resident.size() >= years;
  for (std::size_t y = 0; ok && y < years; ++y) ok = model_->staff_limit[y].size() == static_cast<std::size_t>(regions_);
  if (!ok)
    throw RuntimeFault("a staffing cap needs staff for every simulated year and region and care workers per resident for every "
                       "year (" + std::to_string(years) + " years, " + std::to_string(regions_) + " regions)");
}

}  // namespace carecap::supply
