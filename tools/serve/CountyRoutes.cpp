// carecap. SPDX-License-Identifier: MIT
#include "tools/serve/CountyRoutes.hpp"

#include <fstream>
#include <sstream>

#include "output/OutputLock.hpp"
#include "scenarios/loader/FileCheck.hpp"
#include "sim/Errors.hpp"
#include "text/TextArg.hpp"
#include "tools/serve/CountyCheck.hpp"
#include "tools/serve/CountyForm.hpp"
#include "tools/serve/CountySchema.hpp"
#include "tools/serve/GridPaste.hpp"
#include "tools/serve/PlainName.hpp"
#include "tools/serve/RouteScenario.hpp"
#include "tools/serve/ScratchFolder.hpp"
#include "tools/serve/ServeLimits.hpp"
#include "tools/serve/ServerReply.hpp"

namespace carecap::serve {
namespace fs = std::filesystem;
namespace {

/// The form of a request, or the 400 reply when the body is not one.
std::optional<CountyForm> form_of(const httplib::Request& request, httplib::Response& response) {
  try {
    return read_county_form(request.body);
  } catch (const InputError& e) {
    reply_error(response, 400, {e.zh(), e.what()});
    return std::nullopt;
  }
}

/// The form checked in a scratch folder of the workspace (kept by the caller to save it).
CountyCheck checked(const CountyForm& form, const ScratchFolder& scratch) {
  if (!is_plain_name(form.name) && !form.name.empty()) {
    CountyCheck refused;
    refused.found = nlohmann::json::object();
    refused.problems.push_back({FormPlace::at_field("name"), text::both("serve.reply.bad_name", {{"max", text::same(std::to_string(kMaxNameBytes))}})});
    return refused;
  }
  // A county folder is self-contained: what it reads is inside it, whatever the form holds.
  const scenarios::ReadConfinement inside(scratch.path());
  return write_county_folder(form, scratch.path());
}

void save(Workspace& workspace, const httplib::Request& request, httplib::Response& response) {
  const auto form = form_of(request, response);
  if (!form) return;
  if (!is_plain_name(form->name)) {
    reply_error(response, 400, "serve.reply.bad_name", {{"max", kMaxNameBytes}});
    return;
  }
  const fs::path folder = workspace.folder(form->name);
  std::optional<output::OutputLock> lock;  // the folder's, as a run holds it (RunQueue): no save over a run or a save
  try {
    lock.emplace(folder.string());
  } catch (const InputError& e) {
    reply_error(response, 409, text::both("serve.county.error.locked",
                                          {{"name", text::same(form->name)},
                                           {"error", without_workspace({e.zh(), e.what()}, workspace)}}));
    return;
  }
  std::error_code error;
  const bool exists = fs::exists(folder, error);
  if (exists && !form->replace) {
    reply_error(response, 409, "serve.county.error.exists", {{"name", form->name}});
    return;
  }
  ScratchFolder scratch(workspace.root(), "county");
  const CountyCheck check = checked(*form, scratch);
  if (!check.valid()) {
    reply_json(response, 422, check.json());
    return;
  }
  // The whole folder appears at once: the new one is renamed into place, the old one (if
  // replaced) renamed away first and removed after.
  std::optional<ScratchFolder> old;
  if (exists) {
    old.emplace(workspace.root(), "replaced");
    fs::remove(old->path());
    fs::rename(folder, old->path());
  }
  fs::rename(scratch.path(), folder);
  scratch.keep();
  reply_json(response, 201, {{"name", form->name}, {"found", check.found}});
}

}  // namespace

void add_county_routes(httplib::Server& http, Workspace& workspace) {
  http.Get("/api/county/schema", [](const httplib::Request&, httplib::Response& response) {
    reply_json(response, 200, county_schema_json());
  });

  http.Post("/api/county/paste", [](const httplib::Request& request, httplib::Response& response) {
    const nlohmann::json body = nlohmann::json::parse(request.body, nullptr, false);
    if (body.is_discarded() || !body.is_object() || !body.contains("grid") || !body["grid"].is_string() ||
        !body.contains("text") || !body["text"].is_string()) {
      reply_error(response, 400, "serve.county.error.body");
      return;
    }
    try {
      reply_json(response, 200, {{"rows", paste_grid(body["grid"].get<std::string>(), body["text"].get<std::string>())}});
    } catch (const InputError& e) {
      reply_error(response, 422, {e.zh(), e.what()});
    }
  });

  http.Post("/api/county/check", [&workspace](const httplib::Request& request, httplib::Response& response) {
    const auto form = form_of(request, response);
    if (!form) return;
    const ScratchFolder scratch(workspace.root(), "county");
    reply_json(response, 200, checked(*form, scratch).json());
  });

  http.Post("/api/county/save", [&workspace](const httplib::Request& request, httplib::Response& response) {
    save(workspace, request, response);
  });

  http.Get(R"(/api/scenarios/(.+)/form)", [&workspace](const httplib::Request& request, httplib::Response& response) {
    const auto folder = route_scenario(workspace, request, response);
    if (!folder) return;
    if (!folder->made_by_form) {
      reply_error(response, 404, "serve.county.error.no_form", {{"name", folder->name}});
      return;
    }
    std::ifstream in(workspace.folder(folder->name) / "form.json", std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    response.status = 200;
    response.set_content(content.str(), "application/json; charset=utf-8");
    response.set_header("Cache-Control", "no-store");
  });
}

}  // namespace carecap::serve
