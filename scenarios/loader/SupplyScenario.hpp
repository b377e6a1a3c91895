// carecap. SPDX-License-Identifier: MIT
#pragma once
#include "models/supply/CapacitySettings.hpp"
#include "models/supply/SupplyParameters.hpp"

namespace carecap::scenarios {

/// Supply, plan and capacity-simulation settings of a scenario ([supply] and [capacity]).
struct SupplyScenario {
  supply::SupplyParameters supply;
  supply::CapacitySettings capacity;
};

}  // namespace carecap::scenarios
