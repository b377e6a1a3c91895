// carecap. SPDX-License-Identifier: MIT
#include "models/demography/ProjectionRun.hpp"

#include "models/demography/Projection.hpp"
#include "models/demography/ProjectionRecorder.hpp"
#include "models/demography/RateSchedule.hpp"
#include "sim/ReplicationRunner.hpp"

namespace carecap::demography {

std::vector<ProjectionResult> run_projection(const ProjectionParameters& parameters,
                                             const RunSettings& settings, int threads) {
  const RateSchedule rates = compile_rates(parameters);
  if (settings.mode == ProjectionMode::deterministic) {
    ProjectionRecorder recorder;
    project_deterministic(parameters.base_population, rates, recorder);
    return {recorder.take_result()};
  }
  std::vector<ProjectionResult> results(settings.replications);
  const sim::RandomStreams streams(settings.seed);
  sim::run_replications(settings.replications, threads, [&](int r) {
    ProjectionRecorder recorder;
    project_stochastic(parameters.base_population, rates, streams, static_cast<std::uint64_t>(r), recorder);
    results[r] = recorder.take_result();
  });
  return results;
}

}  // namespace carecap::demography
