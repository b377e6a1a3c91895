// carecap. SPDX-License-Identifier: MIT
// Running replications on a thread team (sim/ReplicationRunner.cpp).
#include "sim/ReplicationRunner.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

using carecap::sim::run_replications;

TEST_CASE("every replication index runs exactly once, whatever the thread count") {
  for (const int threads : {0, 1, 2, 4, 64}) {
    for (const int replications : {1, 3, 17}) {
      CAPTURE(threads);
      CAPTURE(replications);
      std::vector<std::atomic<int>> runs(static_cast<std::size_t>(replications));
      run_replications(replications, threads, [&](int r) { runs.at(static_cast<std::size_t>(r))++; });
      for (const auto& count : runs) CHECK(count.load() == 1);
    }
  }
}

TEST_CASE("zero replications run nothing") {
  bool ran = false;
  run_replications(0, 2, [&](int) { ran = true; });
  CHECK_FALSE(ran);
}

TEST_CASE("the failure of the lowest-numbered replication is reported, whatever the thread count or timing") {
  // Replications 3 and 7 fail. Replication 3 is slow to fail, so with two threads the other
  // thread reaches 7 and fails first in time; the report must still be replication 3's.
  for (const int threads : {1, 2, 8}) {
    CAPTURE(threads);
    std::vector<std::atomic<int>> runs(10);
    std::string reported;
    try {
      run_replications(10, threads, [&](int r) {
        runs.at(static_cast<std::size_t>(r))++;
        if (r == 3) {
          std::this_thread::sleep_for(std::chrono::milliseconds(200));
          throw std::runtime_error("replication 3 failed");
        }
        if (r == 7) throw std::runtime_error("replication 7 failed");
      });
    } catch (const std::runtime_error& error) {
      reported = error.what();
    }
    CHECK(reported == "replication 3 failed");
    for (const auto& count : runs) CHECK(count.load() == 1);  // the others still ran, once each
  }
}
