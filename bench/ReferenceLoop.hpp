// carecap. SPDX-License-Identifier: MIT
// The yardstick of issue 23: a minimal event loop of the province model of bench/CapacityBench.cpp,
// written apart from carecap (no sim/ or models/ code), with counters only. It makes the same
// events (arrival, departure at the end of a stay, leaving the waiting list when patience runs out,
// stale leave events of people admitted meanwhile) and the same draws per person, in the same
// order, from the same engines (Boost mt19937_64 seeded from (seed, replication, 1000 + pool) as
// sim::RandomStreams does), so its event counts equal carecap's but for carecap's 390 yearly and
// monthly sample events. Run with the carecap benchmark in one process:
//   taskset -c 0 build/bench/bench_capacity --benchmark_filter='BM_ProvinceCapacity|BM_Reference'
//     --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
#pragma once
#include <cstdint>

namespace carecap::bench {

/// The province model: independent pools of beds, each with Poisson arrivals, exponential stays,
/// an unlimited FIFO waiting list with exponential patience; from empty on 1 January first_year.
struct ReferenceModel {
  int pools = 30;                       // bed types x regions, each its own arrivals and beds
  std::int64_t beds_per_pool = 10000;   // beds
  int first_year = 2024;                // start, 1 January
  int years = 30;                       // simulated years
  double arrivals_per_year = 4000.0;    // per pool, persons per year (offered load = beds at a 2.5-year stay)
  double mean_stay_years = 2.5;         // exponential stay, years
  double death_share = 0.7;             // share of stays ending in death, fraction (carecap's default)
  double mean_patience_years = 0.5;     // exponential patience on the waiting list, years
  double waiting_death_rate = 0.0;      // deaths per person-year while waiting (carecap's default: none)
  double priority_share = 0.0;          // share in the priority class (carecap's default: none; drawn all the same)
  std::uint64_t seed = 42;              // run seed, as BM_ProvinceCapacity's RandomStreams(42)
};

/// What one replication did: cumulative counts over the run.
struct ReferenceCounts {
  std::uint64_t events = 0;          // events handled, stale leave events included
  std::uint64_t arrivals = 0;        // persons
  std::uint64_t admissions = 0;      // persons admitted, on arrival or from the waiting list
  std::uint64_t departures = 0;      // stays ended
  std::uint64_t renegings = 0;       // left the waiting list unserved (gave up)
  std::uint64_t deaths_waiting = 0;  // died on the waiting list
};

/// One replication with a calendar queue over the whole run (the yardstick): days of about 200
/// expected events, each unsorted until it becomes current, then sorted once.
[[nodiscard]] ReferenceCounts run_reference_calendar(const ReferenceModel& model, std::uint64_t replication);

/// One replication with R. Brown's calendar queue (CACM 31(10), 1988): a cyclic year of days, each
/// a sorted list.
[[nodiscard]] ReferenceCounts run_reference_brown(const ReferenceModel& model, std::uint64_t replication);

/// One replication with a binary heap (std::push_heap / std::pop_heap).
[[nodiscard]] ReferenceCounts run_reference_heap(const ReferenceModel& model, std::uint64_t replication);

}  // namespace carecap::bench
