// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <cstdint>

#include "models/demography/AgeSex.hpp"
#include "models/demography/FertilityParameters.hpp"
#include "models/demography/MigrationParameters.hpp"
#include "models/demography/MortalityParameters.hpp"

namespace carecap::demography {

/// A cohort-component projection, validated: every schedule covers base_year..end_year.
struct ProjectionParameters {
  int base_year = 2024;            // the base population is on 1 January of this year
  int end_year = 2100;             // last calendar year projected (1 July end_year is the last reported date)
  AgeSexTable base_population{};   // persons on 1 January base_year, by sex and age
  FertilityParameters fertility;   // births
  MortalityParameters mortality;   // deaths
  MigrationParameters migration;   // net migrants
};

/// Deterministic (expected values) or stochastic (Poisson births, binomial deaths) projection.
enum class ProjectionMode { deterministic, stochastic };

/// How a scenario is run, apart from what it describes.
struct RunSettings {
  ProjectionMode mode = ProjectionMode::deterministic;  // see ProjectionMode
  int replications = 1;                                // stochastic replications, count (1 when deterministic)
  std::uint64_t seed = 20240101;                        // root of every random stream, unitless
};

}  // namespace carecap::demography
