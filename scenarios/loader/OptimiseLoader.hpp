// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "models/planning/OptimiseSettings.hpp"
#include "scenarios/loader/ScenarioDocument.hpp"

namespace carecap::scenarios {

/// Reads [optimise] (scenarios/README.md; docs/optimise.md): the discount rate, an optional yearly
/// budget, the listed projects' start window, the generic build and conversion options (offered in
/// each of `build_regions`, names of `regions`), an optional nursing-share standard, the
/// verification seed (must differ from `run_seed`: fresh random numbers) and rounds. Nothing when
/// the section is absent. Throws InputError naming the file, line and key.
[[nodiscard]] std::optional<planning::OptimiseSettings> read_optimise(const ScenarioDocument& doc,
                                                                      const std::vector<std::string>& regions,
                                                                      std::uint64_t run_seed);

/// The keys of [optimise] (part of the scenario schema).
[[nodiscard]] SectionSchema optimise_schema();

}  // namespace carecap::scenarios
