// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <string>

#include "text/Lang.hpp"

namespace carecap::tools {

/// `carecap calibrate`: fits the scenario's fertility level to its [calibration] births (or crude
/// birth rate) and its migration level to its [calibration] population, and prints the values
/// found, the model's figures with them and the scenario lines that hold them. When the scenario
/// states the use of its base-year beds (observed residents or capacity.initial_occupancy), it also
/// prints the care-use factors the run calibrates to that use, by bed type, and the residents
/// against the national default. Throws InputError when the scenario has neither a [calibration]
/// section nor stated use, or a target cannot be reached. Prints in `lang`.
void calibrate_command(const std::string& scenario_path, text::Lang lang);

}  // namespace carecap::tools
