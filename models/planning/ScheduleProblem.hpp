// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "models/demand/CareState.hpp"
#include "models/planning/CapacityGrid.hpp"

namespace carecap::planning {

/// A project of a plan's project list (scenarios/data/beian/*_projects_*.csv, category
/// elderly_institution) offered as a candidate: build it once, started in one year of its window,
/// or not at all. It opens build_lag_years after its start (docs/capacity.md).
struct ListedProject {
  std::string id;                // the list's `id` (shown in the schedule)
  int region = 0;                // index of the region (the list's town_zh)
  int bed_type = 1;              // demand::BedType index of the beds it opens (project_bed_type of the scenario)
  double beds = 0;               // beds it opens, beds (the list's `capacity`)
  bool converts_general = false; // true: a renovation converting `beds` general beds of its region (build_type = renovation,
                                 // "convert_general_to_nursing"); false: new beds (build_type = new)
  double capital_wan_yuan = 0;   // investment, 10,000 yuan (the list's total_investment_wan_yuan)
  int earliest_start = 0;        // first calendar year it may be started (the list's `year` for a fixed plan)
  int latest_start = 0;          // last calendar year it may be started
};

/// A generic option a planner allows: build blocks of beds of one type in one region, any whole
/// number of blocks in each year of its window.
struct BuildOption {
  std::string id;                         // name in the schedule
  int region = 0;                         // index of the region
  int bed_type = 1;                       // demand::BedType index
  double beds_per_block = 10;             // beds per block, beds
  double capital_wan_yuan_per_bed = 18.66;  // 10,000 yuan per bed (Bei'an project list: 13,623 / 730, docs/capacity.md)
  int max_blocks_per_year = 10;           // blocks started in one year at most, count
  std::optional<int> max_blocks;          // blocks over the horizon at most, count (none: max_blocks_per_year each year)
  int earliest_start = 0;                 // first calendar year a block may be started
  int latest_start = 9999;                // last calendar year a block may be started
};

/// A generic option: convert general beds of a region to nursing (or dementia) beds, in blocks.
/// The general beds stay open until the conversion opens, build_lag_years after its start.
struct ConversionOption {
  std::string id;                         // name in the schedule
  int region = 0;                         // index of the region
  int to_bed_type = 1;                    // demand::BedType index the beds become (nursing or dementia)
  double beds_per_block = 10;             // beds converted per block, beds
  double capital_wan_yuan_per_bed = 4.0;  // 10,000 yuan per bed converted (assumption: a renovation, about a fifth of a new bed)
  int max_blocks_per_year = 10;           // blocks started in one year at most, count
  std::optional<int> max_blocks;          // blocks over the horizon at most, count
  int earliest_start = 0;                 // first calendar year
  int latest_start = 9999;                // last calendar year
};

/// A generic option: close a facility. From 1 January of the chosen year its beds are gone and
/// its operating cost is saved (the programme does not model residents draining away).
struct ClosureOption {
  std::string id;                                        // the facility's id
  int region = 0;                                        // index of the region
  std::array<double, demand::kBedTypeCount> beds{};      // beds it has by type, beds (part of `existing`)
  double cost_wan_yuan = 0;                              // one-off cost of closing, 10,000 yuan (counted as capital)
  int earliest_year = 0;                                 // first calendar year it may close
  int latest_year = 9999;                                // last calendar year it may close
};

/// The plan's standards, as constraints (optional). County-wide, from `from_year` to the end.
struct CapacityStandards {
  struct NursingShare {
    int from_year = 2025;     // calendar year from which it holds
    double min_share = 0.55;  // (nursing + dementia beds) / all beds, fraction (Bei'an plan: 55%; dementia beds count as
                              // nursing-type, as in demand::PlanIndicators)
  };
  struct BedsPerThousandElders {
    int from_year = 2025;                // calendar year from which it holds
    double min_beds_per_thousand = 0;    // beds per 1,000 elders (e.g. the plan's 73.6)
    std::vector<double> elders;          // elders (60+) by horizon year, persons; one per year of `required`
  };
  std::optional<NursingShare> nursing_share;
  std::optional<BedsPerThousandElders> beds_per_thousand_elders;
};

/// The service level's optional idle bound as a constraint (ServiceLevel::max_idle_share), county
/// wide as the plans' occupancy rule: in a year by which the schedule could add beds, the county's
/// beds open (all types and towns) may not exceed
/// max(existing beds, occupied / (1 - max_idle_share) + the smallest unit that adds beds there):
/// the programme builds no bed that would stand idle beyond the bound (within one block or
/// project, which cannot be split), and never has to close one (existing beds above the bound are
/// the plan's past, reported by the verification). Conversions, which add no bed, are not bound.
struct IdleBound {
  double max_idle_share = 0.35;  // fraction of open beds idle on average, 0..1 (< 1)
  CapacityGrid occupied;         // beds expected occupied by the need of each demand type [year][type][region], beds
                                 // (Little's law at the required capacity: arrivals x mean stay)
};

/// Everything the cheapest-schedule programme needs (issue 22, item 3). Shapes are checked by
/// solve_schedule; values come validated from the scenario.
struct ScheduleProblem {
  CapacityGrid required;   // beds needed, [year][type][region], beds (the required-capacity search): the need of type t
                           // may be met by the bed types acceptable_beds[t] lists (a need for general or dementia beds
                           // also by nursing beds, a need for nursing beds only by nursing beds)
  CapacityGrid existing;   // beds open by bed type without any candidate, same shape, beds (base supply, its openings and closures)
  std::vector<ListedProject> projects;
  std::vector<BuildOption> builds;
  std::vector<ConversionOption> conversions;
  std::vector<ClosureOption> closures;
  int build_lag_years = 1;  // years from a start to the opening on 1 January (docs/capacity.md, build_lag_years)
  std::array<std::vector<int>, demand::kBedTypeCount> acceptable_beds{
      std::vector<int>{0, 1}, std::vector<int>{1}, std::vector<int>{2, 1}};  // per demand type, the bed types it may
      // take: as supply::CapacitySettings (general and dementia demand may take a nursing bed, never the reverse)
  std::array<double, demand::kBedTypeCount> operating_cost_yuan_per_bed_year{};  // yuan per open bed-year by bed type
                                                                                 // (supply's operating_cost_per_bed_year)
  double discount_rate = 0.08;  // per year (social discount rate 8%, NDRC and MOHURD, 建设项目经济评价方法与参数, 3rd ed., 2006)
  std::optional<double> annual_budget_wan_yuan;  // capital started in any one year at most, 10,000 yuan (none: no budget)
  CapacityStandards standards;
  std::optional<IdleBound> idle_bound;  // none: beds may stand idle without bound
};

}  // namespace carecap::planning
