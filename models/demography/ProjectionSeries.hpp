// carecap. SPDX-License-Identifier: MIT
#pragma once
#include "models/ResultSeries.hpp"
#include "models/demography/ProjectionResult.hpp"

namespace carecap::demography {

/// The projection's outputs, declared once: the root group with dimensions year, year_jan1, sex
/// and age; population, births, deaths and net migrants by year x sex x age; and the yearly
/// indicators (see Indicators.hpp).
[[nodiscard]] ResultGroup projection_series(const ProjectionResult& result);

}  // namespace carecap::demography
