// carecap. SPDX-License-Identifier: MIT
// The optimiser's inner loop (issue 23, item 4), on Bei'an (scenarios/beian/beian_optimise.toml:
// 4 towns, 3 bed types, 2021-2035): one replication of the capacity simulation over all 15 years,
// and one evaluation of a candidate capacity plan (10 replications, common random numbers) of the
// last year, simulated from the first year or from the runs' snapshots of 1 January of that year
// (planning::YearSnapshot), as the search makes it. Results in docs/benchmarks.md.
#include <benchmark/benchmark.h>

#include <string>

#include "models/planning/CapacityCandidate.hpp"
#include "models/planning/ServiceLevelRecorder.hpp"
#include "scenarios/loader/ScenarioLoader.hpp"
#include "tools/optimise/PlanVerification.hpp"
#include "tools/run/ScenarioRun.hpp"

namespace {

using namespace carecap;

struct Beian {
  scenarios::Scenario scenario;
  tools::ScenarioCapacityModels models;
  planning::CapacityPlan plan;  // the 2020 beds in every year, [year][pool]
};

const Beian& beian() {
  static const Beian b = [] {
    Beian out{scenarios::load_scenario(std::string(CARECAP_SOURCE_DIR) + "/scenarios/beian/beian_optimise.toml"), {}, {}};
    out.models = tools::scenario_capacity_models(out.scenario, 1);
    out.plan = tools::as_plan(tools::capacity_grid(out.models.base_year));
    return out;
  }();
  return b;
}

/// One replication, all towns and types, 15 years, counted by the search's recorder.
void BM_BeianReplication(benchmark::State& state) {
  const Beian& b = beian();
  const supply::CapacityModel& model = b.models.base_year;
  const int streams = supply::kBedTypeCount * static_cast<int>(model.regions.size());
  std::uint64_t events = 0, replication = 0;
  for (auto _ : state) {
    planning::ServiceLevelRecorder recorder(model.first_year, model.last_year - model.first_year + 1, streams,
                                            b.scenario.service_level->wait_days);
    events += supply::CapacitySimulation(model, sim::RandomStreams(b.scenario.run.seed), replication++ % 10, recorder).run();
  }
  state.counters["events"] = static_cast<double>(events) / static_cast<double>(state.iterations());
}

/// One evaluation of a last-year candidate (10 replications on state.range(0) threads), each
/// replication simulated from the first year.
void BM_BeianCandidateFromStart(benchmark::State& state) {
  const Beian& b = beian();
  const planning::CandidateRuns runs{b.scenario.run.seed, 10, static_cast<int>(state.range(0))};
  for (auto _ : state)
    benchmark::DoNotOptimize(planning::evaluate_candidate(b.models.base_year, b.plan, *b.scenario.service_level, runs));
  state.counters["evaluations_per_s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

/// The same evaluation from the replications' snapshots of 1 January of the last year (made once,
/// before the timing), as the search makes every candidate but a year's first.
void BM_BeianCandidateFromSnapshot(benchmark::State& state) {
  const Beian& b = beian();
  const planning::CandidateRuns runs{b.scenario.run.seed, 10, static_cast<int>(state.range(0))};
  const planning::CandidateEnsemble ensemble = planning::CandidateEnsemble::of(b.models.base_year, runs);
  planning::CapacitySnapshots snapshots;
  benchmark::DoNotOptimize(planning::evaluate_candidate(ensemble, b.plan, *b.scenario.service_level, snapshots));
  for (auto _ : state)
    benchmark::DoNotOptimize(planning::evaluate_candidate(ensemble, b.plan, *b.scenario.service_level, snapshots));
  state.counters["evaluations_per_s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

}  // namespace

BENCHMARK(BM_BeianReplication)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_BeianCandidateFromStart)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_BeianCandidateFromSnapshot)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
