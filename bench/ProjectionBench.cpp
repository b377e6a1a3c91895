// carecap. SPDX-License-Identifier: MIT
// Speed of one deterministic China projection 2024-2100 (77 calendar years, 2 sexes x ages 0..100+).
// The scenario (TOML and CSV tables) is read once, outside every timed loop. Results and the
// numpy comparison (bench/projection_numpy.py) are recorded in docs/benchmarks.md.
#include <benchmark/benchmark.h>

#include <string>

#include "models/demand/DemandModel.hpp"
#include "models/demography/Projection.hpp"
#include "models/demography/ProjectionMonitor.hpp"
#include "models/demography/ProjectionRecorder.hpp"
#include "models/demography/RateSchedule.hpp"
#include "scenarios/loader/ScenarioLoader.hpp"

namespace {

using namespace carecap;

/// scenarios/china.toml, loaded on first use (not timed).
const scenarios::Scenario& china() {
  static const scenarios::Scenario scenario =
      scenarios::load_scenario(std::string(CARECAP_SOURCE_DIR) + "/scenarios/china.toml");
  return scenario;
}

/// The China rates compiled once (not timed).
const demography::RateSchedule& china_rates() {
  static const demography::RateSchedule rates = demography::compile_rates(china().projection);
  return rates;
}

/// A monitor that keeps nothing: sums the 1 January population so the work cannot be dropped.
class SumMonitor final : public demography::ProjectionMonitor {
public:
  void record_year(const demography::YearRecord& record) override {
    total_ += record.population_end->sum_both();
  }
  [[nodiscard]] double total() const { return total_; }

private:
  double total_ = 0.0;
};

/// (a) The projection with rates precompiled, recording every year in a fresh ProjectionRecorder.
void BM_ProjectDeterministic(benchmark::State& state) {
  const demography::AgeSexTable& base = china().projection.base_population;
  const demography::RateSchedule& rates = china_rates();
  for (auto _ : state) {
    demography::ProjectionRecorder recorder;
    demography::project_deterministic(base, rates, recorder);
    benchmark::DoNotOptimize(recorder.result().population_jul1.data());
    benchmark::ClobberMemory();
  }
  state.counters["years"] = static_cast<double>(rates.years.size());
}

/// (b) compile_rates (77 years x 2 sexes = 154 life tables, ASFR, migrants) and then (a).
void BM_CompileRatesAndProject(benchmark::State& state) {
  const demography::ProjectionParameters& parameters = china().projection;
  for (auto _ : state) {
    const demography::RateSchedule rates = demography::compile_rates(parameters);
    demography::ProjectionRecorder recorder;
    demography::project_deterministic(parameters.base_population, rates, recorder);
    benchmark::DoNotOptimize(recorder.result().population_jul1.data());
    benchmark::ClobberMemory();
  }
}

/// (c) The projection alone: rates precompiled, a monitor that only sums the population.
void BM_ProjectOnly(benchmark::State& state) {
  const demography::AgeSexTable& base = china().projection.base_population;
  const demography::RateSchedule& rates = china_rates();
  for (auto _ : state) {
    SumMonitor monitor;
    demography::project_deterministic(base, rates, monitor);
    double total = monitor.total();
    benchmark::DoNotOptimize(total);
  }
}

/// (d) The demand step alone on the China projection: care-need states (prevalence mode, 60+),
/// care setting, beds, day care, workforce and childcare for 77 years.
void BM_Demand(benchmark::State& state) {
  demography::ProjectionRecorder recorder;
  demography::project_deterministic(china().projection.base_population, china_rates(), recorder);
  const demography::ProjectionResult& result = recorder.result();
  const demand::DemandParameters& parameters = *china().demand;
  for (auto _ : state) {
    demand::DemandResult demand = demand::compute_demand(result, parameters);
    benchmark::DoNotOptimize(demand.elder.data());
    benchmark::ClobberMemory();
  }
}

/// (e) The demand step in transition mode (tests/scenarios/china_transitions.toml, 2024-2050).
void BM_DemandTransitions(benchmark::State& state) {
  static const scenarios::Scenario scenario =
      scenarios::load_scenario(std::string(CARECAP_SOURCE_DIR) + "/tests/scenarios/china_transitions.toml");
  demography::ProjectionRecorder recorder;
  demography::project_deterministic(scenario.projection.base_population, demography::compile_rates(scenario.projection),
                                    recorder);
  const demography::ProjectionResult& result = recorder.result();
  for (auto _ : state) {
    demand::DemandResult demand = demand::compute_demand(result, *scenario.demand);
    benchmark::DoNotOptimize(demand.elder.data());
    benchmark::ClobberMemory();
  }
  state.counters["years"] = static_cast<double>(result.year_count());
}

}  // namespace

BENCHMARK(BM_Demand)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_DemandTransitions)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ProjectDeterministic)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_CompileRatesAndProject)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ProjectOnly)->Unit(benchmark::kMicrosecond);
