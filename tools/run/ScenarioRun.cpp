// carecap. SPDX-License-Identifier: MIT
#include "tools/run/ScenarioRun.hpp"

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
  sim::run_replications(replications, threads, [&](int r) {
    const auto& projection = projections[static_cast<std::size_t>(r) % projections.size()];
    auto& groups = run.replications[static_cast<std::size_t>(r)];
    groups.push_back(demography::projection_series(projection));
    if (!scenario.demand) return;
    demand::DemandParameters parameters = *scenario.demand;
    demand::DemandResult demand = demand::compute_demand(projection, parameters);
    if (!scenario.supply) {
      groups.push_back(demand::demand_series(demand, parameters));
      return;
    }
    const auto& supply = *scenario.supply;
    // Care use calibrated to the stated use of the base-year beds (observed residents or a share),
    // then demand derived again with the calibrated propensities.
    const supply::BaseYearUse use = supply::base_year_use(supply.supply, supply.capacity, projection.base_year);
    const auto factors = supply::institution_use_factors(use, demand.elder.front(), supply.supply, supply.capacity,
                                                         projection.base_year);
    if (use.kind != supply::StartKind::demand_steady_state) {
      parameters.care_setting = demand::scale_institution_use(parameters.care_setting, factors);
      demand = demand::compute_demand(projection, parameters);
    }
    const supply::CapacityModel model = supply::build_capacity_model(supply.supply, supply.capacity, demand);
    supply::CapacityRecorder recorder(model.first_year, demand::kBedTypeCount * static_cast<int>(model.regions.size()),
                                      demand::kBedTypeCount * static_cast<int>(model.regions.size()),
                                      static_cast<int>(model.units.size()), supply.capacity.wait_target_days);
    events[static_cast<std::size_t>(r)] =
        supply::CapacitySimulation(model, streams, static_cast<std::uint64_t>(r), recorder).run();
    supply::CapacityResult capacity = recorder.take_result();
    auto figures = supply::supply_figures(capacity, projection.base_year, projection.year_count(),
                                          static_cast<int>(model.regions.size()));
    std::optional<ResultGroup> childcare_group;
    if (supply.childcare) {
      const supply::ChildcareModel childcare_model =
          supply::build_childcare_model(*supply.childcare, supply.supply.regions, supply.supply.demand_share,
                                        supply.supply.build_lag_years, supply.capacity.last_year, demand);
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
    groups.push_back(demand::demand_series(demand, parameters, &figures));
    groups.push_back(supply::capacity_series(capacity, model, supply.supply, supply.capacity));
    run.capacity_waits[static_cast<std::size_t>(r)] = std::move(capacity.waits);
    supply::add_start_series(groups.back(), model, use.kind, factors, supply.capacity.source);
    if (childcare_group) groups.push_back(std::move(*childcare_group));
  });
  for (std::uint64_t e : events) run.capacity_events += e;
  return run;
}

}  // namespace carecap::tools
