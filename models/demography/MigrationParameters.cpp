// carecap. SPDX-License-Identifier: MIT
#include "models/demography/MigrationParameters.hpp"

namespace carecap::demography {

AgeSexTable net_migrants_in_year(const MigrationParameters& migration, int year) {
  if (std::holds_alternative<NoMigration>(migration.schedule)) return AgeSexTable{};
  if (const auto* by_year = std::get_if<MigrantsByYear>(&migration.schedule)) return by_year->net_migrants.at(year);
  const auto& spread = std::get<MigrantTotalWithProfile>(migration.schedule);
  const double total = spread.total.at(year);
  AgeSexTable out;
  for (Sex s : kSexes)
    for (int a = 0; a < kAgeCount; ++a) out[s][a] = total * spread.profile[s][a];
  return out;
}

}  // namespace carecap::demography
