// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "models/ResultSeries.hpp"
#include "models/demand/DemandResult.hpp"
#include "models/supply/CapacityParameters.hpp"
#include "models/supply/CapacitySettings.hpp"
#include "models/supply/SupplyParameters.hpp"

namespace carecap::supply {

/// How the base-year beds are occupied on 1 January of the first simulated year (docs/capacity.md,
/// "The start"). The first two are statements about the city; the third is the model's own.
enum class StartKind {
  observed_residents,   // the facilities file's residents columns; care use calibrated to them
  occupancy_share,      // capacity.initial_occupancy x beds of each facility; care use calibrated to it
  demand_steady_state,  // neither given: the demand stock of the base year, capped by beds
};

/// Names of StartKind for outputs and messages.
[[nodiscard]] const char* start_name(StartKind kind);

/// Use of the base-year beds that the scenario states (observed or as a share), per facility.
struct BaseYearUse {
  StartKind kind = StartKind::demand_steady_state;
  bool by_bed_type = true;  // residents known by bed type (false: facilities' totals only)
  std::vector<std::array<std::int64_t, kBedTypeCount>> residents;  // per facility of the supply, persons (empty: none stated)
  std::array<std::int64_t, kBedTypeCount> total{};                  // summed over facilities open at the base, persons
};

/// The use the scenario states: observed residents (a facility's total is split over its bed types
/// in proportion to its beds, largest remainder), or capacity.initial_occupancy x beds rounded per
/// facility and bed type; neither: kind demand_steady_state and no residents.
[[nodiscard]] BaseYearUse base_year_use(const SupplyParameters& supply, const CapacitySettings& settings, int base_year);

/// Factors by bed type that scale the institutional propensities of the care-setting choice so
/// that the base-year demand stock (1 July) equals the stated residents: by bed type when the
/// residents are known by type, one overall factor when only totals are. A demand type whose own
/// bed type has no beds at the base (e.g. dementia where there are no dementia beds) is counted
/// with the first bed type it may use that has beds (capacity.acceptable_beds). All 1 for a
/// steady-state start. Throws InputError when residents are stated for a bed type that no demand
/// seeks.
[[nodiscard]] std::array<double, kBedTypeCount> institution_use_factors(const BaseYearUse& use,
                                                                       const demand::ElderDemandYear& base_year_demand,
                                                                       const SupplyParameters& supply,
                                                                       const CapacitySettings& settings, int base_year);

/// Fills the model's start: residents per unit and people waiting per stream. Stated use: the
/// stated residents; steady state: the demand stock on 1 January of the base year (interpolated
/// between the 1 July stocks) by demand type and region, placed in the home region's acceptable
/// bed types in order of preference, spread over the pool's units in proportion to their beds;
/// those it leaves without a bed wait, as many as a steady queue would hold (the excess arrivals
/// x the mean time on the list). capacity.initial_waiting, when given, sets the waiting instead.
void set_start(CapacityModel& model, const BaseYearUse& use, const SupplyParameters& supply,
               const CapacitySettings& settings, const demand::DemandResult& demand);

/// Adds to the capacity group how the run started: `n_initial_residents` (bed_type, region),
/// `n_initial_waiting` (bed_type, region), `institution_use_factor` (bed_type),
/// `n_beds_needed_national_use` (bed_type: the base-year demand stock before calibration,
/// `national_use_stock`), and the text `start` (bed_type): the start used.
void add_start_series(ResultGroup& capacity, const CapacityModel& model, StartKind kind,
                      const std::array<double, kBedTypeCount>& factors,
                      const std::array<double, kBedTypeCount>& national_use_stock, const std::string& source);

}  // namespace carecap::supply
