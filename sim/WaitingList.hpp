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
    ++stored_;
    return true;
  }

  /// Records that a listed entity left without being served (its entry is skipped later, or
  /// dropped by compact).
  void left_early() { --waiting_; }

  /// The next entity to serve and its class, without removing it; false when nobody waits.
  /// Drops entries `still_waiting(entity)` says have left.
  template <class StillWaiting>
  bool front(std::uint64_t& entity, int& priority_class, StillWaiting&& still_waiting) {
    for (std::size_t c = 0; c < queues_.size(); ++c) {
      auto& queue = queues_[c];
      while (!queue.empty() && !still_waiting(queue.front())) {
        queue.pop_front();
        --stored_;
      }
      if (!queue.empty()) {
        entity = queue.front();
        priority_class = static_cast<int>(c);
        return true;
      }
    }
    return false;
  }

  /// Removes the front entity of `priority_class` (as returned by front).
  void pop_front(int priority_class) {
    queues_[static_cast<std::size_t>(priority_class)].pop_front();
    --stored_;
    --waiting_;
  }

  /// Drops the entries of entities that left, when they outnumber those waiting, so that memory
  /// follows the people waiting rather than everyone who ever waited.
  template <class StillWaiting>
  void compact(StillWaiting&& still_waiting) {
    if (stored_ <= 2 * waiting_ + 64) return;
    for (auto& queue : queues_) {
      std::deque<std::uint64_t> kept;
      for (std::uint64_t entity : queue)
        if (still_waiting(entity)) kept.push_back(entity);
      queue.swap(kept);
    }
    stored_ = waiting_;
  }

  /// People waiting now.
  [[nodiscard]] std::int64_t size() const { return waiting_; }
  [[nodiscard]] std::int64_t cap() const { return cap_; }

private:
  std::vector<std::deque<std::uint64_t>> queues_;
  std::int64_t cap_;
  std::int64_t waiting_ = 0;  // entities waiting
  std::int64_t stored_ = 0;   // entries held, including those of entities that left
};

}  // namespace carecap::sim
