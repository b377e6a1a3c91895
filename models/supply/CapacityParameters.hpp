// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "models/demand/CareState.hpp"
#include "models/supply/LengthOfStay.hpp"
#include "models/supply/PriceTier.hpp"

namespace carecap::supply {

using demand::kBedTypeCount;

/// A dated change of the number of beds of one type in one region (an opening, closure or
/// conversion compiled from the supply and the investment plan). Reductions never evict.
struct CapacityChange {
  double time = 0;      // simulated time, years (e.g. 2025.0 = 1 January 2025)
  int bed_type = 0;     // demand::BedType index
  int region = 0;       // index into CapacityModel::regions
  std::int64_t beds = 0;  // change in beds (negative = closure or conversion away)
  int unit = -1;        // index into CapacityModel::units whose beds change; -1: an addition to the
                        // region's unnamed beds, or a reduction spread over the region's units (most idle beds first)
  bool whole_unit = false;  // a closure: all the beds the unit has left then (a conversion may have taken some
                            // of the `beds` it opened with), never more
};

/// The beds of one type of one facility or project: the level at which occupancy is reported
/// by facility. Admission picks, among a pool's units with a free bed, the one with the lowest
/// occupancy rate (families spread over a town's facilities; none is preferred).
struct CapacityUnit {
  std::string facility;   // facility id, or "project:" + the plan's project id
  std::string ownership;  // public / private / public_built_private_run; "plan" for projects
  int bed_type = 0;       // demand::BedType index
  int region = 0;         // index into CapacityModel::regions
  bool affordable = false;  // 普惠 beds (the facility's `affordable` flag): the affordable price tier may use only these
};

/// One stream of people seeking an institutional bed: a demand type in a region, arriving as a
/// Poisson process whose rate is constant within each calendar year.
struct ArrivalStream {
  int demand_type = 0;               // demand::BedType index of the bed the person needs
  int region = 0;                    // index into CapacityModel::regions
  std::vector<double> rate_per_year; // arrivals per year, one value per simulated calendar year
  std::vector<double> unfollowed_decline{};  // per year: fall of the demand stock arrivals could not follow (rate at zero), persons per year
};

/// Everything the capacity simulation needs, validated and compiled.
struct CapacityModel {
  int first_year = 2024;                   // simulation starts on 1 January of this year
  int last_year = 2035;                    // and ends on 31 December of this year
  std::vector<std::string> regions;        // region names (towns, districts)
  std::vector<CapacityChange> capacity;    // initial beds (at first_year) and every later change
  std::vector<CapacityUnit> units;         // facilities' and projects' beds by type (empty: pools only)
  std::vector<ArrivalStream> arrivals;     // one per demand type and region
  std::array<std::vector<int>, kBedTypeCount> acceptable_beds{};  // per demand type: bed types it may take, in order of preference
  bool admit_in_other_regions = true;      // when the home region is full, try the others
  std::vector<std::vector<int>> region_order;  // per home region, the other regions to try in order; empty: all in index order
  std::array<LengthOfStay, kBedTypeCount> stay{};  // per demand type
  std::int64_t waiting_list_cap = -1;      // per demand type and region, persons; < 0 unlimited, 0 = loss system
  double mean_patience_years = 0.0;        // exponential patience before giving up waiting, years; 0 = never gives up
  double waiting_death_rate = 0.0;         // deaths per person-year while waiting, per year
  double priority_share = 0.0;             // share of arrivals in the priority class (特困/低保), fraction
  double affordable_share = 0.0;           // share of arrivals of the affordable price tier, who take affordable beds only, fraction
  double initial_occupancy = 0.0;          // share of each unnamed slot's initial beds occupied at the start (warm start), fraction
  std::vector<std::int64_t> initial_unit_residents;  // per unit: residents at the start, persons (empty: initial_occupancy for all)
  std::vector<std::array<double, kBedTypeCount>> initial_need_share;  // per pool: shares of its starting residents by need (demand type); empty: the pool's own need
  std::vector<std::int64_t> initial_waiting;  // per stream (demand type x regions + region): people waiting at the start, persons
  std::array<double, kBedTypeCount> operating_cost_per_bed_year{};  // yuan per bed-year, by bed type
  // Care workers a resident needs, by what the resident needs (the demand type, not the bed: a
  // person with dementia in a nursing bed needs the dementia ratio): the [workforce] ratios by care
  // state over the institutional demand's mix of each type (demand::care_workers_per_resident).
  std::vector<std::array<double, kBedTypeCount>> care_workers_per_resident;  // [year][demand type]: persons per resident; empty: not counted
  // Staffing cap (models/workforce, docs/workforce.md): a person is admitted to a bed only while the
  // care workers of the bed's region cover its residents and the newcomer at those ratios.
  std::vector<std::vector<double>> staff_limit;  // [year][region]: care workers employed in the year, persons; empty: no cap
};

}  // namespace carecap::supply
