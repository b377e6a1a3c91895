// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <cstdint>

#include "sim/SameTimeOrder.hpp"

namespace carecap::sim {

/// A scheduled event: plain data, ordered by (time, same-time order, sequence number). What
/// `kind`, `target` and `payload` mean is the model's business.
struct Event {
  double time = 0.0;             // simulated time, in the model's unit
  std::uint64_t rank = 0;        // same-time order in the top 8 bits, insertion counter below: ties broken by order, then first come first served
  std::uint64_t payload = 0;     // e.g. an entity id
  std::uint32_t target = 0;      // e.g. a pool or stream index
  std::uint16_t kind = 0;        // the model's event type

  /// The same-time order of this event.
  [[nodiscard]] SameTimeOrder order() const { return static_cast<SameTimeOrder>(rank >> 56); }
  /// The insertion counter of this event.
  [[nodiscard]] std::uint64_t sequence() const { return rank & ((std::uint64_t{1} << 56) - 1); }
};



}  // namespace carecap::sim
