// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <string>
#include <vector>

#include "models/supply/ChildcareSupply.hpp"
#include "models/supply/SupplyParameters.hpp"
#include "scenarios/loader/CsvTable.hpp"
#include "scenarios/loader/ScenarioDocument.hpp"

/// The investment plan of a supply scenario: the project list (supply.plan_file, in the Bei'an
/// project-list format), the conversion rule supply.general_to_nursing, and the check that the
/// plan never takes away beds that are not there.
namespace carecap::scenarios {

/// The elderly-care rows of the list (category elderly_institution) as projects: build_type
/// renovation converts general beds to nursing beds (`renovation_converts`), new adds beds of
/// `project_bed_type`, closure closes the facility named in `notes`; a missing capacity is the
/// investment divided by the list's investment per bed (rows stating both), or 0 with
/// `missing_as_zero`. Rows of category childcare are read by read_childcare_plan;
/// elderly_daycare rows are not simulated.
[[nodiscard]] std::vector<supply::PlanProject> read_plan(const std::vector<CsvRow<9>>& rows, const std::string& path,
                                                         const std::vector<std::string>& regions,
                                                         const std::vector<supply::Facility>& facilities, int base_year,
                                                         int build_lag, bool renovation_converts, int project_bed_type,
                                                         bool missing_as_zero);

/// The childcare rows of the list: places added in the town on 1 January of year + build lag,
/// whether the row builds new or renovates; a missing capacity is the investment divided by the
/// childcare rows' investment per place.
[[nodiscard]] std::vector<supply::ChildcareProject> read_childcare_plan(const std::vector<CsvRow<9>>& rows,
                                                                        const std::string& path,
                                                                        const std::vector<std::string>& regions,
                                                                        int base_year, int build_lag);

/// supply.general_to_nursing = { share, year, cost_wan_yuan_per_bed }: adds one conversion
/// project per region (not `listed`) converting that share of its base-year general beds.
void add_general_to_nursing(const ScenarioValue& value, supply::SupplyParameters& supply, int base_year, int end_year);

/// Replays the compiled capacity schedule and checks that no project takes away beds that are
/// not there (a conversion of more general beds than a region has, a closure of a facility that
/// is not open); records plan closures as the facilities' closing years.
void check_plan(supply::SupplyParameters& supply, int base_year, const std::string& path);

}  // namespace carecap::scenarios
