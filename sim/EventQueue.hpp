// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <algorithm>
#include <cstdint>
#include <vector>

#include "sim/Event.hpp"

namespace carecap::sim {

/// The future event list, ordered exactly by (time, same-time order, sequence number).
///
/// Constructed with a time window [origin, origin + width x buckets), it is a calendar queue:
/// events (32 bytes, payload inline) are appended unsorted to the bucket of their time; when a
/// bucket becomes current it is sorted once and popped from the front, while events scheduled into
/// the current bucket meanwhile go to a small 4-ary heap; a pop takes the earlier of the two.
/// Events after the window (and every event of a queue built without one) go to an overflow 4-ary
/// heap. Buckets cover disjoint time ranges, so the order is the same as one big heap's.
class EventQueue {
public:
  EventQueue() = default;
  EventQueue(double origin, double bucket_width, std::size_t buckets)
      : origin_(origin), width_(bucket_width), buckets_(buckets) {}

  /// Schedules an event at `time` (not before the last popped event); returns its sequence number.
  std::uint64_t schedule(double time, SameTimeOrder order, std::uint16_t kind, std::uint32_t target = 0,
                         std::uint64_t payload = 0) {
    const std::uint64_t sequence = next_sequence_++;
    Entry entry;
    entry.time = time;
    entry.rank = (static_cast<std::uint64_t>(order) << 56) | sequence;
    entry.payload = payload;
    entry.target = target;
    entry.kind = kind;
    ++size_;
    const std::size_t bucket = bucket_of(time);
    if (bucket >= buckets_.size()) {
      push_heap(overflow_, entry);
    } else if (bucket <= current_) {
      push_heap(late_, entry);
    } else {
      std::vector<Entry>& future = buckets_[bucket];
      if (future.capacity() == 0 && !spare_.empty()) {  // reuse the storage of a consumed bucket
        future.swap(spare_.back());
        spare_.pop_back();
      }
      future.push_back(entry);
    }
    return sequence;
  }

  /// Removes and returns the earliest event (the queue must not be empty).
  Event pop() {
    load_active();
    --size_;
    const bool sorted_left = next_sorted_ < sorted_.size();
    if (sorted_left && (late_.empty() || earlier(sorted_[next_sorted_], late_.front()))) return sorted_[next_sorted_++];
    return pop_heap(late_.empty() ? overflow_ : late_);
  }

  /// Time of the earliest event (the queue must not be empty).
  [[nodiscard]] double next_time() {
    load_active();
    const bool sorted_left = next_sorted_ < sorted_.size();
    if (sorted_left && (late_.empty() || earlier(sorted_[next_sorted_], late_.front()))) return sorted_[next_sorted_].time;
    return late_.empty() ? overflow_.front().time : late_.front().time;
  }
  [[nodiscard]] bool empty() const { return size_ == 0; }
  [[nodiscard]] std::size_t size() const { return size_; }

private:
  using Entry = Event;
  static constexpr std::size_t kArity = 4;
  static constexpr std::size_t kMaxSpareBuckets = 256;  // bounds the storage kept for reuse

  static bool earlier(const Entry& a, const Entry& b) { return a.time < b.time || (a.time == b.time && a.rank < b.rank); }

  [[nodiscard]] std::size_t bucket_of(double time) const {
    if (buckets_.empty()) return 0;
    if (time < origin_) return current_;
    const double index = (time - origin_) / width_;
    return index >= static_cast<double>(buckets_.size()) ? buckets_.size() : static_cast<std::size_t>(index);
  }

  /// When the current bucket is exhausted, sorts the next non-empty one into sorted_.
  void load_active() {
    while (next_sorted_ == sorted_.size() && late_.empty() && current_ + 1 < buckets_.size()) {
      ++current_;
      std::vector<Entry>& next = buckets_[current_];
      if (next.empty()) continue;
      sorted_.clear();
      if (spare_.size() < kMaxSpareBuckets) spare_.push_back(std::move(sorted_));
      sorted_ = std::move(next);
      next = std::vector<Entry>();
      next_sorted_ = 0;
      std::sort(sorted_.begin(), sorted_.end(), [](const Entry& a, const Entry& b) { return earlier(a, b); });
    }
  }

  static void push_heap(std::vector<Entry>& heap, const Entry& entry) {
    heap.push_back(entry);
    sift_up(heap, heap.size() - 1);
  }

  static void sift_up(std::vector<Entry>& heap, std::size_t hole) {
    const Entry entry = heap[hole];
    while (hole > 0) {
      const std::size_t parent = (hole - 1) / kArity;
      if (!earlier(entry, heap[parent])) break;
      heap[hole] = heap[parent];
      hole = parent;
    }
    heap[hole] = entry;
  }

  static Entry pop_heap(std::vector<Entry>& heap) {
    const Entry top = heap.front();
    const Entry entry = heap.back();
    heap.pop_back();
    const std::size_t n = heap.size();
    if (n == 0) return top;
    std::size_t hole = 0;
    for (;;) {
      const std::size_t first = hole * kArity + 1;
      if (first >= n) break;
      const std::size_t end = first + kArity < n ? first + kArity : n;
      std::size_t best = first;
      for (std::size_t c = first + 1; c < end; ++c)
        if (earlier(heap[c], heap[best])) best = c;
      if (!earlier(heap[best], entry)) break;
      heap[hole] = heap[best];
      hole = best;
    }
    heap[hole] = entry;
    return top;
  }

  double origin_ = 0.0;
  double width_ = 1.0;
  std::vector<std::vector<Entry>> buckets_;  // future buckets, unsorted
  std::size_t current_ = 0;                   // index of the current bucket
  std::vector<Entry> sorted_;                 // the current bucket's events, sorted when it became current
  std::size_t next_sorted_ = 0;               // next event of sorted_ to pop
  std::vector<Entry> late_;                   // heap of events scheduled into the current bucket after it was sorted
  std::vector<std::vector<Entry>> spare_;     // storage of consumed buckets, for reuse
  std::vector<Entry> overflow_;               // heap of events after the window
  std::size_t size_ = 0;
  std::uint64_t next_sequence_ = 0;
};

}  // namespace carecap::sim
