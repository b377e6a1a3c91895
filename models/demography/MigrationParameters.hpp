// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <map>
#include <variant>

#include "models/demography/AgeSex.hpp"
#include "models/demography/YearPath.hpp"

namespace carecap::demography {

/// A closed population: no migration.
struct NoMigration {};

/// Net migrants given by sex and single age (age at the end of the year) for every year.
struct MigrantsByYear {
  std::map<int, AgeSexTable> net_migrants;  // year -> persons per year, by sex and age at year end
};

/// A yearly total of net migrants spread over sex and age by a fixed profile.
struct MigrantTotalWithProfile {
  YearPath total;             // net migrants, persons per year (negative = net out-migration)
  AgeSexTable profile{};      // share of the total by sex and age at year end; sums to 1 over both sexes
};

/// Everything the projection needs to know about migration. Migrants of year t are added on
/// 1 January t+1 at their age then.
struct MigrationParameters {
  std::variant<NoMigration, MigrantsByYear, MigrantTotalWithProfile> schedule;
};

/// Net migrants in `year` by sex and age at the end of the year, persons.
[[nodiscard]] AgeSexTable net_migrants_in_year(const MigrationParameters& migration, int year);

}  // namespace carecap::demography
