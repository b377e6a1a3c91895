// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <string>
#include <vector>

#include "models/demography/ProjectionResult.hpp"

namespace carecap::demography {

/// One yearly indicator series with its name, unit and meaning.
struct IndicatorSeries {
  std::string name;          // e.g. "n_age_60_plus"
  std::string units;         // e.g. "persons"
  std::string description;   // one sentence
  std::vector<double> values;  // one per calendar year, base_year..end_year
};

/// The yearly indicators of a projection, all on 1 July (stocks) or over the calendar year
/// (flows): population totals by age group, their shares, the old-age dependency ratio, births,
/// deaths, TFR and e0 in use. This list is the single declaration of what is reported.
[[nodiscard]] std::vector<IndicatorSeries> compute_indicators(const ProjectionResult& result);

}  // namespace carecap::demography
