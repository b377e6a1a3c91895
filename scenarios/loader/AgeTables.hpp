// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <map>
#include <string>

#include "models/demography/AgeSex.hpp"
#include "models/demography/YearPath.hpp"
#include "scenarios/loader/CsvTable.hpp"

namespace carecap::scenarios {

using demography::AgeSexTable;
using demography::AgeVector;

/// Readers of the CSV tables a scenario may name. Each checks its table completely: ages 0..100
/// exactly once per year and sex (no gap, no duplicate), sexes spelled "male" or "female", values
/// finite and within `rule`, and throws InputError naming the file and line otherwise.

/// Columns age,male,female: one row per age 0..100 (100 = 100+).
[[nodiscard]] AgeSexTable read_age_by_sex_wide(const std::string& path, NumberRule rule, double highest);

/// Columns age,sex,<value>: one row per sex and age 0..100.
[[nodiscard]] AgeSexTable read_age_sex_long(const std::string& path, const std::string& value_column,
                                            NumberRule rule, double highest);

/// Columns year,age,sex,<value>: for every year present, one row per sex and age 0..100.
[[nodiscard]] std::map<int, AgeSexTable> read_year_age_sex_long(const std::string& path,
                                                                const std::string& value_column,
                                                                NumberRule rule, double highest);

/// Columns age,<value> for ages of mother: ages must lie in 10..55; absent ages are zero.
[[nodiscard]] AgeVector read_mother_age_profile(const std::string& path, const std::string& value_column);

/// Columns year,age,asfr: per year, ages of mother within 10..55 (absent ages are zero), no duplicate.
[[nodiscard]] std::map<int, AgeVector> read_asfr_by_year(const std::string& path);

/// Columns year,<value>: one row per year, strictly increasing, read as a linear path.
[[nodiscard]] demography::YearPath read_year_series(const std::string& path, const std::string& value_column,
                                                    NumberRule rule, double highest);

/// Largest count accepted in a population or migration cell, persons (well above any country's
/// single-year cohort; keeps stochastic draws within 64-bit integers).
inline constexpr double kMaxPersonsPerCell = 2e9;

/// Youngest and oldest age of mother accepted in fertility tables.
inline constexpr int kMinMotherAge = 10;
inline constexpr int kMaxMotherAge = 55;

}  // namespace carecap::scenarios
