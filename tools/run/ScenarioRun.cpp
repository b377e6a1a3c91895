// carecap. SPDX-License-Identifier: MIT
#include "tools/run/ScenarioRun.hpp"

#include <array>
#include <optional>

#include "models/demand/DemandModel.hpp"
#include "models/demand/DemandSeries.hpp"
#include "models/demand/InstitutionUse.hpp"
#include "models/demography/ProjectionRun.hpp"
#include "models/demography/ProjectionSeries.hpp"
#include "models/supply/CapacityInputs.hpp"
#include "models/supply/CapacityRecorder.hpp"
#include "models/supply/CapacitySeries.hpp"
#include "models/supply/CapacitySimulation.hpp"
#include "models/supply/CapacityStart.hpp"
#include "models/supply/ChildcareInputs.hpp"
#include "models/supply/ChildcareSeries.hpp"
#include "models/supply/ChildcareSimulation.hpp"
#include "sim/ReplicationRunner.hpp"

namespace carecap::tools {
namespace {

/// What a run derives from one projection before simulating: demand, with care use calibrated to
/// the stated use of the base-year beds (observed residents or a share: the factors come from the
/// demand at the national default, then demand is derived again with the scaled propensities), and
/// the capacity and childcare models. The same for every replication of one projection, so a
/// deterministic run derives it once.
struct DerivedInputs {
  demand::DemandParameters parameters;
  demand::DemandResult demand;
  supply::StartKind start = supply::StartKind::demand_steady_state;
  std::array<double, demand::kBedTypeCount> factors{1.0, 1.0, 1.0};
  std::array<double, demand::kBedTypeCount> national_use_stock{};  // base-year demand before calibration
  std::optional<supply::CapacityModel> capacity;
  std::optional<supply::ChildcareModel> childcare;
};

DerivedInputs derive_inputs(const scenarios::Scenario& scenario, const demography::ProjectionResult& projection) {
  DerivedInputs in;
  in.parameters = *scenario.demand;
  in.demand = demand::compute_demand(projection, in.parameters);
  if (!scenario.supply) return in;
  const auto& supply = *scenario.supply;
  const supply::BaseYearUse use = supply::base_year_use(supply.supply, supply.capacity, projection.base_year);
  in.start = use.kind;
  in.national_use_stock = in.demand.elder.front().beds;
  in.factors = supply::institution_use_factors(use, in.demand.elder.front(), supply.supply, supply.capacity,
                                               projection.base_year);
  if (use.kind != supply::StartKind::demand_steady_state) {
    in.parameters.care_setting = demand::scale_institution_use(in.parameters.care_setting, in.factors);
    in.demand = demand::compute_demand(projection, in.parameters);
  }
  in.capacity = supply::build_capacity_model(supply.supply, supply.capacity, in.demand);
  if (supply.childcare)
    in.childcare = supply::build_childcare_model(*supply.childcare, supply.supply.regions, supply.supply.demand_share,
                                                 supply.supply.build_lag_years, supply.capacity.last_year, in.demand);
  return in;
}

}  // namespace

ScenarioRunResult run_scenario(const scenarios::Scenario& scenario, int threads) {
  const auto projections = demography::run_projection(scenario.projection, scenario.run, threads);
  const bool deterministic = scenario.run.mode == demography::ProjectionMode::deterministic;
  const int replications = scenario.supply && deterministic ? scenario.supply->capacity.replications
                                                            : static_cast<int>(projections.size());
  ScenarioRunResult run;
  run.replications.resize(static_cast<std::size_t>(replications));
  if (scenario.supply) run.capacity_waits.resize(static_cast<std::size_t>(replications));
  std::vector<std::uint64_t> events(static_cast<std::size_t>(replications), 0);
  const sim::RandomStreams streams(scenario.run.seed);
  // One projection for every replication: derive its demand and models once.
  std::optional<DerivedInputs> shared;
  if (scenario.demand && projections.size() == 1) shared = derive_inputs(scenario, projections.front());
  sim::run_replications(replications, threads, [&](int r) {
    const auto& projection = projections[static_cast<std::size_t>(r) % projections.size()];
    auto& groups = run.replications[static_cast<std::size_t>(r)];
    groups.push_back(demography::projection_series(projection));
    if (!scenario.demand) return;
    std::optional<DerivedInputs> own;
    const DerivedInputs& in = shared ? *shared : own.emplace(derive_inputs(scenario, projection));
    if (!scenario.supply) {
      groups.push_back(demand::demand_series(in.demand, in.parameters));
      return;
    }
    const auto& supply = *scenario.supply;
    const supply::CapacityModel& model = *in.capacity;
    supply::CapacityRecorder recorder(model.first_year, demand::kBedTypeCount * static_cast<int>(model.regions.size()),
                                      demand::kBedTypeCount * static_cast<int>(model.regions.size()),
                                      static_cast<int>(model.units.size()), supply.capacity.wait_target_days);
    events[static_cast<std::size_t>(r)] =
        supply::CapacitySimulation(model, streams, static_cast<std::uint64_t>(r), recorder).run();
    supply::CapacityResult capacity = recorder.take_result();
    auto figures = supply::supply_figures(capacity, projection.base_year, projection.year_count(),
                                          static_cast<int>(model.regions.size()));
    std::optional<ResultGroup> childcare_group;
    if (in.childcare) {
      const supply::ChildcareModel& childcare_model = *in.childcare;
      supply::ChildcareRecorder childcare_recorder(childcare_model.first_year,
                                                   demand::kMonthBandCount * static_cast<int>(childcare_model.regions.size()));
      events[static_cast<std::size_t>(r)] +=
          supply::ChildcareSimulation(childcare_model, streams, static_cast<std::uint64_t>(r), childcare_recorder).run();
      const supply::ChildcareResult childcare = childcare_recorder.take_result();
      supply::add_childcare_figures(figures, childcare, childcare_model, *supply.childcare,
                                    supply.supply.build_lag_years, projection.base_year);
      childcare_group = supply::childcare_series(childcare, childcare_model, *supply.childcare,
                                                 supply.supply.build_lag_years);
    }
    groups.push_back(demand::demand_series(in.demand, in.parameters, &figures));
    groups.push_back(supply::capacity_series(capacity, model, supply.supply, supply.capacity));
    run.capacity_waits[static_cast<std::size_t>(r)] = std::move(capacity.waits);
    supply::add_start_series(groups.back(), model, in.start, in.factors, in.national_use_stock, supply.capacity.source);
    if (childcare_group) groups.push_back(std::move(*childcare_group));
  });
  for (std::uint64_t e : events) run.capacity_events += e;
  return run;
}

}  // namespace carecap::tools
