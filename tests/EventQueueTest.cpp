// carecap. SPDX-License-Identifier: MIT
// The calendar event queue (sim/EventQueue.hpp) against a plain priority queue ordered by
// (time, same-time order, sequence), including ties, bucket boundaries, events before the
// window's origin and after its end.
#include "sim/EventQueue.hpp"
#include "sim/Simulator.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <queue>
#include <random>

using namespace carecap::sim;

namespace {

struct Reference {
  double time;
  std::uint64_t rank;
  std::uint64_t payload;
  bool operator<(const Reference& o) const { return time > o.time || (time == o.time && rank > o.rank); }
};

}  // namespace

TEST_CASE("events of the same time pop in the named same-time order, whatever order they were scheduled in") {
  // A bed opened at t serves the arrival at t: the capacity change pops first though scheduled last.
  EventQueue queue(2024.0, 1.0 / 365.25, 400);
  queue.schedule(2024.5, SameTimeOrder::sample, 5);
  queue.schedule(2024.5, SameTimeOrder::arrival, 3);
  queue.schedule(2024.5, SameTimeOrder::departure, 1);
  queue.schedule(2024.5, SameTimeOrder::capacity_change, 0);
  CHECK(queue.pop().kind == 0);
  CHECK(queue.pop().kind == 1);
  CHECK(queue.pop().kind == 3);
  CHECK(queue.pop().kind == 5);
  SUBCASE("same time and same order: first scheduled, first popped") {
    queue.schedule(2025.0, SameTimeOrder::arrival, 7, 0, 1);
    queue.schedule(2025.0, SameTimeOrder::arrival, 7, 0, 2);
    CHECK(queue.pop().payload == 1);
    CHECK(queue.pop().payload == 2);
  }
}

TEST_CASE("the calendar queue pops exactly like a single priority queue (randomised, 3,000 runs)") {
  std::mt19937_64 rng(1);
  std::uniform_real_distribution<double> uniform(0, 1);
  long mismatches = 0, pops = 0;
  for (int trial = 0; trial < 3000; ++trial) {
    const double origin = std::floor(uniform(rng) * 10);
    const double width = trial % 3 == 0 ? 0.25 : (trial % 3 == 1 ? 1.0 / 7 : 1e-3);
    const std::size_t buckets = 1 + rng() % 50;
    EventQueue queue = trial % 7 != 0 ? EventQueue(origin, width, buckets) : EventQueue();
    std::priority_queue<Reference> reference;
    std::uint64_t sequence = 0, id = 0;
    auto schedule = [&](double t) {
      const auto order = static_cast<SameTimeOrder>(rng() % 6);
      CHECK(queue.schedule(t, order, 0, 0, id) == sequence);
      reference.push({t, (static_cast<std::uint64_t>(order) << 56) | sequence, id});
      ++sequence;
      ++id;
    };
    const double end = origin + width * static_cast<double>(buckets);
    auto draw_time = [&](double base) {
      switch (rng() % 8) {
        case 0: return base;                                                       // a tie
        case 1: return origin - 1 - uniform(rng);                                  // before the window
        case 2: return end + uniform(rng) * 5;                                     // after it
        case 3: return origin + width * static_cast<double>(rng() % (buckets + 2));  // a bucket boundary
        case 4: return std::floor(base * 4) / 4 + 0.25;                            // coarse grid: ties
        case 5: return base + uniform(rng) * width * 0.5;
        default: return base + uniform(rng) * width * static_cast<double>(buckets);
      }
    };
    const int initial = static_cast<int>(rng() % 200);
    for (int i = 0; i < initial; ++i) schedule(draw_time(origin + uniform(rng) * (end - origin)));
    for (int steps = 0; steps < 400 && !reference.empty(); ++steps) {
      const double next = queue.next_time();
      const Event e = queue.pop();
      const Reference r = reference.top();
      reference.pop();
      ++pops;
      if (next != e.time || e.time != r.time || e.rank != r.rank || e.payload != r.payload) {
        ++mismatches;
        break;
      }
      for (int k = static_cast<int>(rng() % 4); k > 0; --k) schedule(std::max(draw_time(e.time), e.time));
      if (queue.size() != reference.size()) {
        ++mismatches;
        break;
      }
    }
  }
  CHECK(pops > 500000);
  CHECK(mismatches == 0);
}

TEST_CASE("popping up to a time leaves later events, and what is scheduled meanwhile keeps the order") {
  // Stops early while only events after the window are left, then schedules inside the window.
  EventQueue queue(0.0, 1.0, 10);
  queue.schedule(1.0, SameTimeOrder::arrival, 1);
  queue.schedule(20.0, SameTimeOrder::arrival, 2);
  Event e;
  REQUIRE(queue.pop_through(5.0, e));
  CHECK(e.kind == 1);
  CHECK_FALSE(queue.pop_through(5.0, e));  // the event at 20 stays
  queue.schedule(6.0, SameTimeOrder::arrival, 3);
  REQUIRE(queue.pop_through(30.0, e));
  CHECK(e.kind == 3);
  REQUIRE(queue.pop_through(30.0, e));
  CHECK(e.kind == 2);
  CHECK(queue.empty());
}

TEST_CASE("events after the horizon are dropped, and running past it is refused") {
  EventQueue queue(2024.0, 0.25, 8, 2025.0);
  const std::uint64_t kept = queue.schedule(2024.5, SameTimeOrder::arrival, 1);
  const std::uint64_t dropped = queue.schedule(2031.0, SameTimeOrder::departure, 2);  // a stay beyond the run
  CHECK(dropped == kept + 1);  // still numbered, so ranks do not depend on the horizon
  CHECK(queue.size() == 1);
  const auto handle = [](const Event&) {};
  const auto describe = [](std::uint16_t) { return "an event"; };
  CHECK(run_until(queue, 2025.0, handle, describe) == 1);
  CHECK_THROWS_AS(run_until(queue, 2026.0, handle, describe), carecap::RuntimeFault);
}
