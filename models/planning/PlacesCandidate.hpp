// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "models/planning/CapacityCandidate.hpp"
#include "models/planning/ChildcareServiceRecorder.hpp"
#include "models/planning/ServiceLevel.hpp"
#include "models/planning/YearSnapshot.hpp"
#include "models/supply/ChildcareModel.hpp"
#include "models/supply/ChildcareSimulation.hpp"

namespace carecap::planning {

/// Childcare places of every pool in every year from the model's first year: [year][band x
/// regions + region] (the pool index of supply::ChildcareSimulation), places of both price tiers.
/// Year k is first_year + k.
using PlacesPlan = std::vector<std::vector<std::int64_t>>;

/// The places of a pool's total `places` in the affordable (普惠) tier: the pool's base-year split
/// (its affordable share on 1 January of the first year; a pool without places then takes the
/// county's share, and with no place anywhere all are market places), rounded to the nearest
/// place. Both tiers are non-decreasing in `places`, so more places never take a place of either
/// tier away. `base` is [pool][tier] places, tiers as kAffordable, kMarket.
[[nodiscard]] std::int64_t affordable_places(const std::vector<std::array<std::int64_t, supply::kPriceTierCount>>& base,
                                             std::size_t pool, std::int64_t places);

/// `model` with its places replaced by `plan` and its horizon cut to plan.size() years: the
/// model's place changes up to 1 January of its first year (the base-year places, in which the
/// start's children are enrolled: the same for every candidate) stay; one second later each pool
/// is set to the plan's first year, on 1 January of each later year to that year's value, each
/// tier to its share (affordable_places; a reduction leaves enrolled children in their places).
/// The model's later changes (providers opening or closing, the plan's projects) are dropped.
[[nodiscard]] supply::ChildcareModel with_places(const supply::ChildcareModel& model, const PlacesPlan& plan);

/// The base-year places of `model` by [pool][tier] (its changes up to 1 January of its first year).
[[nodiscard]] std::vector<std::array<std::int64_t, supply::kPriceTierCount>> base_places(const supply::ChildcareModel& model);

/// One replication of the places search on 1 January of a year (YearSnapshot), as
/// CapacitySnapshot is for beds: the childcare simulation and its recorder.
using ChildcareSnapshot = YearSnapshot<supply::ChildcareModel, supply::ChildcareSimulation, ChildcareServiceRecorder>;

/// The snapshots of the replications of one search, by replication index.
using ChildcareSnapshots = std::vector<ChildcareSnapshot>;

/// The level each stream [band x regions + region] achieved in the plan's last year, from
/// runs.replications replications of with_places(model, plan) counted by ChildcareServiceRecorder
/// with `level` (its childcare terms already applied: childcare_level), run in parallel; the
/// result does not depend on the thread count (each replication stored by index, reductions in
/// index order). A stream without applications in the year meets any level.
[[nodiscard]] std::vector<AchievedLevel> evaluate_places(const supply::ChildcareModel& model, const PlacesPlan& plan,
                                                         const ServiceLevel& level, const CandidateRuns& runs);

/// The same, each replication simulated from its snapshot of 1 January of the plan's last year
/// (made or moved on first when it is not at that year, or was made with other earlier years,
/// another model or another wait_days): bit for bit the result of the call above, in a year's
/// simulated time. `snapshots` holds one per replication (resized when it has another size).
[[nodiscard]] std::vector<AchievedLevel> evaluate_places(const supply::ChildcareModel& model, const PlacesPlan& plan,
                                                         const ServiceLevel& level, const CandidateRuns& runs,
                                                         ChildcareSnapshots& snapshots);

}  // namespace carecap::planning
