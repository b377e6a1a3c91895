// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <cmath>
#include <cstdint>
#include <limits>
#include <exception>
#include <string>

#include "sim/Errors.hpp"
#include "sim/EventQueue.hpp"

namespace carecap::sim {

/// The last time before `time`: running through it handles the events strictly before `time`.
[[nodiscard]] inline double just_before(double time) { return std::nextafter(time, -std::numeric_limits<double>::infinity()); }

/// Runs events in order until the queue is empty or the next event is after `until`; returns
/// the number of events handled. `handle(const Event&)` is the model. A failure inside a handler
/// is re-thrown as RuntimeFault naming the event (`describe(kind)`) and the simulated time.
/// Running past the queue's horizon (EventQueue::horizon: its later events were dropped) throws
/// RuntimeFault: it is a programming error.
template <class Handle, class Describe>
std::uint64_t run_until(EventQueue& queue, double until, Handle&& handle, Describe&& describe) {
  if (until > queue.horizon())
    throw RuntimeFault("running to simulated time " + std::to_string(until) + " past the event queue's horizon " +
                       std::to_string(queue.horizon()));
  std::uint64_t handled = 0;
  Event event;
  while (queue.pop_through(until, event)) {
    try {
      handle(event);
    } catch (const std::exception& error) {
      throw RuntimeFault(std::string("while handling ") + describe(event.kind) + " at simulated time " +
                         std::to_string(event.time) + ": " + error.what());
    }
    ++handled;
  }
  return handled;
}

}  // namespace carecap::sim
