// carecap. SPDX-License-Identifier: MIT
#include "tools/serve/RouteScenario.hpp"

#include "tools/serve/PlainName.hpp"
#include "tools/serve/ServeLimits.hpp"
#include "tools/serve/ServerReply.hpp"

namespace carecap::serve {

std::optional<ScenarioFolder> route_scenario(const Workspace& workspace, const httplib::Request& request,
                                             httplib::Response& response) {
  const std::string name = request.matches[1];
  if (!is_plain_name(name)) {
    reply_error(response, 400, "serve.reply.bad_name", {{"max", kMaxNameBytes}});
    return std::nullopt;
  }
  auto found = workspace.find(name);
  if (!found) reply_error(response, 404, "serve.reply.no_scenario", {{"name", name}});
  return found;
}

}  // namespace carecap::serve
