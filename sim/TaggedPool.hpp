// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <cstdint>
#include <vector>

namespace carecap::sim {

/// Reusable slots for the items events refer to (people waiting, children): an item is named by a
/// tag, its slot index and the slot's generation. Releasing a slot bumps its generation, so an
/// event still carrying an old tag is recognised as stale; released slots are reused, which keeps
/// the items few and dense.
template <class Item>
class TaggedPool {
public:
  /// A slot for a new item: a released one (keeping its former contents: set every field) or a
  /// new default Item.
  std::uint64_t acquire() {
    if (!free_.empty()) {
      const std::uint64_t id = free_.back();
      free_.pop_back();
      return id;
    }
    items_.emplace_back();
    generations_.push_back(0);
    return items_.size() - 1;
  }
  /// Ends the item in slot `id`: tags naming it are stale from now on.
  void release(std::uint64_t id) {
    ++generations_[id];
    free_.push_back(id);
  }
  Item& operator[](std::uint64_t id) { return items_[id]; }
  const Item& operator[](std::uint64_t id) const { return items_[id]; }
  /// The tag naming the item now in slot `id`.
  [[nodiscard]] std::uint64_t tag(std::uint64_t id) const { return (std::uint64_t{generations_[id]} << 32) | id; }
  /// The slot a tag names.
  [[nodiscard]] static std::uint64_t id_of(std::uint64_t tag) { return tag & 0xffffffffu; }
  /// Whether the tag names the item still in its slot (not released since the tag was taken).
  [[nodiscard]] bool current(std::uint64_t tag) const { return generations_[id_of(tag)] == (tag >> 32); }

private:
  std::vector<Item> items_;
  std::vector<std::uint32_t> generations_;
  std::vector<std::uint64_t> free_;
};

}  // namespace carecap::sim
