// carecap. SPDX-License-Identifier: MIT
// The province bed model of the capacity benchmarks (bench/CapacityBench.cpp, bench/CapacityScaling.cpp):
// 3 bed types x 10 regions = 30 independent pools, each with its own Poisson arrivals at an offered
// load equal to its beds (mean stay 2.5 years, exponential), an unlimited waiting list with
// exponential patience (0.5 years), from empty on 1 January 2024. The reference loop
// (bench/ReferenceLoop.hpp) is the same model written apart.
#pragma once
#include <string>
#include <vector>

#include "models/supply/CapacityParameters.hpp"

namespace carecap::bench {

inline constexpr int kProvinceRegions = 10;
inline constexpr double kProvinceMeanStay = 2.5;  // years

/// `beds` beds in all (split evenly over the 30 pools), `years` years from 2024.
inline supply::CapacityModel province(int years, std::int64_t beds = 300000) {
  const std::int64_t per_pool = beds / (3 * kProvinceRegions);
  supply::CapacityModel m;
  m.first_year = 2024;
  m.last_year = 2024 + years - 1;
  for (int r = 0; r < kProvinceRegions; ++r) m.regions.push_back("region " + std::to_string(r));
  for (int bed = 0; bed < 3; ++bed)
    for (int r = 0; r < kProvinceRegions; ++r) {
      m.capacity.push_back({2024.0, bed, r, per_pool});
      m.arrivals.push_back({bed, r, std::vector<double>(static_cast<std::size_t>(years), static_cast<double>(per_pool) / kProvinceMeanStay)});
    }
  // Each demand type takes only its own bed type, in its own region: 30 independent pools.
  m.acceptable_beds = {std::vector<int>{0}, std::vector<int>{1}, std::vector<int>{2}};
  m.admit_in_other_regions = false;
  for (auto& s : m.stay) s.mean_years = kProvinceMeanStay;
  m.mean_patience_years = 0.5;
  return m;
}

}  // namespace carecap::bench
