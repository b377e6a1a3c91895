// carecap. SPDX-License-Identifier: MIT
#include "tools/serve/StudyRoutes.hpp"

#include <utility>

#include "tools/report/HtmlReport.hpp"
#include "tools/report/ReportBuilder.hpp"
#include "tools/serve/FolderZip.hpp"
#include "tools/serve/PlanVariants.hpp"
#include "tools/serve/ResultDownloads.hpp"
#include "tools/serve/RouteScenario.hpp"
#include "tools/serve/RunStatusJson.hpp"
#include "tools/serve/ServeLimits.hpp"
#include "tools/serve/ServerReply.hpp"

namespace carecap::serve {
namespace {

bool has_study(const ScenarioFolder& folder, httplib::Response& response) {
  if (!folder.has_study) reply_error(response, 404, "serve.study.no_study", {{"name", folder.name}});
  return folder.has_study;
}

}  // namespace

void add_study_routes(httplib::Server& http, const Workspace& workspace, RunQueue& runs) {
  http.Get(R"(/api/scenarios/(.+)/folder\.zip)", [&workspace = workspace](const httplib::Request& request, httplib::Response& response) {
    if (const auto folder = route_scenario(workspace, request, response)) serve_folder_zip(workspace, *folder, response);
  });

  http.Post(R"(/api/scenarios/(.+)/variants)", [&workspace = workspace, &runs = runs](const httplib::Request& request, httplib::Response& response) {
    const auto folder = route_scenario(workspace, request, response);
    if (!folder) return;
    // Checked once, here (422 in both languages); written under the folder's lock by submit.
    const PlanVariants variants(folder->name, folder->scenario_file, request.body);
    tools::StudyRequest study;
    study.study_path = workspace.variants_file(folder->name).string();
    study.output_path = workspace.study_file(folder->name).string();
    study.force = true;  // a new study replaces the folder's last one
    const auto write = [&] { variants.write(workspace.variants_file(folder->name)); };
    switch (runs.submit(folder->name, workspace.folder(folder->name).string(), study, write)) {
      case Submitted::queued: reply_json(response, 202, {{"name", folder->name}, {"state", "queued"}}); break;
      case Submitted::busy: reply_error(response, 409, "serve.reply.busy", {{"name", folder->name}}); break;
      case Submitted::queue_full: reply_error(response, 503, "serve.reply.queue_full", {{"count", kMaxQueuedRuns}}); break;
    }
  });

  http.Get(R"(/api/scenarios/(.+)/study/status)", [&workspace = workspace, &runs = runs](const httplib::Request& request, httplib::Response& response) {
    const auto folder = route_scenario(workspace, request, response);
    if (!folder) return;
    const std::optional<RunStatus> status = runs.status(folder->name, JobKind::study);
    nlohmann::json body = run_status_json(status, workspace);
    body["name"] = folder->name;
    body["has_study"] = folder->has_study;
    reply_json(response, 200, body);
  });

  http.Get(R"(/api/scenarios/(.+)/study/report)", [&workspace = workspace](const httplib::Request& request, httplib::Response& response) {
    const auto folder = route_scenario(workspace, request, response);
    if (!folder || !has_study(*folder, response)) return;
    const std::string lang = request.has_param("lang") && request.get_param_value("lang") == "en" ? "en" : "zh";
    const report::ReportContent content = workspace_report(workspace, workspace.study_file(folder->name));
    response.set_content(report::html_report(content, lang), "text/html; charset=utf-8");
    response.set_header("Cache-Control", "no-store");
  });

  http.Get(R"(/api/scenarios/(.+)/study\.h5)", [&workspace = workspace](const httplib::Request& request, httplib::Response& response) {
    const auto folder = route_scenario(workspace, request, response);
    if (folder && has_study(*folder, response))
      send_file(workspace.study_file(folder->name), folder->name + "_study.h5", "application/x-hdf5", response);
  });
}

}  // namespace carecap::serve
