// carecap. SPDX-License-Identifier: MIT
#include "sim/WaitingList.hpp"

#include <doctest/doctest.h>

#include <set>

using carecap::sim::WaitingList;

TEST_CASE("a waiting list serves the priority class first, and first come first served within a class") {
  WaitingList list(2);
  std::set<std::uint64_t> left;
  auto waiting = [&](std::uint64_t e) { return left.count(e) == 0; };
  list.push(1, 1);
  list.push(2, 1);
  list.push(3, 0);
  list.push(4, 0);
  std::uint64_t entity = 0;
  int priority_class = -1;
  std::vector<std::uint64_t> served;
  while (list.front(entity, priority_class, waiting)) {
    served.push_back(entity);
    list.pop_front(priority_class);
  }
  CHECK(served == std::vector<std::uint64_t>{3, 4, 1, 2});
  CHECK(list.size() == 0);

  SUBCASE("people who left are skipped and no longer counted") {
    list.push(5, 1);
    list.push(6, 1);
    left.insert(5);
    list.left_early();
    CHECK(list.size() == 1);
    REQUIRE(list.front(entity, priority_class, waiting));
    CHECK(entity == 6);
  }
  SUBCASE("a capped list turns arrivals away") {
    WaitingList capped(1, 2);
    CHECK(capped.push(1, 0));
    CHECK(capped.push(2, 0));
    CHECK_FALSE(capped.push(3, 0));
    CHECK(capped.size() == 2);
  }
  SUBCASE("compaction keeps exactly those still waiting, in order") {
    for (std::uint64_t e = 10; e < 200; ++e) list.push(e, 1);
    for (std::uint64_t e = 10; e < 190; ++e) {
      left.insert(e);
      list.left_early();
    }
    list.compact(waiting);
    CHECK(list.size() == 10);
    REQUIRE(list.front(entity, priority_class, waiting));
    CHECK(entity == 190);
  }
}
