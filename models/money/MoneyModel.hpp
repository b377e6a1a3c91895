// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <array>
#include <string>
#include <vector>

#include "models/demand/CareSettingParameters.hpp"
#include "models/demand/DemandResult.hpp"
#include "models/demography/ProjectionResult.hpp"
#include "models/money/MoneyParameters.hpp"
#include "models/supply/CapacityParameters.hpp"
#include "models/supply/CapacityResult.hpp"
#include "models/supply/ChildcareSeries.hpp"
#include "models/supply/ChildcareSupply.hpp"
#include "models/supply/SupplyParameters.hpp"

namespace carecap::money {

/// What one replication's money is counted from: its simulated beds and places, the plan, and the
/// demand (care users for the insurance).
struct MoneyInputs {
  const supply::CapacityModel& model;                      // years, regions, units (facility and project beds)
  const supply::CapacityResult& capacity;                  // beds and residents by pool and unit, admissions
  const supply::SupplyParameters& supply;                  // projects (investment, beds, year), build lag, budget
  const supply::ChildcareResult* childcare = nullptr;      // places and children by pool, years from model.first_year; none: no childcare
  const supply::ChildcareSupply* childcare_supply = nullptr;  // the childcare projects (with `childcare`)
  const demand::DemandResult& demand;                      // elders by care state and dementia flag (1 July), years from demand.base_year
  const demand::CareSettingParameters& care_setting;       // the setting each cell seeks (as the demand was derived)
  std::vector<double> age_15_plus{};                       // persons aged 15+ on 1 July, years from demand.base_year (only for InsuredBase::age_15_plus)
};

/// Money of one simulated year; amounts in yuan.
struct MoneyYear {
  std::vector<double> capital_by_project;                  // yuan, per MoneyResult::projects: investment in the year the project opens
  std::array<double, kOwnershipCount> capital{};           // yuan, by ownership (childcare projects: childcare_ownership)
  std::array<double, kBedTypeCount> operating_fixed{};     // yuan, open bed-years x fixed cost, by bed type
  std::array<double, kBedTypeCount> operating_per_resident{};  // yuan, occupied bed-years x cost per resident, by bed type
  std::array<double, kOwnershipCount> operating{};         // yuan, fixed + per resident, by ownership
  std::array<double, kOwnershipCount> new_beds{};          // beds opened by projects (added or converted), by ownership
  std::array<double, kOwnershipCount> occupied_bed_years{};  // occupied bed-years, by ownership
  double new_childcare_places = 0;                         // places opened by childcare projects
  double childcare_child_years = 0;                        // enrolled child-years
  std::array<double, kSubsidyRuleCount> subsidy{};         // yuan, by rule (kSubsidyRuleNames)
  std::array<double, kOwnershipCount> subsidy_by_owner{};  // yuan, paid to each ownership
  double public_spending = 0;                              // yuan: public shares of capital and operating, plus subsidies not paid into the budget's own share
  double private_spending = 0;                             // yuan: capital + operating - public_spending (negative when subsidies exceed the private costs modelled)
  double persons_served = 0;                               // admissions to beds + admissions to childcare places, persons
  // Long-term-care insurance (zero without it).
  double insured = 0;                                      // insured persons, 1 July
  std::array<std::array<double, kCareSettingCount>, kCareStateCount> users{};   // elders by care state and setting (insured or not), persons
  std::array<std::array<double, kCareSettingCount>, kCareStateCount> outlay{};  // yuan: insured users x benefit
};

/// Money over the simulated years model.first_year..model.last_year.
struct MoneyResult {
  int first_year = 0;
  std::vector<std::string> projects;  // "project:<id>" for [supply] projects, then "childcare_project:<id>"
  bool ltc = false;                   // long-term-care insurance modelled
  std::vector<MoneyYear> years;
};

/// The money of one replication (docs/money.md). Capital counts in the year a project opens (as
/// the capacity group's cum_capital_cost_wan_yuan); operating cost = open bed-years x fixed cost +
/// occupied bed-years x cost per resident; each subsidy rule = its quantity x its rate; the
/// insurance's users: home and day care as the demand seeks them, institution = the simulated
/// residents split into care states as the demand for each bed type is, and those seeking a bed
/// without one counted at home.
[[nodiscard]] MoneyResult compute_money(const MoneyInputs& in, const MoneyParameters& parameters);

/// Persons aged 15+ on 1 July of each projection year (MoneyInputs::age_15_plus).
[[nodiscard]] std::vector<double> ages_15_plus(const demography::ProjectionResult& projection);

}  // namespace carecap::money
