// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <string>

namespace carecap::tools {

/// `carecap calibrate`: fits the scenario's fertility level to its [calibration] births (or crude
/// birth rate) and its migration level to its [calibration] population, and prints the values
/// found, the model's figures with them and the scenario lines that hold them. Throws InputError
/// when the scenario has no [calibration] section or a target cannot be reached.
void calibrate_command(const std::string& scenario_path);

}  // namespace carecap::tools
