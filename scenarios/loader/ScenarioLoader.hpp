// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <string>
#include <vector>

#include "scenarios/loader/Scenario.hpp"
#include "scenarios/loader/ScenarioDocument.hpp"
#include "scenarios/loader/TableCache.hpp"

namespace carecap::scenarios {

/// Latest calendar year a projection may reach.
inline constexpr int kLatestYear = 2100;

/// The sections and keys a scenario file may hold (documented in scenarios/README.md).
[[nodiscard]] const std::vector<SectionSchema>& scenario_schema();

/// Reads and validates a scenario file, its bases and every table it names. Throws InputError
/// with a one-line message naming the file and the line or key on the first problem found.
/// `overlays` change the scenario after its files (a study's variant, a sweep's sample), through
/// the same checks. With a `cache`, tables that an earlier load with the same cache read (the
/// base population, the ASFR, death-rate and migrant tables by year) are taken from it.
[[nodiscard]] Scenario load_scenario(const std::string& path, const std::vector<ScenarioOverlay>& overlays = {},
                                     TableCache* cache = nullptr);

/// Sets how many replications a run of the scenario makes: the projection's for a stochastic
/// projection, else (deterministic, with [supply]) the capacity simulation's.
void set_replications(Scenario& scenario, int replications);

}  // namespace carecap::scenarios
