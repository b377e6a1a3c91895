// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "models/planning/CandidateEnsemble.hpp"
#include "models/planning/ServiceLevel.hpp"
#include "models/planning/ServiceLevelRecorder.hpp"
#include "models/planning/YearSnapshot.hpp"
#include "models/supply/CapacityParameters.hpp"
#include "models/supply/CapacitySimulation.hpp"

namespace carecap::planning {

/// Beds of every pool in every year from the model's first year: [year][bed_type x regions +
/// region] (the pool index of supply::CapacitySimulation), beds. Year k is first_year + k.
using CapacityPlan = std::vector<std::vector<std::int64_t>>;

/// The service level one arrival stream (demand type, region) had in one year, over replications.
struct AchievedLevel {
  double arrivals = 0;         // new_ arrivals in the year, persons, mean over replications
  double mean_share = 0;       // fraction of the year's arrivals who failed (ServiceLevelRecorder), mean over replications
  double share_sd = 0;         // standard deviation of one replication's share, fraction (0 with one replication)
  double share_low = 0;        // 95% interval of mean_share: mean -/+ t(0.975, R - 1) x sd / sqrt(R), fraction
  double share_high = 0;       // (the mean itself with one replication)
  double share_meeting = 0;    // fraction of replications in which the year's share <= max_share_waiting
  bool met = false;            // share_meeting >= probability
};

/// One stream's level in one year from its replications' arrivals and failures (persons, in
/// replication order, so that the sums are the same for any thread count): the mean share failing,
/// its 95% interval, the share of replications meeting `level.max_share_waiting`, and whether that
/// share reaches `level.probability`.
[[nodiscard]] AchievedLevel achieved_level(const std::vector<double>& arrivals, const std::vector<double>& failures,
                                           const ServiceLevel& level);

/// `model` with its capacity replaced by `plan` and its horizon cut to plan.size() years: the
/// model's changes up to 1 January of its first year (the base-year beds, with their units, in
/// which the warm start places the start's residents: the same for every candidate) stay; one
/// second later each pool is set to the plan's first year, by an addition to (or a reduction of,
/// never an eviction) its unnamed beds; on 1 January of each later year to that year's value.
/// The model's later changes (the investment plan) are dropped.
[[nodiscard]] supply::CapacityModel with_capacities(const supply::CapacityModel& model, const CapacityPlan& plan);

/// One run of the beds search on 1 January of a year (YearSnapshot): the capacity simulation and
/// its service-level recorder, counted from the same events as a run from the first year
/// (CapacitySimulation::rebind).
using CapacitySnapshot = YearSnapshot<supply::CapacityModel, supply::CapacitySimulation, ServiceLevelRecorder>;

/// The snapshots of the runs of one search, by run index (CandidateEnsemble): each used only by
/// the body of its run, so that the runs of an evaluation share nothing.
using CapacitySnapshots = std::vector<CapacitySnapshot>;

/// The level each stream [demand type x regions + region] achieved in the plan's last year,
/// from runs.replications replications of with_capacities(model, plan), run in parallel; the
/// result does not depend on the thread count (each replication stored by index, reductions in
/// index order).
[[nodiscard]] std::vector<AchievedLevel> evaluate_candidate(const supply::CapacityModel& model, const CapacityPlan& plan,
                                                            const ServiceLevel& level, const CandidateRuns& runs);

/// The same over every (sample, replication) run of `ensemble` (CandidateEnsemble): each stream's
/// level from all runs' arrivals and failures, in run order; met when the share of runs meeting
/// max_share_waiting is >= probability. The ensemble of one model gives the call above, bit for bit.
[[nodiscard]] std::vector<AchievedLevel> evaluate_candidate(const CandidateEnsemble& ensemble, const CapacityPlan& plan,
                                                            const ServiceLevel& level);

/// The same, each run simulated from its snapshot of 1 January of the plan's last year (made or
/// moved on first when it is not at that year, or was made with other earlier years, another
/// model or another wait_days): bit for bit the result of the call above, in a year's simulated
/// time. `snapshots` holds one per run (resized to the ensemble's runs when it has another size).
[[nodiscard]] std::vector<AchievedLevel> evaluate_candidate(const CandidateEnsemble& ensemble, const CapacityPlan& plan,
                                                            const ServiceLevel& level, CapacitySnapshots& snapshots);

}  // namespace carecap::planning
