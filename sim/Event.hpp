// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <cstdint>

#include "sim/SameTimeOrder.hpp"

namespace carecap::sim {

/// A scheduled event: plain data, ordered by (time, order, sequence). What `kind`, `target` and
/// `payload` mean is the model's business.
struct Event {
  double time = 0.0;                                  // simulated time, in the model's unit
  std::uint64_t sequence = 0;                         // insertion counter: ties broken first come, first served
  std::uint64_t payload = 0;                          // e.g. an entity id
  std::uint32_t target = 0;                           // e.g. a pool or stream index
  std::uint16_t kind = 0;                             // the model's event type
  SameTimeOrder order = SameTimeOrder::arrival;       // same-time priority
};

/// True when `a` happens after `b` (so that a max-heap on this yields the earliest event).
inline bool happens_after(const Event& a, const Event& b) {
  if (a.time != b.time) return a.time > b.time;
  if (a.order != b.order) return a.order > b.order;
  return a.sequence > b.sequence;
}

}  // namespace carecap::sim
