// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <optional>
#include <string>

#include "models/demography/ProjectionParameters.hpp"

namespace carecap::demography {

/// Observed figures a projection is calibrated to ([calibration] of a scenario).
struct CalibrationTargets {
  int births_year = 0;                    // calendar year of the births target; 0 = no fertility calibration
  std::optional<double> births;           // births in births_year, persons
  std::optional<double> crude_birth_rate; // births per 1,000 persons on 1 July of births_year (instead of births)
  int population_year = 0;                // calendar year of the population target; 0 = no migration calibration
  double population = 0;                  // persons on 1 July of population_year
  std::string source;                     // where the observed figures come from
};

/// What calibration found: the calibrated parameters and the model's figures with them.
struct CalibrationResult {
  ProjectionParameters parameters;             // the input with fertility scaled and migration level set
  double fertility_scale = 1.0;                // factor on every age-specific fertility rate, unitless
  double total_fertility_in_births_year = 0;   // TFR after calibration in births_year, children per woman
  std::optional<double> net_migrants_per_year; // constant yearly net migrants found, persons per year
  double births = 0;                           // model births in births_year after calibration
  double crude_birth_rate = 0;                 // model births per 1,000 persons on 1 July of births_year
  double population = 0;                       // model persons on 1 July of population_year
  int rounds = 0;                              // alternations of the fertility and migration fits
};

/// Finds the fertility scale (every ASFR times one factor) that reproduces the births or crude
/// birth rate of births_year, and the constant yearly net migration, spread by the scenario's
/// migration age-sex profile, that reproduces the population on 1 July of population_year, in the
/// deterministic projection. With both targets the two one-dimensional fits (TOMS 748 root
/// finding) alternate until both hold to 1e-9 relative. Throws InputError when a target cannot be
/// reached (no scale in 1e-3..1e3, no level within +-half the base population a year) or when a
/// migration target is given for a scenario without a total-and-profile migration form.
[[nodiscard]] CalibrationResult calibrate(const ProjectionParameters& parameters, const CalibrationTargets& targets);

}  // namespace carecap::demography
