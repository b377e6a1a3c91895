// carecap. SPDX-License-Identifier: MIT
#pragma once
#include "models/demand/CareSettingParameters.hpp"
#include "models/demand/ChildcareParameters.hpp"
#include "models/demand/ElderCareParameters.hpp"

namespace carecap::demand {

/// Everything that turns projected cohorts into demand for care.
struct DemandParameters {
  ElderCareParameters elder_care;      // care-need states of elders
  CareSettingParameters care_setting;  // where elders seek care
  WorkforceParameters workforce;       // care workers per resident
  ChildcareParameters childcare;       // childcare places for under-3s
};

}  // namespace carecap::demand
