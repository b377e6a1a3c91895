// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "models/demand/CareState.hpp"
#include "models/planning/CapacityGrid.hpp"
#include "models/planning/MipSolver.hpp"
#include "models/planning/ScheduleProblem.hpp"

namespace carecap::planning {

/// Which list of ScheduleProblem a scheduled candidate comes from.
enum class CandidateKind { project, build, conversion, closure };

/// One start in the chosen schedule.
struct ScheduledStart {
  CandidateKind kind = CandidateKind::project;
  int candidate = 0;     // index into the problem's list of that kind
  std::string id;        // the candidate's id
  int region = 0;        // index of the region
  int start_year = 0;    // calendar year it starts (capital spent; the budget year)
  int opening_year = 0;  // calendar year its beds change, on 1 January (start + build lag; a closure's own year)
  int blocks = 1;        // blocks of a generic option started that year, count (1 for a project or closure)
  std::array<double, demand::kBedTypeCount> beds_change{};  // change of open beds by type, beds (negative: closed or converted away)
  double capital_wan_yuan = 0;  // capital, 10,000 yuan, undiscounted
};

/// Costs of a schedule over the horizon, 10,000 yuan.
struct ScheduleCosts {
  double capital_wan_yuan = 0;               // sum of the starts' capital, undiscounted
  double operating_wan_yuan = 0;             // sum over years of open beds x cost per bed-year (existing beds included), undiscounted
  double discounted_capital_wan_yuan = 0;    // capital of year y x (1 + rate)^-(y - first year)
  double discounted_operating_wan_yuan = 0;  // operating cost of year y, discounted the same way
  double discounted_total_wan_yuan = 0;      // the objective: discounted capital + discounted operating
};

/// What cannot be met, when no schedule exists (the caller words the message).
struct UnmetRequirement {
  enum class Kind { requirement, nursing_share, beds_per_thousand_elders, idle_share };
  Kind kind = Kind::requirement;
  int year = 0;          // the first calendar year that cannot be met, with every earlier year met
  int bed_type = -1;     // requirement: the type of need (demand::BedType) that cannot be met, with the earlier types met; else -1
  int region = -1;       // requirement: the region; else -1 (standards are county-wide)
  double required = 0;   // requirement: beds needed of that type; nursing share: the share; per 1,000: beds per 1,000 elders;
                         // idle share: the most beds the bound allows in the county (IdleBound)
  double shortfall_beds = 0;  // beds missing at best (the least shortfall over all schedules meeting the earlier constraints);
                              // idle share: beds above the bound at best (the service level needs them)
};

/// How the programme ended.
enum class ScheduleStatus {
  optimal,     // the cheapest schedule found and proven
  infeasible,  // no schedule meets the requirement and standards: `unmet` says where first
  not_solved,  // the solver stopped (time limit) or failed: `solver_message`
};

/// The cheapest schedule, its costs and the capacity it gives.
struct ScheduleResult {
  ScheduleStatus status = ScheduleStatus::not_solved;
  std::vector<ScheduledStart> schedule;  // by start year, then kind and candidate
  ScheduleCosts costs;
  CapacityGrid capacity;                 // beds open by [year][bed type][region] with the schedule, beds
  std::optional<UnmetRequirement> unmet;  // when infeasible
  std::string solver_message;            // when not solved
};

/// The cheapest schedule of candidates (issue 22, item 3) as a mixed-integer programme:
///   minimise  sum_y d(y) [capital started in y + sum_{t,r} beds open(y,t,r) x operating cost(t)],
///             d(y) = (1 + discount_rate)^-(y - first year);
///   decisions a binary x[p][s] per listed project p and start year s (sum_s x[p][s] <= 1), the same
///             per closure, and whole numbers of blocks n[o][s] per generic build or conversion;
///   beds open(y,t,r) = existing(y,t,r) + changes of the starts s with s + lag <= y (closures: s <= y);
///   covering: per year, region and set S of demand types, the beds of the types S may take (the
///             union of acceptable_beds) >= the beds S requires (Hall's condition: the requirement
///             can be assigned to beds it may take, as the simulation admits: a nursing bed takes a
///             general-bed elder, a general bed never a nursing one); beds open >= 0 of every type;
///   budget: capital started in each year <= annual_budget_wan_yuan; standards from their years.
/// Start years lie in the horizon with the opening in it too. Existing beds' operating cost is in the
/// objective as a constant. Throws InputError when the shapes or indices disagree.
[[nodiscard]] ScheduleResult solve_schedule(const ScheduleProblem& problem, const MipSolver& solver);

}  // namespace carecap::planning
