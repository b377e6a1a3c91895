// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <cstdint>

namespace carecap::sim {

/// The order of events that fall at the same time, named in one place because changing it
/// changes results: capacity changes first (a bed opened at t serves arrivals at t), then
/// departures (a bed freed at t serves arrivals at t), admissions from waiting lists, arrivals,
/// reneging, and the periodic sample last (it sees the state after everything else at t).
enum class SameTimeOrder : std::uint8_t {
  capacity_change = 0,
  departure = 1,
  admission = 2,
  arrival = 3,
  reneging = 4,
  sample = 5,
};

}  // namespace carecap::sim
