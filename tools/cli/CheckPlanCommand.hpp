// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <string>

#include "text/Lang.hpp"

namespace carecap::tools {

/// `carecap check-plan`: runs the scenario (no results file) and prints the plan check: the
/// plan's base-year facts against the model's base, its forecasts against the projection, its
/// targets against the scenario's supply and against each other. Throws InputError when the
/// scenario has no [plan_facts] section or is bad input. Prints in `lang`.
void check_plan_command(const std::string& scenario_path, int threads, text::Lang lang);

}  // namespace carecap::tools
