// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <string>

#include <httplib.h>

#include "tools/serve/Workspace.hpp"

namespace carecap::serve {

/// POST /api/validate: checks a scenario's files with the loader of the command line
/// (scenarios/loader load_scenario: the same rules, the same messages). The body is JSON:
///   {"scenario": "NAME", "files": {"scenario.toml": "TEXT", "data/facilities.csv": "TEXT"}}
/// "scenario" (optional) names a folder of the workspace whose files the posted ones replace;
/// file names are plain names ending in .toml or .csv, alone or under "data/". The files are
/// written to a new hidden folder beside the scenario folders (so that "../china.toml" reads what
/// it reads from NAME/), loaded from there, and removed. The scenario file is scenario.toml, else
/// the folder's. Answers {"valid": true, "message": {zh, en}} or {"valid": false,
/// "error": {zh, en}} (200); 400 for a body that is not such JSON.
void validate_scenario_files(const Workspace& workspace, const std::string& body, httplib::Response& response);

}  // namespace carecap::serve
