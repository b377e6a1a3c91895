// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <algorithm>
#include <boost/sort/pdqsort/pdqsort.hpp>
#include <cstdint>
#include <limits>
#include <vector>

#include "sim/Event.hpp"

namespace carecap::sim {

/// The future event list, ordered exactly by (time, same-time order, sequence number).
///
/// Constructed with a time window [origin, origin + width x buckets), it is a calendar queue:
/// events (32 bytes, payload inline) are appended unsorted to the bucket of their time (staged,
/// then filed in a batch before the next bucket becomes current); when a bucket becomes current
/// it is sorted once, latest first, and popped from the back; an event scheduled into the
/// current bucket after that is inserted in order. Events after the window
/// (and every event of a queue built without one) go to an overflow 4-ary heap, popped once the
/// window is exhausted. Buckets cover disjoint time ranges (the bucket of a time never decreases
/// with the time), so the order is the same as one big heap's.
///
/// An optional horizon drops events scheduled after it: a simulation that never runs past its last
/// day (a resident's departure years after the run ends) then neither stores nor sorts them.
/// Running past the horizon is a programming error (sim::run_until throws).
class EventQueue {
public:
  EventQueue() = default;
  EventQueue(double origin, double bucket_width, std::size_t buckets,
             double horizon = std::numeric_limits<double>::infinity())
      : origin_(origin), per_width_(1.0 / bucket_width), horizon_(horizon), buckets_(buckets) {}

  /// Schedules an event at `time` (not before the last popped event); returns its sequence number.
  std::uint64_t schedule(double time, SameTimeOrder order, std::uint16_t kind, std::uint32_t target = 0,
                         std::uint64_t payload = 0) {
    const std::uint64_t sequence = next_sequence_++;
    if (time > horizon_) return sequence;  // never run
    Entry entry;
    entry.time = time;
    entry.rank = (static_cast<std::uint64_t>(order) << 56) | sequence;
    entry.payload = payload;
    entry.target = target;
    entry.kind = kind;
    ++size_;
    const std::size_t bucket = bucket_of(time);
    if (bucket >= buckets_.size() || current_ >= buckets_.size()) {  // after the window, or the window used up
      push_heap(overflow_, entry);
    } else if (bucket > current_) {
      staged_.push_back(entry);  // filed into its bucket before that bucket can become current
    } else {  // the current bucket (an earlier one is empty: its events are all before this one)
      std::vector<Entry>& active = buckets_[current_];
      if (!sorted_) {
        active.push_back(entry);
      } else {
        active.insert(active.begin() + static_cast<std::ptrdiff_t>(insertion_point(active, entry)), entry);
      }
    }
    return sequence;
  }

  /// Removes and returns the earliest event (the queue must not be empty).
  Event pop() {
    Event event;
    pop_through(std::numeric_limits<double>::infinity(), event);
    return event;
  }

  /// Removes the earliest event into `event` if there is one at or before `until`; false otherwise.
  bool pop_through(double until, Event& event) {
    const Entry* next = peek();
    if (next == nullptr || next->time > until) return false;
    event = *next;
    if (current_ < buckets_.size()) {
      buckets_[current_].pop_back();
    } else {
      pop_heap(overflow_);
    }
    --size_;
    return true;
  }

  /// Time of the earliest event (the queue must not be empty).
  [[nodiscard]] double next_time() { return peek()->time; }
  /// Events pending (those after the horizon are dropped, not pending).
  [[nodiscard]] bool empty() const { return size_ == 0; }
  [[nodiscard]] std::size_t size() const { return size_; }
  /// Events after this time are dropped when scheduled (+infinity: none).
  [[nodiscard]] double horizon() const { return horizon_; }

private:
  using Entry = Event;
  static constexpr std::size_t kArity = 4;
  static constexpr std::size_t kFirstBucketCapacity = 8;  // events: skips the smallest reallocations of a filling bucket

  static bool earlier(const Entry& a, const Entry& b) { return a.time < b.time || (a.time == b.time && a.rank < b.rank); }
  /// `a` after `b`, without branches (for the sort).
  static bool later(const Entry& a, const Entry& b) {
    return static_cast<bool>(static_cast<int>(a.time > b.time) | (static_cast<int>(a.time == b.time) & static_cast<int>(a.rank > b.rank)));
  }

  /// Where `entry` goes in the sorted current bucket (latest first): before the first event
  /// earlier than it. A binary search on the time alone, without branches (its comparisons are
  /// unpredictable), then back over the events of the same time that rank after it.
  static std::size_t insertion_point(const std::vector<Entry>& active, const Entry& entry) {
    if (active.empty()) return 0;
    // The first index whose time is below entry.time: [first, first + length] holds it.
    std::size_t first = 0, length = active.size();
    while (length > 1) {
      const std::size_t half = length / 2;
      first += half & (std::size_t{0} - static_cast<std::size_t>(active[first + half].time >= entry.time));
      length -= half;
    }
    first += static_cast<std::size_t>(active[first].time >= entry.time);
    while (first > 0 && active[first - 1].time == entry.time && active[first - 1].rank < entry.rank) --first;
    return first;
  }

  /// The bucket of `time`: monotone in time; the current one for times before the origin,
  /// buckets_.size() after the window.
  [[nodiscard]] std::size_t bucket_of(double time) const {
    if (buckets_.empty()) return 0;
    if (time < origin_) return current_;
    const double index = (time - origin_) * per_width_;
    return index >= static_cast<double>(buckets_.size()) ? buckets_.size() : static_cast<std::size_t>(index);
  }

  /// The earliest event, or null when none is left: moves to the next non-empty bucket (sorting
  /// it, latest first) when the current one is exhausted, then to the overflow heap.
  const Entry* peek() {
    if (size_ == 0) return nullptr;
    while (current_ < buckets_.size()) {
      if (!sorted_) file_staged();
      std::vector<Entry>& active = buckets_[current_];
      if (!sorted_) {
        // Pattern-defeating quicksort with branchless partitioning (Boost.Sort): the comparisons of
        // a bucket's random times are unpredictable, so branches would be mispredicted half the time.
        boost::sort::pdqsort_branchless(active.begin(), active.end(), [](const Entry& a, const Entry& b) { return later(a, b); });
        sorted_ = true;
      }
      if (!active.empty()) return &active.back();
      active = std::vector<Entry>();  // its storage freed
      ++current_;
      sorted_ = false;
    }
    return &overflow_.front();
  }

  /// Files the staged events into their buckets, all at once when a bucket is about to become
  /// current: most go to buckets years ahead (a resident's departure), each append a likely
  /// cache miss; filed in a batch, the bucket headers and tails are prefetched a few events
  /// ahead, so that the misses overlap instead of stalling one event at a time.
  void file_staged() {
    const std::size_t n = staged_.size();
    if (n == 0) return;
    constexpr std::size_t kHeaderAhead = 16, kTailAhead = 8;  // events ahead of the one being filed
    staged_bucket_.resize(n);
    for (std::size_t i = 0; i < n; ++i) staged_bucket_[i] = bucket_of(staged_[i].time);
    for (std::size_t i = 0; i < n; ++i) {
      if (i + kHeaderAhead < n) __builtin_prefetch(&buckets_[staged_bucket_[i + kHeaderAhead]]);
      if (i + kTailAhead < n) {
        const std::vector<Entry>& ahead = buckets_[staged_bucket_[i + kTailAhead]];
        __builtin_prefetch(ahead.data() + ahead.size(), 1);
      }
      std::vector<Entry>& bucket = buckets_[staged_bucket_[i]];
      if (bucket.capacity() == 0) bucket.reserve(kFirstBucketCapacity);
      bucket.push_back(staged_[i]);
    }
    staged_.clear();
  }

  static void push_heap(std::vector<Entry>& heap, const Entry& entry) {
    heap.push_back(entry);
    std::size_t hole = heap.size() - 1;
    while (hole > 0) {
      const std::size_t parent = (hole - 1) / kArity;
      if (!earlier(entry, heap[parent])) break;
      heap[hole] = heap[parent];
      hole = parent;
    }
    heap[hole] = entry;
  }

  static void pop_heap(std::vector<Entry>& heap) {
    const Entry entry = heap.back();
    heap.pop_back();
    const std::size_t n = heap.size();
    if (n == 0) return;
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
  }

  double origin_ = 0.0;
  double per_width_ = 1.0;  // buckets per time unit
  double horizon_ = std::numeric_limits<double>::infinity();
  std::vector<std::vector<Entry>> buckets_;  // unsorted but for the current one, sorted latest first once current
  std::size_t current_ = 0;                   // index of the current bucket (buckets_.size(): the window is exhausted)
  bool sorted_ = false;                       // whether the current bucket has been sorted
  std::vector<Entry> staged_;                 // events for buckets after the current one, not yet filed
  std::vector<std::size_t> staged_bucket_;    // their buckets, while filing
  std::vector<Entry> overflow_;               // heap of events after the window
  std::size_t size_ = 0;
  std::uint64_t next_sequence_ = 0;
};

}  // namespace carecap::sim
