// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace carecap::demography {

/// Persons of both sexes in ages first_age..last_age (last_age 100 = 100 and over).
struct AgeGroupCount {
  std::string name;        // as the source names it, e.g. "age_60_plus"
  int first_age = 0;       // years
  int last_age = 100;      // years, inclusive
  double persons = 0;      // persons
};

/// What a county knows of its population: a total, some age groups (broad, 5-year, under 3) and
/// perhaps a sex ratio. Validated: groups within the total, nested groups no larger than the
/// groups holding them, disjoint groups that cover the same ages adding up.
struct PopulationGroups {
  double total = 0;                    // persons
  std::vector<AgeGroupCount> groups;   // any ages; overlaps allowed when consistent
  std::optional<double> sex_ratio;     // males per 100 females; none = the standard's
  std::string source;                  // where the figures come from
};

}  // namespace carecap::demography
