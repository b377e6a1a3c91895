// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <string>

#include "models/demography/AgeSex.hpp"

namespace carecap::tools {

/// A base population as `carecap synth-pop` writes it (the [population] base_file format):
/// "age,male,female", one line per single age 0..100+, persons with six decimals.
[[nodiscard]] std::string population_csv(const demography::AgeSexTable& population);

}  // namespace carecap::tools
