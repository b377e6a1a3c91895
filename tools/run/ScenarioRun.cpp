// carecap. SPDX-License-Identifier: MIT
#include "tools/run/ScenarioRun.hpp"

#include <algorithm>
#include <array>
#include <optional>

#include "models/demand/DemandModel.hpp"
#include "models/demand/DemandSeries.hpp"
#include "models/demand/InstitutionUse.hpp"
#include "models/demography/ProjectionRun.hpp"
#include "models/demography/ProjectionSeries.hpp"
#include "models/money/MoneySeries.hpp"
#include "models/supply/BaseYearSupply.hpp"
#include "models/supply/CapacityInputs.hpp"
#include "models/supply/CapacityRecorder.hpp"
#include "models/supply/CapacitySeries.hpp"
#include "models/supply/CapacitySimulation.hpp"
#include "models/supply/CapacityStart.hpp"
#include "models/supply/ChildcareInputs.hpp"
#include "models/supply/ChildcareSeries.hpp"
#include "models/supply/ChildcareSimulation.hpp"
#include "models/workforce/WorkforcePlan.hpp"
#include "models/workforce/WorkforceSeries.hpp"
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
  // The natural trend's supply and models (NaturalTrend::simulate with a plan that changes the supply).
  std::optional<supply::SupplyParameters> trend_supply;
  std::optional<supply::ChildcareSupply> trend_childcare_supply;
  std::optional<supply::CapacityModel> trend_capacity;
  std::optional<supply::ChildcareModel> trend_childcare;
  std::optional<workforce::WorkforcePlan> workforce;  // the care-worker supply ([workforce]), compiled against the plan's beds
  std::vector<double> ages_15_plus;                   // persons aged 15+ by year, with [money] (its insurance base)
};

/// Compiles the care-worker supply against `model`'s beds and, with the staffing cap, sets the
/// model's staff limits (models/workforce/WorkforcePlan.hpp: day care takes its care workers first).
workforce::WorkforcePlan staff_model(const workforce::WorkforceSettings& settings, supply::CapacityModel& model,
                                     const scenarios::SupplyScenario& supply, const demand::DemandResult& demand) {
  workforce::WorkforcePlan plan = workforce::plan_workforce(settings, model, supply.supply);
  if (settings.staffing_cap) model.staff_limit = workforce::staff_limits(plan, settings, model, demand, supply.supply.demand_share);
  return plan;
}

DerivedInputs derive_inputs(const scenarios::Scenario& scenario, const demography::ProjectionResult& projection,
                            NaturalTrend natural_trend) {
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
  if (scenario.workforce) in.workforce = staff_model(*scenario.workforce, *in.capacity, supply, in.demand);
  if (scenario.money) in.ages_15_plus = money::ages_15_plus(projection);
  if (supply.childcare)
    in.childcare = supply::build_childcare_model(*supply.childcare, supply.supply.regions, supply.supply.demand_share,
                                                 supply.supply.build_lag_years, supply.capacity.last_year, in.demand);
  const supply::ChildcareSupply* childcare = supply.childcare ? &*supply.childcare : nullptr;
  if (natural_trend == NaturalTrend::simulate &&
      supply::plan_changes_supply(supply.supply, childcare, projection.base_year)) {
    in.trend_supply = supply::base_year_supply(supply.supply, projection.base_year);
    in.trend_capacity = supply::build_capacity_model(*in.trend_supply, supply.capacity, in.demand);
    if (scenario.workforce) (void)staff_model(*scenario.workforce, *in.trend_capacity, supply, in.demand);  // the same flows, the base-year beds
    if (childcare) {
      in.trend_childcare_supply = supply::base_year_childcare(*childcare, projection.base_year);
      in.trend_childcare = supply::build_childcare_model(*in.trend_childcare_supply, supply.supply.regions,
                                                         supply.supply.demand_share, supply.supply.build_lag_years,
                                                         supply.capacity.last_year, in.demand);
    }
  }
  return in;
}

/// What one supply (the plan's or the natural trend's) gives in one replication.
struct SupplyRun {
  ResultGroup capacity;
  std::optional<ResultGroup> childcare;
  std::optional<ResultGroup> workforce;
  std::optional<ResultGroup> money;  // the plan's only (scenario [money])
  std::vector<demand::CapacityFigures> figures;  // the plans' indicators on the supply basis
  supply::YearlyWaits waits;
  std::uint64_t events = 0;
};

/// Simulates the beds of `model` and the places of `childcare_model` (if any) with replication
/// r's random streams: the same numbers for the plan and its natural trend.
SupplyRun simulate_supply(const supply::CapacityModel& model, const supply::SupplyParameters& supply_parameters,
                          const supply::ChildcareModel* childcare_model, const supply::ChildcareSupply* childcare_supply,
                          const scenarios::SupplyScenario& scenario_supply, const sim::RandomStreams& streams, int r,
                          const demography::ProjectionResult& projection, const DerivedInputs* derived = nullptr,
                          const scenarios::Scenario* scenario = nullptr) {
  SupplyRun out;
  const int regions = static_cast<int>(model.regions.size());
  supply::CapacityRecorder recorder(model.first_year, demand::kBedTypeCount * regions, demand::kBedTypeCount * regions,
                                    static_cast<int>(model.units.size()), scenario_supply.capacity.wait_target_days);
  out.events = supply::CapacitySimulation(model, streams, static_cast<std::uint64_t>(r), recorder).run();
  supply::CapacityResult capacity = recorder.take_result();
  out.figures = supply::supply_figures(capacity, projection.base_year, projection.year_count(), regions);
  supply::ChildcareResult childcare;
  if (childcare_model) {
    supply::ChildcareRecorder childcare_recorder(childcare_model->first_year,
                                                 demand::kMonthBandCount * static_cast<int>(childcare_model->regions.size()));
    out.events +=
        supply::ChildcareSimulation(*childcare_model, streams, static_cast<std::uint64_t>(r), childcare_recorder).run();
    childcare = childcare_recorder.take_result();
    supply::add_childcare_figures(out.figures, childcare, *childcare_model, *childcare_supply,
                                  supply_parameters.build_lag_years, projection.base_year);
    out.childcare = supply::childcare_series(childcare, *childcare_model, *childcare_supply, supply_parameters.build_lag_years);
  }
  if (derived && derived->workforce) {
    const workforce::WorkforceNeedInputs need{model,
                                              capacity,
                                              childcare_model ? &childcare : nullptr,
                                              derived->parameters.childcare.children_per_carer,
                                              derived->demand,
                                              supply_parameters.demand_share};
    out.workforce = workforce::workforce_series(*derived->workforce, *scenario->workforce, need);
  }
  if (derived && scenario && scenario->money) {
    const money::MoneyInputs money_in{model, capacity, supply_parameters, childcare_model ? &childcare : nullptr,
                                      childcare_model ? childcare_supply : nullptr, derived->demand,
                                      derived->parameters.care_setting, derived->ages_15_plus};
    out.money = money::money_series(money::compute_money(money_in, *scenario->money), *scenario->money);
  }
  out.capacity = supply::capacity_series(capacity, model, supply_parameters, scenario_supply.capacity);
  out.waits = std::move(capacity.waits);
  return out;
}

/// Names a natural-trend group and says what it is.
ResultGroup as_natural_trend(ResultGroup group, const char* name) {
  group.name = name;
  group.description = "natural trend (no plan): " + group.description +
                      " With the beds and places open on 1 January of the first year only, no project, the same "
                      "random numbers as the plan's run (models/supply/BaseYearSupply.hpp).";
  return group;
}

}  // namespace

ScenarioRunResult run_scenario(const scenarios::Scenario& scenario, int threads, NaturalTrend natural_trend) {
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
  if (scenario.demand && projections.size() == 1) shared = derive_inputs(scenario, projections.front(), natural_trend);
  sim::run_replications(replications, threads, [&](int r) {
    const auto& projection = projections[static_cast<std::size_t>(r) % projections.size()];
    auto& groups = run.replications[static_cast<std::size_t>(r)];
    groups.push_back(demography::projection_series(projection));
    if (!scenario.demand) return;
    std::optional<DerivedInputs> own;
    const DerivedInputs& in = shared ? *shared : own.emplace(derive_inputs(scenario, projection, natural_trend));
    if (!scenario.supply) {
      groups.push_back(demand::demand_series(in.demand, in.parameters));
      return;
    }
    const auto& supply = *scenario.supply;
    const supply::ChildcareSupply* childcare_supply = supply.childcare ? &*supply.childcare : nullptr;
    SupplyRun plan = simulate_supply(*in.capacity, supply.supply, in.childcare ? &*in.childcare : nullptr, childcare_supply,
                                     supply, streams, r, projection, &in, &scenario);
    events[static_cast<std::size_t>(r)] = plan.events;
    groups.push_back(demand::demand_series(in.demand, in.parameters, &plan.figures));
    groups.push_back(std::move(plan.capacity));
    run.capacity_waits[static_cast<std::size_t>(r)] = std::move(plan.waits);
    supply::add_start_series(groups.back(), *in.capacity, in.start, in.factors, in.national_use_stock, supply.capacity.source);
    if (plan.childcare) groups.push_back(std::move(*plan.childcare));
    if (plan.workforce) groups.push_back(std::move(*plan.workforce));
    if (plan.money) groups.push_back(std::move(*plan.money));
    if (in.trend_capacity) {
      SupplyRun trend = simulate_supply(*in.trend_capacity, *in.trend_supply, in.trend_childcare ? &*in.trend_childcare : nullptr,
                                        in.trend_childcare_supply ? &*in.trend_childcare_supply : nullptr, supply, streams, r,
                                        projection);
      events[static_cast<std::size_t>(r)] += trend.events;
      groups.push_back(as_natural_trend(std::move(trend.capacity), supply::kNaturalTrendCapacity));
      if (trend.childcare) groups.push_back(as_natural_trend(std::move(*trend.childcare), supply::kNaturalTrendChildcare));
    }
  });
  for (std::uint64_t e : events) run.capacity_events += e;
  return run;
}

ScenarioCapacityModels scenario_capacity_models(const scenarios::Scenario& scenario, int threads) {
  const auto projections = demography::run_projection(scenario.projection, scenario.run, threads);
  DerivedInputs in = derive_inputs(scenario, projections.front(), NaturalTrend::simulate);
  ScenarioCapacityModels out{std::move(in.demand), std::move(*in.capacity), {}, {}};
  out.base_year_supply = in.trend_supply ? std::move(*in.trend_supply) : scenario.supply->supply;
  out.base_year = in.trend_capacity ? std::move(*in.trend_capacity) : out.plan;
  return out;
}

}  // namespace carecap::tools
