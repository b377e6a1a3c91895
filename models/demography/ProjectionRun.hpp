// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <vector>

#include "models/demography/ProjectionParameters.hpp"
#include "models/demography/ProjectionResult.hpp"

namespace carecap::demography {

/// Runs a projection as the settings say: one deterministic path, or `replications` stochastic
/// ones on up to `threads` threads (0 = OpenMP default). Result r is replication r, whatever the
/// thread count.
[[nodiscard]] std::vector<ProjectionResult> run_projection(const ProjectionParameters& parameters,
                                                           const RunSettings& settings, int threads);

}  // namespace carecap::demography
