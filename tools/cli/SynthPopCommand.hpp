// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <string>

#include "text/Lang.hpp"

namespace carecap::tools {

/// `carecap synth-pop GROUPS.toml -o POPULATION.csv`: makes a single-age, two-sex base
/// population (CSV age,male,female, the form of population.base_file) from a county's total and
/// groups (scenarios/loader/PopulationGroupsLoader.hpp), writes it whole or not at all, and prints
/// each given figure next to the result's, in `lang`. Throws InputError for bad input.
void synth_pop_command(const std::string& groups_path, const std::string& output_path, bool force, text::Lang lang);

}  // namespace carecap::tools
