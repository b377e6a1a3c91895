// carecap. SPDX-License-Identifier: MIT
#include "models/demography/ProjectionRecorder.hpp"

namespace carecap::demography {

void ProjectionRecorder::record_year(const YearRecord& record) {
  if (result_.population_jan1.empty()) {
    result_.base_year = record.year;
    result_.population_jan1.push_back(*record.population_start);
  }
  result_.population_jan1.push_back(*record.population_end);
  AgeSexTable mid_year;
  for (Sex s : kSexes)
    for (int a = 0; a < kAgeCount; ++a)
      mid_year[s][a] = 0.5 * ((*record.population_start)[s][a] + (*record.population_end)[s][a]);
  result_.population_jul1.push_back(mid_year);
  result_.births.push_back(record.births);
  result_.deaths.push_back(record.deaths);
  result_.net_migrants.push_back(record.net_migrants);
  result_.total_fertility.push_back(record.total_fertility);
  result_.e0.push_back(record.e0);
}

}  // namespace carecap::demography
