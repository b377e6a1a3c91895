// carecap. SPDX-License-Identifier: MIT
// One timed run of the province bed model (bench/ProvinceModel.hpp) at a given size, for the
// scaling table of docs/benchmarks.md (issue 23, item 5); bench/capacity_scaling.py runs it over
// beds, years, replications and threads and measures peak memory from outside.
//   bench_capacity_scaling --beds 100000 --years 10 --replications 4 --threads 2
// prints one JSON line: beds, beds_modelled (beds rounded down to a multiple of the 30 pools),
// years, replications, threads, events (sum over replications), seconds (wall, steady_clock, all
// replications; the model is built before the clock starts), cpu_seconds (CPU time of the process
// over the same span, all threads: well below seconds on one thread means the core was shared) and
// events_per_s (events / seconds).
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <vector>

#include "ProvinceModel.hpp"
#include "models/supply/CapacityRecorder.hpp"
#include "models/supply/CapacitySimulation.hpp"
#include "sim/ReplicationRunner.hpp"

namespace {

using namespace carecap::supply;

constexpr int kPools = 3 * carecap::bench::kProvinceRegions;  // 3 bed types x 10 regions

/// Replication `replication` of `model`, recorded as bench_capacity records it; returns its events.
std::uint64_t one_replication(const CapacityModel& model, std::uint64_t replication) {
  CapacityRecorder recorder(model.first_year, kPools, kPools, 0);
  return CapacitySimulation(model, carecap::sim::RandomStreams(42), replication, recorder).run();
}

}  // namespace

int main(int argc, char** argv) {
  std::int64_t beds = 300000;  // in all, split evenly over the 30 pools
  int years = 30;              // simulated from 1 January 2024
  int replications = 1;
  int threads = 1;             // OpenMP threads for the replications
  CLI::App app{"Times the capacity simulation of the province bed model at one size (bench/capacity_scaling.py)."};
  app.add_option("--beds", beds, "beds in all, split over 30 pools")->check(CLI::Range(std::int64_t{kPools}, std::int64_t{1} << 40));
  app.add_option("--years", years, "years simulated from 2024")->check(CLI::Range(1, 1000));
  app.add_option("--replications", replications, "replications")->check(CLI::Range(1, 100000));
  app.add_option("--threads", threads, "OpenMP threads")->check(CLI::Range(1, 1024));
  CLI11_PARSE(app, argc, argv);

  const CapacityModel model = carecap::bench::province(years, beds);
  std::vector<std::uint64_t> events(static_cast<std::size_t>(replications), 0);  // per replication
  const std::clock_t cpu_start = std::clock();
  const auto start = std::chrono::steady_clock::now();
  carecap::sim::run_replications(replications, threads, [&](int r) {
    events[static_cast<std::size_t>(r)] = one_replication(model, static_cast<std::uint64_t>(r));
  });
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double cpu_seconds = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;

  std::uint64_t total = 0;
  for (const std::uint64_t e : events) total += e;
  std::printf(
      "{\"beds\": %lld, \"beds_modelled\": %lld, \"years\": %d, \"replications\": %d, \"threads\": %d, "
      "\"events\": %llu, \"seconds\": %.6f, \"cpu_seconds\": %.6f, \"events_per_s\": %.1f}\n",
      static_cast<long long>(beds), static_cast<long long>(beds / kPools * kPools), years, replications, threads,
      static_cast<unsigned long long>(total), seconds, cpu_seconds, static_cast<double>(total) / seconds);
  return 0;
}
