// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <array>

#include "models/demography/AgeSex.hpp"

namespace carecap::demography {

/// What happened in one calendar year t of a projection (1 Jan t -> 1 Jan t+1).
/// All counts are persons; births, deaths and migrants are flows within the year.
struct YearRecord {
  int year = 0;
  const AgeSexTable* population_start = nullptr;  // 1 January t, by sex and age
  const AgeSexTable* population_end = nullptr;    // 1 January t+1, after migrants
  AgeSexTable births{};        // by sex of the child and single age of the mother
  AgeSexTable deaths{};        // by sex and the age the person would have had on 1 January t+1
  AgeSexTable net_migrants{};  // applied, by sex and age on 1 January t+1
  double total_fertility = 0;  // TFR in use, children per woman
  std::array<double, kSexCount> e0{};  // life expectancy at birth in use, years
};

/// The one way results leave a projection: the projection calls record_year once per year,
/// in order. Implementations collect, summarise or forward; the projection never writes files.
class ProjectionMonitor {
public:
  virtual ~ProjectionMonitor() = default;
  virtual void record_year(const YearRecord& record) = 0;
};

}  // namespace carecap::demography
