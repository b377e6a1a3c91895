// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <cstdint>
#include <vector>

#include "models/planning/RunExecutor.hpp"
#include "models/supply/CapacityParameters.hpp"

namespace carecap::planning {

/// How candidates are simulated: the same seed and replications for every candidate (common
/// random numbers: replication r of every candidate sees the same people).
struct CandidateRuns {
  std::uint64_t seed = 20260101;  // run seed (sim::RandomStreams)
  int replications = 10;          // replications per candidate (per model of an ensemble), count (>= 1)
  int threads = 0;                // OpenMP threads; 0: OpenMP's default. Results do not depend on it
};

/// The models a candidate is held against (`carecap optimise --sweep`: one per sweep sample, the
/// demand and parameters of that sample; docs/optimise.md, "Under uncertainty") and how each is
/// run. Run k is sample k / replications, replication k % replications; it draws the streams of
/// (runs.seed, replication), whatever its sample, as every run of `carecap sweep` does (common
/// random numbers across samples and candidates). A stream's year is met when the share of all
/// runs meeting max_share_waiting is >= probability. An ensemble of one model is the plain search.
struct CandidateEnsemble {
  std::vector<const supply::CapacityModel*> models;  // one per sample (not owned): the same years, regions and acceptable beds
  CandidateRuns runs;                                // seed, replications per model, threads of the default executor
  const RunExecutor* executor = nullptr;             // where the runs are made (not owned); nullptr: this process's threads

  /// Runs of one evaluation: models x replications, count.
  [[nodiscard]] int run_count() const { return static_cast<int>(models.size()) * runs.replications; }
  /// The model of run `run`.
  [[nodiscard]] const supply::CapacityModel& model_of(int run) const {
    return *models[static_cast<std::size_t>(run / runs.replications)];
  }
  /// The replication (stream index) of run `run`.
  [[nodiscard]] int replication_of(int run) const { return run % runs.replications; }
  /// The ensemble of one model (the plain search).
  [[nodiscard]] static CandidateEnsemble of(const supply::CapacityModel& model, const CandidateRuns& runs) {
    return {{&model}, runs, nullptr};
  }
};

/// Every run of `ensemble` on its executor (or this process's threads): body(run, out) writes
/// `width` numbers; they come back in run order.
[[nodiscard]] std::vector<double> run_ensemble(const CandidateEnsemble& ensemble, std::size_t width,
                                               const RunExecutor::RunBody& body);

}  // namespace carecap::planning
