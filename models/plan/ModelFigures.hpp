// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <limits>
#include <map>
#include <string>
#include <vector>

namespace carecap::plan {

inline constexpr double kNotModelled = std::numeric_limits<double>::quiet_NaN();

/// The model's figures in one year, to hold against a plan's (NaN: not modelled in this run).
struct ModelYear {
  double population = kNotModelled;               // persons
  double age_60_plus = kNotModelled;              // persons
  double age_0_2 = kNotModelled;                  // children aged 0-2, persons (base: on the base date; years: on 1 July)
  double births = kNotModelled;                   // births in the year
  double beds = kNotModelled;                     // elderly-care beds open
  double nursing_beds = kNotModelled;             // nursing-type and dementia beds open
  double childcare_places = kNotModelled;         // childcare places open, places (years: time average over the year)
  double childcare_enrolled = kNotModelled;       // children in a place, persons (base: [childcare_capacity] initial_enrolled on 1 January of the first year; years: time average over the year)
  double childcare_places_sought = kNotModelled;  // children whose families want a place (demand model), persons on 1 July
  double occupied_beds = kNotModelled;            // elderly-care beds occupied, time average over the year
  // The workforce model (result group `workforce`; NaN without it), whole area:
  double care_workers = kNotModelled;              // care workers employed on 1 January after the year's projects open, persons
  double care_workers_needed = kNotModelled;       // care workers residents and day-care users need at the ratios, persons
  double childcare_workers_needed = kNotModelled;  // childcare workers the children enrolled need at the class ratios, persons
  double care_workers_trained = kNotModelled;      // trained by the plan's programmes since the first simulated year, cumulative, persons
  double certified_care_workers = kNotModelled;    // certified (持证) care workers, persons
  double senior_grade_care_workers = kNotModelled; // senior-grade (高级工、技师) care workers, persons
  double certified_per_10000_elderly = kNotModelled;  // certified care workers per 10,000 persons aged 60+
};

/// A project of the scenario's investment plan, as the build lag opens it.
struct DatedProject {
  int plan_year = 0;  // the year the plan dates it
  int opens = 0;      // first year it counts: plan_year + supply.build_lag_years (opens on 1 January)
  double beds = 0;    // elderly-care beds it adds or converts, beds
  double places = 0;  // childcare places it adds, places
};

/// The model's side of a plan check: the base (the scenario's base population and supply at the
/// base date) and each projected year (1 July stocks, yearly flows; means of the replications).
struct ModelFigures {
  ModelYear base;
  std::map<int, ModelYear> years;
  double listed_beds_stated = kNotModelled;   // beds the plan's project list states (new and converted)
  double listed_beds_derived = kNotModelled;  // beds given to listed projects that state none
  std::string start;                           // how the beds were occupied at the start (supply::start_name); empty: no capacity simulation
  double initial_residents = kNotModelled;     // residents in beds on 1 January of the first year, persons
  double national_use_residents = kNotModelled;  // the base year's demand stock with the national default care use, persons
  std::vector<DatedProject> projects;          // the scenario's projects (elderly care and childcare), in plan order
  int build_lag_years = 0;                     // supply.build_lag_years: years from a project's plan year to its opening
  double certified_share = kNotModelled;       // [workforce] certified_share: certified (持证) share of care workers, fraction (an input)
  double senior_grade_share = kNotModelled;    // [workforce] senior_grade_share: senior-grade share of certified care workers, fraction (an input)
  double childcare_wish_rate = kNotModelled;   // [childcare] wish_rate: share of children aged 6-36 months whose families want a place, fraction (the bands' rates weighted by their months)
};

}  // namespace carecap::plan
