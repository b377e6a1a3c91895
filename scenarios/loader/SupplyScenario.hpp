// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <optional>

#include "models/supply/CapacitySettings.hpp"
#include "models/supply/ChildcareSupply.hpp"
#include "models/supply/SupplyParameters.hpp"

namespace carecap::scenarios {

/// Supply, plan and capacity-simulation settings of a scenario ([supply], [capacity] and, when
/// the scenario has childcare supply, [childcare_capacity]).
struct SupplyScenario {
  supply::SupplyParameters supply;
  supply::CapacitySettings capacity;
  std::optional<supply::ChildcareSupply> childcare;  // childcare providers, the plan's childcare projects and rules
};

}  // namespace carecap::scenarios
