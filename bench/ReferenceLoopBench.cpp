// carecap. SPDX-License-Identifier: MIT
// Issue 23's yardstick, measured in the same run as BM_ProvinceCapacity (bench/CapacityBench.cpp):
// the minimal reference loop of bench/ReferenceLoop.hpp on the same province model, with a calendar
// queue over the whole run (BM_ReferenceCalendar, the yardstick), Brown's cyclic calendar queue
// (BM_ReferenceBrown) and a binary heap (BM_ReferenceHeap). Compare events per second within one run only:
//   taskset -c 0 build/bench/bench_capacity --benchmark_filter='BM_ProvinceCapacity|BM_Reference'
//     --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
// Its `events` counter is carecap's less carecap's 390 yearly and monthly sample events.
#include <benchmark/benchmark.h>

#include "ReferenceLoop.hpp"

namespace {

using carecap::bench::ReferenceCounts;
using carecap::bench::ReferenceModel;

/// One replication of `years` years with `run`; counters: events per replication and per second,
/// admissions and renegings per simulated year.
template <ReferenceCounts (*run)(const ReferenceModel&, std::uint64_t)>
void reference(benchmark::State& state) {
  ReferenceModel model;
  model.years = static_cast<int>(state.range(0));
  ReferenceCounts total;
  for (auto _ : state) {
    const ReferenceCounts c = run(model, 0);
    total.events += c.events;
    total.admissions += c.admissions;
    total.renegings += c.renegings;
  }
  const auto iterations = static_cast<double>(state.iterations());
  state.counters["events"] = static_cast<double>(total.events) / iterations;
  state.counters["events_per_s"] = benchmark::Counter(static_cast<double>(total.events), benchmark::Counter::kIsRate);
  state.counters["admissions_per_year"] = static_cast<double>(total.admissions) / iterations / model.years;
  state.counters["renegings_per_year"] = static_cast<double>(total.renegings) / iterations / model.years;
}

/// The reference loop with a calendar queue over the whole run (the yardstick).
void BM_ReferenceCalendar(benchmark::State& state) { reference<carecap::bench::run_reference_calendar>(state); }
/// The reference loop with Brown's cyclic calendar queue of sorted lists.
void BM_ReferenceBrown(benchmark::State& state) { reference<carecap::bench::run_reference_brown>(state); }
/// The reference loop with a binary heap.
void BM_ReferenceHeap(benchmark::State& state) { reference<carecap::bench::run_reference_heap>(state); }

}  // namespace

BENCHMARK(BM_ReferenceCalendar)->Arg(30)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_ReferenceBrown)->Arg(30)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_ReferenceHeap)->Arg(30)->Unit(benchmark::kMillisecond)->UseRealTime();
