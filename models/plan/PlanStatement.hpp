// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace carecap::plan {

/// A figure a plan states; none when the plan does not state it.
using Stated = std::optional<double>;

/// What a plan says of its base year (figures at the end of `year`).
struct PlanFacts {
  int year = 0;                             // calendar year; figures at 31 December
  Stated population;                        // persons
  Stated age_60_plus;                       // persons
  Stated share_60_plus;                     // fraction of the population, 0..1
  Stated age_0_2;                           // children under 3, persons
  Stated births_per_year;                   // births per year
  Stated elderly_care_beds;                 // 养老床位, beds
  Stated nursing_bed_share;                 // 护理型床位占比, fraction of beds, 0..1
  Stated childcare_places;                  // 托位, places
  Stated childcare_places_per_1000_people;  // 每千人口托位数, places per 1,000 persons
  Stated childcare_enrolled;                // children in childcare, persons
};

/// What a plan forecasts for a later year (the population it plans for).
struct PlanForecast {
  int year = 0;                            // calendar year
  Stated age_60_plus;                      // persons
  Stated share_60_plus;                    // fraction of the population, 0..1
  Stated age_60_plus_increase_per_year;    // persons per year, mean from the base year to `year`
  Stated births_per_year;                  // births per year, mean from the base year to `year`
};

/// The targets a plan sets for `year`.
struct PlanTargets {
  int year = 0;                             // calendar year
  Stated elderly_care_beds;                 // beds, total
  Stated elderly_care_beds_added;           // beds added since the base year
  Stated beds_per_1000_elderly;             // beds per 1,000 persons aged 60+
  Stated nursing_bed_share;                 // fraction of beds, 0..1
  Stated childcare_places;                  // places, total
  Stated childcare_places_per_1000_people;  // places per 1,000 persons
  Stated affordable_place_share;            // 普惠 places, fraction of places, 0..1
};

/// A workforce target of the plan, one row of a targets table
/// (scenarios/data/workforce/plan_workforce_targets.csv), as the plan words it.
struct WorkforceTarget {
  int year = 0;            // the year it is for (end of that year)
  std::string indicator;   // e.g. "certified_care_workers_per_10000_elderly" (scenarios/data/workforce/README.md)
  double value = 0;        // the target, in `unit`; shares as fractions
  std::string unit;        // as the table gives it, e.g. "persons per 10,000 persons aged 60+"
  bool at_least = false;   // the plan says 以上 / 不少于: `unit` ends "(at least)"
  std::string quote_zh;    // the plan's own words
  std::string source;      // the plan's citation and where in it the target stands
};

/// A published plan's own figures: its base-year facts, forecasts and targets, as a scenario
/// transcribes them ([plan_facts], [plan_forecast], [[plan_targets]] or one [plan_targets]).
struct PlanStatement {
  std::string document;                 // the published plan: title, issuing office, document number and date
  PlanFacts facts;
  std::optional<PlanForecast> forecast;
  std::vector<PlanTargets> targets;     // one entry per target year, years ascending and unique; empty: none
  std::vector<WorkforceTarget> workforce_targets;  // [plan_facts] workforce_targets_file's rows of workforce_targets_plan, in file order; empty: none
  std::string source;                   // where the transcribed figures come from

  /// The targets of the latest target year (the plan's end-of-period targets, e.g. 2025 of
  /// 2022 and 2025): what single-year summaries (study rankings, outcomes) hold the run against;
  /// none without targets.
  [[nodiscard]] const PlanTargets* last_targets() const { return targets.empty() ? nullptr : &targets.back(); }
};

}  // namespace carecap::plan
