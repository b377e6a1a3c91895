// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "models/demand/CareState.hpp"

namespace carecap::supply {

using demand::kBedTypeCount;

/// An elderly-care institution of the base-year supply.
struct Facility {
  std::string id;                                 // unique key, e.g. "F01"
  std::string name;                               // as published
  int region = 0;                                 // index into SupplyParameters::regions
  std::string ownership;                          // public / private / public_built_private_run
  bool affordable = false;                        // 普惠
  std::array<std::int64_t, kBedTypeCount> beds{}; // general, nursing, dementia beds
  int opens = 0;                                  // first year open (<= base year for existing ones)
  int closes = 0;                                 // first year closed; 0 = stays open
  double care_workers = -1;                       // care workers employed, persons; < 0 = not given
  std::int64_t residents_total = -1;              // people in the facility's beds at the base date, persons; < 0 = not given
  std::array<std::int64_t, kBedTypeCount> residents{-1, -1, -1};  // the same by bed type, persons; < 0 = not given
};

/// What a project of the investment plan does.
enum class ProjectAction { add_beds, convert_general_to_nursing, close_facility };

/// One project of an investment plan (项目清单), as the plan lists it.
struct PlanProject {
  std::string id;                   // plan's number
  std::string name;                 // as published
  int year = 0;                     // plan year; beds open on 1 January of year + build lag
  int region = 0;                   // index into SupplyParameters::regions
  ProjectAction action = ProjectAction::add_beds;
  int bed_type = 1;                 // demand::BedType of the beds added or converted to
  std::int64_t beds = 0;            // beds added or converted (stated, or derived by the missing-capacity rule)
  bool beds_derived = false;        // true when `beds` came from the missing-capacity rule
  double investment_wan_yuan = 0;   // total investment, 10,000 yuan
  std::string facility;             // facility closed (close_facility), else empty
  int line = 0;                     // line of the plan file it came from (for messages)
  bool listed = true;               // in the plan's project list (false: a scenario rule such as supply.general_to_nursing)
};

/// Base-year supply and the plan that changes it.
struct SupplyParameters {
  std::vector<std::string> regions;            // towns or districts, in the order demand shares are given
  std::vector<double> demand_share;            // share of demand arising in each region, sums to 1
  std::vector<Facility> facilities;            // base supply
  std::vector<PlanProject> projects;           // investment plan
  int build_lag_years = 1;                     // years from a project's plan year to its opening
  std::optional<double> annual_budget_wan_yuan;  // capital a plan may spend per plan year, 10,000 yuan; none = unlimited
  std::array<double, kBedTypeCount> operating_cost_yuan_per_bed_year{};  // by bed type, yuan per bed-year
  std::string source;                          // recorded in the output
};

}  // namespace carecap::supply
