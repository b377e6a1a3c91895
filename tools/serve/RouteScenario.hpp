// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <httplib.h>

#include <optional>

#include "tools/serve/Workspace.hpp"

namespace carecap::serve {

/// The scenario a route's first capture (request.matches[1]) names, or the refusal already in
/// `response`: 400 for a name that is not plain (PlainName), 404 for no such scenario.
[[nodiscard]] std::optional<ScenarioFolder> route_scenario(const Workspace& workspace, const httplib::Request& request,
                                                           httplib::Response& response);

}  // namespace carecap::serve
