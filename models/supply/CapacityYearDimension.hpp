// carecap. SPDX-License-Identifier: MIT
#pragma once
#include "models/ResultSeries.hpp"

namespace carecap::supply {

/// The `capacity_year` dimension of the capacity and childcare groups: the simulated calendar
/// years first_year..last_year.
[[nodiscard]] inline ResultDimension capacity_year_dimension(int first_year, int last_year) {
  std::vector<int> years;
  for (int y = first_year; y <= last_year; ++y) years.push_back(y);
  return {"capacity_year", years, {}, "calendar year", "simulated calendar year (flows over the year, levels time-averaged)"};
}

}  // namespace carecap::supply
