// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <cstdint>
#include <deque>
#include <vector>

namespace carecap::sim {

/// A waiting list with priority classes (0 is served first), first come first served within a
/// class, and an optional cap on its length (a full list turns arrivals away). Entries that leave
/// early (reneging, death) are removed lazily: the owner says who is still waiting.
class WaitingList {
public:
  /// `classes` priority classes; `cap` < 0 means unlimited.
  explicit WaitingList(int classes = 1, std::int64_t cap = -1) : queues_(static_cast<std::size_t>(classes)), cap_(cap) {}

  /// Adds `entity` to its class; false (and nothing added) when the list is full.
  bool push(std::uint64_t entity, int priority_class) {
    if (cap_ >= 0 && waiting_ >= cap_) return false;
    queues_[static_cast<std::size_t>(priority_class)].push_back(entity);
    ++waiting_;
    return true;
  }

  /// Records that a listed entity left without being served (its entry is skipped later).
  void left_early() { --waiting_; }

  /// The next entity to serve, skipping those `still_waiting(entity)` says have left; false when
  /// nobody waits.
  template <class StillWaiting>
  bool pop(std::uint64_t& entity, StillWaiting&& still_waiting) {
    for (auto& queue : queues_) {
      while (!queue.empty()) {
        const std::uint64_t candidate = queue.front();
        queue.pop_front();
        if (still_waiting(candidate)) {
          --waiting_;
          entity = candidate;
          return true;
        }
      }
    }
    return false;
  }

  /// People waiting now.
  [[nodiscard]] std::int64_t size() const { return waiting_; }
  [[nodiscard]] std::int64_t cap() const { return cap_; }

private:
  std::vector<std::deque<std::uint64_t>> queues_;
  std::int64_t cap_;
  std::int64_t waiting_ = 0;
};

}  // namespace carecap::sim
