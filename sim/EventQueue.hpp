// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <algorithm>
#include <vector>

#include "sim/Event.hpp"

namespace carecap::sim {

/// The future event list: a binary heap ordered by (time, same-time order, sequence number).
class EventQueue {
public:
  /// Schedules an event; returns its sequence number.
  std::uint64_t schedule(double time, SameTimeOrder order, std::uint16_t kind, std::uint32_t target = 0,
                         std::uint64_t payload = 0) {
    Event e;
    e.time = time;
    e.order = order;
    e.kind = kind;
    e.target = target;
    e.payload = payload;
    e.sequence = next_sequence_++;
    heap_.push_back(e);
    std::push_heap(heap_.begin(), heap_.end(), happens_after);
    return e.sequence;
  }

  /// Removes and returns the earliest event (the queue must not be empty).
  Event pop() {
    std::pop_heap(heap_.begin(), heap_.end(), happens_after);
    const Event e = heap_.back();
    heap_.pop_back();
    return e;
  }

  [[nodiscard]] const Event& next() const { return heap_.front(); }
  [[nodiscard]] bool empty() const { return heap_.empty(); }
  [[nodiscard]] std::size_t size() const { return heap_.size(); }
  void reserve(std::size_t events) { heap_.reserve(events); }

private:
  std::vector<Event> heap_;
  std::uint64_t next_sequence_ = 0;
};

}  // namespace carecap::sim
