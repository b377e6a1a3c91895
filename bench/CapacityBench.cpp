// carecap. SPDX-License-Identifier: MIT
// Speed of the capacity simulation on a province-sized bed model: 300,000 beds in 3 bed types x 10
// regions (30 pools of 10,000), each pool with its own Poisson arrivals at an offered load equal to
// its beds (mean stay 2.5 years), an unlimited waiting list with exponential patience (0.5 years),
// 30 years from empty. Results recorded in docs/benchmarks.md, with bench/capacity_simpy.py.
#include <benchmark/benchmark.h>

#include <sys/resource.h>

#include "ProvinceModel.hpp"
#include "models/supply/CapacityRecorder.hpp"
#include "models/supply/CapacitySimulation.hpp"
#include "sim/ReplicationRunner.hpp"

namespace {

using namespace carecap::supply;

using carecap::bench::kProvinceRegions;
using carecap::bench::province;

std::uint64_t one_replication(const CapacityModel& model, std::uint64_t replication) {
  CapacityRecorder recorder(model.first_year, 3 * kProvinceRegions, 3 * kProvinceRegions, static_cast<int>(model.units.size()));
  return CapacitySimulation(model, carecap::sim::RandomStreams(42), replication, recorder).run();
}

/// A monitor that keeps nothing: what the simulation costs without its results (compare with
/// BM_ProvinceCapacity for the cost of recording).
struct NullMonitor final : CapacityMonitor {
  void arrived(int, double) override {}
  void admitted(int, int, double, double, bool, bool) override {}
  void turned_away(int, double) override {}
  void joined_waiting(int, double) override {}
  void left_waiting(int, double, double, bool, bool) override {}
  void year_end(int, double, const CapacityYearLevels&) override {}
  void month_end(int, double, const CapacityLevelsNow&) override {}
};

/// One replication, 30 years, results not recorded; counter: events per second.
void BM_ProvinceUnrecorded(benchmark::State& state) {
  const CapacityModel model = province(static_cast<int>(state.range(0)));
  std::uint64_t events = 0;
  NullMonitor monitor;
  for (auto _ : state) events += CapacitySimulation(model, carecap::sim::RandomStreams(42), 0, monitor).run();
  state.counters["events_per_s"] = benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
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

BENCHMARK(BM_ProvinceUnrecorded)->Arg(30)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_ProvinceCapacity)->Arg(30)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_ProvinceReplications)->Args({30, 1})->Args({30, 2})->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(2);
