// carecap. SPDX-License-Identifier: MIT
#include "tools/serve/ScenarioServer.hpp"

#include "sim/Errors.hpp"
#include "text/Catalogue.hpp"
#include "tools/serve/CountyRoutes.hpp"
#include "tools/serve/ResultDownloads.hpp"
#include "tools/serve/RouteScenario.hpp"
#include "tools/serve/RunStatusJson.hpp"
#include "tools/serve/ScenarioValidation.hpp"
#include "tools/serve/ServeLimits.hpp"
#include "tools/serve/ServePage.hpp"
#include "tools/serve/ServerReply.hpp"
#include "tools/serve/StudyRoutes.hpp"

namespace carecap::serve {

ScenarioServer::ScenarioServer(const ServeSettings& settings)
    : settings_(settings),
      workspace_(settings.workspace),
      guard_(settings.token, settings.listen.is_loopback()),
      runs_(kMaxConcurrentRuns) {
  http_.set_payload_max_length(kMaxRequestBytes);
  http_.set_pre_routing_handler([this](const httplib::Request& request, httplib::Response& response) {
    return guard_.admits(request, response) ? httplib::Server::HandlerResponse::Unhandled
                                            : httplib::Server::HandlerResponse::Handled;
  });
  http_.set_exception_handler([this](const httplib::Request&, httplib::Response& response, std::exception_ptr error) {
    try {
      std::rethrow_exception(error);
    } catch (const InputError& e) {
      reply_error(response, 422, without_workspace({e.zh(), e.what()}, workspace_));
    } catch (const BilingualError& e) {
      reply_error(response, 500, without_workspace({e.zh(), e.what()}, workspace_));
    } catch (const std::exception& e) {
      reply_error(response, 500, "serve.reply.internal", {{"what", e.what()}});
    }
  });
  http_.set_error_handler([](const httplib::Request&, httplib::Response& response) {
    if (response.body.empty() && response.status == 413)
      reply_error(response, 413, "serve.reply.too_large", {{"mib", kMaxRequestBytes >> 20}});
    else if (response.body.empty() && response.status == 404)
      reply_error(response, 404, "serve.reply.not_found");
    else if (response.body.empty())  // cpp-httplib's own refusals: a malformed request, a POST without Content-Length
      reply_error(response, response.status, "serve.reply.bad_request", {{"status", response.status}});
  });
  add_routes();
}

ScenarioServer::~ScenarioServer() { stop(); }

int ScenarioServer::bind() {
  const int port = settings_.listen.port == 0 ? http_.bind_to_any_port(settings_.listen.host)
                                              : (http_.bind_to_port(settings_.listen.host, settings_.listen.port)
                                                     ? settings_.listen.port : -1);
  if (port < 0)
    throw RuntimeFault(text::both("errors.serve.bind", {{"host", settings_.listen.host},
                                                        {"port", settings_.listen.port}}));
  return port;
}

void ScenarioServer::listen() { http_.listen_after_bind(); }

void ScenarioServer::stop() { http_.stop(); }

void ScenarioServer::add_routes() {
  add_study_routes(http_, workspace_, runs_);
  add_county_routes(http_, workspace_);  // /api/county/* and /api/scenarios/NAME/form  // first: .../status and .../report below would take "NAME/study/..."
  const auto scenario_of = [this](const httplib::Request& request, httplib::Response& response) {
    return route_scenario(workspace_, request, response);
  };

  http_.Get("/", [](const httplib::Request&, httplib::Response& response) { serve_page(response); });
  http_.Get(R"(/(page|county_form|scenario_view)\.js)", [](const httplib::Request& request, httplib::Response& response) {
    (void)serve_page_script(request.matches[1].str() + ".js", response);
  });
  http_.Get("/page.css", [](const httplib::Request&, httplib::Response& response) { serve_page_style(response); });

  http_.Get("/api/scenarios", [this](const httplib::Request&, httplib::Response& response) {
    nlohmann::json list = nlohmann::json::array();
    for (const ScenarioFolder& folder : workspace_.scenarios())
      list.push_back({{"name", folder.name}, {"has_results", folder.has_results}, {"results_time", folder.results_time},
                      {"has_study", folder.has_study}, {"made_by_form", folder.made_by_form}, {"run", run_status_json(runs_.status(folder.name), workspace_)}});
    reply_json(response, 200, {{"scenarios", list}});
  });

  http_.Post(R"(/api/scenarios/(.+)/run)", [this, scenario_of](const httplib::Request& request, httplib::Response& response) {
    const auto folder = scenario_of(request, response);
    if (!folder) return;
    tools::RunRequest run;
    run.scenario_path = folder->scenario_file.string();
    run.output_path = workspace_.results_file(folder->name).string();
    run.force = true;  // a new run replaces the folder's results
    switch (runs_.submit(folder->name, workspace_.folder(folder->name).string(), run)) {
      case Submitted::queued: reply_json(response, 202, {{"name", folder->name}, {"state", "queued"}}); break;
      case Submitted::busy: reply_error(response, 409, "serve.reply.busy", {{"name", folder->name}}); break;
      case Submitted::queue_full: reply_error(response, 503, "serve.reply.queue_full", {{"count", kMaxQueuedRuns}}); break;
    }
  });

  http_.Get(R"(/api/scenarios/(.+)/status)", [this, scenario_of](const httplib::Request& request, httplib::Response& response) {
    if (const auto folder = scenario_of(request, response)) {
      nlohmann::json body = run_status_json(runs_.status(folder->name), workspace_);
      body["name"] = folder->name;
      body["has_results"] = folder->has_results;
      reply_json(response, 200, body);
    }
  });

  http_.Get(R"(/api/scenarios/(.+)/report)", [this, scenario_of](const httplib::Request& request, httplib::Response& response) {
    if (const auto folder = scenario_of(request, response)) serve_report(workspace_, *folder, request, response);
  });
  http_.Get(R"(/api/scenarios/(.+)/results\.h5)", [this, scenario_of](const httplib::Request& request, httplib::Response& response) {
    if (const auto folder = scenario_of(request, response)) serve_results_file(workspace_, *folder, response);
  });
  http_.Get(R"(/api/scenarios/(.+)/workbook\.xlsx)", [this, scenario_of](const httplib::Request& request, httplib::Response& response) {
    if (const auto folder = scenario_of(request, response)) serve_workbook(workspace_, *folder, request, response);
  });

  http_.Post("/api/validate", [this](const httplib::Request& request, httplib::Response& response) {
    validate_scenario_files(workspace_, request.body, response);
  });
}

}  // namespace carecap::serve
