// carecap. SPDX-License-Identifier: MIT
// Speed of the capacity simulation on a province-sized bed model: 300,000 beds in 3 bed types x 10
// regions (30 pools of 10,000), each pool with its own Poisson arrivals at an offered load equal to
// its beds (mean stay 2.5 years), an unlimited waiting list with exponential patience (0.5 years),
// 30 years from empty. Results recorded in docs/benchmarks.md, with bench/capacity_simpy.py.
#include <benchmark/benchmark.h>

#include <sys/resource.h>

#include "models/supply/CapacityRecorder.hpp"
#include "models/supply/CapacitySimulation.hpp"
#include "sim/ReplicationRunner.hpp"

namespace {

using namespace carecap::supply;

constexpr int kRegions = 10;
constexpr std::int64_t kBedsPerPool = 10000;
constexpr double kMeanStay = 2.5;

CapacityModel province(int years) {
  CapacityModel m;
  m.first_year = 2024;
  m.last_year = 2024 + years - 1;
  for (int r = 0; r < kRegions; ++r) m.regions.push_back("region " + std::to_string(r));
  for (int bed = 0; bed < 3; ++bed)
    for (int r = 0; r < kRegions; ++r) {
      m.capacity.push_back({2024.0, bed, r, kBedsPerPool});
      m.arrivals.push_back({bed, r, std::vector<double>(static_cast<std::size_t>(years), kBedsPerPool / kMeanStay)});
    }
  // Each demand type takes only its own bed type, in its own region: 30 independent pools.
  m.acceptable_beds = {std::vector<int>{0}, std::vector<int>{1}, std::vector<int>{2}};
  m.admit_in_other_regions = false;
  for (auto& s : m.stay) s.mean_years = kMeanStay;
  m.mean_patience_years = 0.5;
  return m;
}

std::uint64_t one_replication(const CapacityModel& model, std::uint64_t replication) {
  CapacityRecorder recorder(model.first_year, 3 * kRegions, 3 * kRegions, static_cast<int>(model.units.size()));
  return CapacitySimulation(model, carecap::sim::RandomStreams(42), replication, recorder).run();
}

/// One replication, 30 years; counter: events per second.
void BM_ProvinceCapacity(benchmark::State& state) {
  const CapacityModel model = province(static_cast<int>(state.range(0)));
  std::uint64_t events = 0;
  for (auto _ : state) events += one_replication(model, 0);
  state.counters["events"] = static_cast<double>(events) / static_cast<double>(state.iterations());
  state.counters["events_per_s"] = benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
}

/// Four replications on `threads` threads (OpenMP): compare the times for 1 and 2 threads.
void BM_ProvinceReplications(benchmark::State& state) {
  const CapacityModel model = province(static_cast<int>(state.range(0)));
  const int threads = static_cast<int>(state.range(1));
  for (auto _ : state) {
    std::vector<std::uint64_t> events(4, 0);
    carecap::sim::run_replications(4, threads, [&](int r) { events[static_cast<std::size_t>(r)] = one_replication(model, static_cast<std::uint64_t>(r)); });
    benchmark::DoNotOptimize(events.data());
  }
}

}  // namespace

BENCHMARK(BM_ProvinceCapacity)->Arg(30)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_ProvinceReplications)->Args({30, 1})->Args({30, 2})->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(2);
