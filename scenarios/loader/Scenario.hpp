// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <string>
#include <vector>

#include <optional>

#include "models/demand/DemandParameters.hpp"
#include "models/demography/Calibration.hpp"
#include "models/demography/ProjectionParameters.hpp"
#include "models/money/MoneyParameters.hpp"
#include "models/plan/PlanStatement.hpp"
#include "models/planning/OptimiseSettings.hpp"
#include "models/planning/ServiceLevel.hpp"
#include "models/workforce/WorkforceSettings.hpp"
#include "scenarios/loader/ScenarioLabels.hpp"
#include "scenarios/loader/SupplyScenario.hpp"

namespace carecap::scenarios {

/// A file a scenario read, with its SHA-256 (recorded in the output for provenance).
struct InputFile {
  std::string path;
  std::string sha256;
};

/// A scenario after validation: everything a run needs, nothing left to check.
struct Scenario {
  std::string path;                             // the scenario file given by the user
  std::string name;                             // scenario.name
  std::string description;                      // scenario.description
  ScenarioLabels labels;                        // names of the place, its towns and facilities (reports and outputs only)
  demography::ProjectionParameters projection;  // validated demography inputs
  demography::RunSettings run;                  // mode, replications, seed
  std::optional<demand::DemandParameters> demand;  // care demand, when the scenario has [care_need]
  std::optional<SupplyScenario> supply;            // supply, plan and capacity simulation, when it has [supply]
  std::optional<plan::PlanStatement> plan;       // the published plan's own figures, when it has [plan_facts]
  std::optional<demography::CalibrationTargets> calibration;  // observed figures for `carecap calibrate`, when it has [calibration]
  std::optional<planning::ServiceLevel> service_level;        // the service the capacity must give (`carecap optimise`), when it has [service_level]
  std::optional<planning::OptimiseSettings> optimise;         // what `carecap optimise` may choose from and its costs, when it has [optimise]
  std::optional<workforce::WorkforceSettings> workforce;      // the care-worker supply, when [workforce] states it (needs [supply])
  std::optional<money::MoneyParameters> money;                // costs, subsidies, who pays, insurance, when it has [money] (needs [supply])
  std::vector<InputFile> inputs;                // scenario files, then every table read
  std::string text;                             // text of the scenario file and its bases
};

}  // namespace carecap::scenarios
