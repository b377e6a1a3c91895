// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <optional>
#include <vector>

#include "models/demography/Calibration.hpp"
#include "scenarios/loader/ScenarioDocument.hpp"

namespace carecap::scenarios {

/// Reads [calibration]: births or crude_birth_rate with births_year, and/or population with
/// population_year, each year within base_year..end_year. Nothing when the section is absent.
/// Throws InputError naming the file, line and key.
[[nodiscard]] std::optional<demography::CalibrationTargets> read_calibration(const ScenarioDocument& doc, int base_year,
                                                                           int end_year);

/// The keys of [calibration] (part of the scenario schema).
[[nodiscard]] SectionSchema calibration_schema();

}  // namespace carecap::scenarios
