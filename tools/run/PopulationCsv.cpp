// carecap. SPDX-License-Identifier: MIT
#include "tools/run/PopulationCsv.hpp"

#include <cstdio>

namespace carecap::tools {

std::string population_csv(const demography::AgeSexTable& population) {
  std::string csv = "age,male,female\n";
  for (int a = 0; a < demography::kAgeCount; ++a) {
    char line[96];
    std::snprintf(line, sizeof line, "%d,%.6f,%.6f\n", a, population[demography::Sex::male][static_cast<std::size_t>(a)],
                  population[demography::Sex::female][static_cast<std::size_t>(a)]);
    csv += line;
  }
  return csv;
}

}  // namespace carecap::tools
