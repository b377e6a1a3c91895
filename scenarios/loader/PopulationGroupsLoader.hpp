// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <string>

#include "models/demography/AgeSex.hpp"
#include "models/demography/PopulationGroups.hpp"

namespace carecap::scenarios {

/// A base-population description (`carecap synth-pop`): [population_groups] with the total,
/// broad groups as persons or shares of the total, an under-3 count, a sex ratio, optional
/// 5-year groups (CSV first_age,last_age,persons) and the standard population (CSV age,male,female).
struct PopulationGroupsFile {
  demography::PopulationGroups groups;
  demography::AgeSexTable standard;  // persons by sex and age
  std::string standard_path;
  std::string path;
};

/// Reads and checks the file: every count within the total, a share within 0..1, nested groups
/// no larger than their parents (0-2 within 0-14, 65+ within 60+, 80+ within 65+), broad groups
/// covering all ages adding up to the total, 5-year groups disjoint. Throws InputError naming
/// the file and line or key and what was expected.
[[nodiscard]] PopulationGroupsFile read_population_groups(const std::string& path);

}  // namespace carecap::scenarios
