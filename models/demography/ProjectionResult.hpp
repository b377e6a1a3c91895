// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <array>
#include <vector>

#include "models/demography/AgeSex.hpp"

namespace carecap::demography {

/// The full record of one projection (one replication), years base_year..end_year.
struct ProjectionResult {
  int base_year = 0;                             // first calendar year projected
  std::vector<AgeSexTable> population_jan1;      // n_ persons on 1 Jan, base_year..end_year+1
  std::vector<AgeSexTable> population_jul1;      // n_ persons on 1 Jul, mean of the two 1 Januarys
  std::vector<AgeSexTable> births;               // new_ births in the year, by child sex x mother age
  std::vector<AgeSexTable> deaths;               // new_ deaths in the year, by sex x age on 1 Jan next
  std::vector<AgeSexTable> net_migrants;         // new_ net migrants in the year, by sex x age at year end
  std::vector<double> total_fertility;           // TFR in use, children per woman
  std::vector<std::array<double, kSexCount>> e0; // life expectancy at birth in use, years

  [[nodiscard]] int year_count() const { return static_cast<int>(births.size()); }
  [[nodiscard]] int end_year() const { return base_year + year_count() - 1; }
};

}  // namespace carecap::demography
