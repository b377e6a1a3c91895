// carecap. SPDX-License-Identifier: MIT
#include "tools/serve/ScenarioValidation.hpp"


#include <fstream>

#include "scenarios/loader/FileCheck.hpp"
#include "scenarios/loader/ScenarioLoader.hpp"
#include "sim/Errors.hpp"
#include "text/Catalogue.hpp"
#include "tools/serve/PlainName.hpp"
#include "tools/serve/ScratchFolder.hpp"
#include "tools/serve/ServeLimits.hpp"
#include "tools/serve/ServerReply.hpp"

namespace carecap::serve {
namespace fs = std::filesystem;
namespace {

/// Whether `file` may name a posted file: PLAIN.toml, PLAIN.csv, or data/ and one of those.
bool is_file_name(std::string file) {
  if (file.rfind("data/", 0) == 0) file.erase(0, 5);
  for (const std::string extension : {".toml", ".csv"})
    if (file.size() > extension.size() && file.compare(file.size() - extension.size(), extension.size(), extension) == 0)
      return is_plain_name(file.substr(0, file.size() - extension.size()));
  return false;
}

/// `words` with the scratch folder's path named as the scenario the client sent.
text::Text as_sent(text::Text words, const fs::path& scratch, const std::string& name, const Workspace& workspace) {
  for (std::string* text : {&words.zh, &words.en})
    for (std::size_t at = text->find(scratch.string()); at != std::string::npos; at = text->find(scratch.string(), at))
      text->replace(at, scratch.string().size(), name);
  return without_workspace(words, workspace);
}

}  // namespace

void validate_scenario_files(const Workspace& workspace, const std::string& body, httplib::Response& response) {
  const nlohmann::json request = nlohmann::json::parse(body, nullptr, false);
  if (request.is_discarded() || !request.is_object() || !request.contains("files") || !request["files"].is_object()) {
    reply_error(response, 400, "serve.reply.bad_validate");
    return;
  }
  std::optional<ScenarioFolder> base;
  if (request.contains("scenario")) {
    const auto& name = request["scenario"];
    if (!name.is_string() || !is_plain_name(name.get<std::string>())) {
      reply_error(response, 400, "serve.reply.bad_name", {{"max", kMaxNameBytes}});
      return;
    }
    base = workspace.find(name.get<std::string>());
    if (!base) {
      reply_error(response, 404, "serve.reply.no_scenario", {{"name", name.get<std::string>()}});
      return;
    }
  }
  for (const auto& [file, text] : request["files"].items())
    if (!is_file_name(file) || !text.is_string()) {
      reply_error(response, 400, "serve.reply.bad_file_name");
      return;
    }

  const ScratchFolder scratch(workspace.root());
  if (base)  // the folder's scenario files and tables, not its results
    for (const auto& entry : fs::recursive_directory_iterator(workspace.folder(base->name))) {
      // Lexically: fs::relative would follow a link out of the folder and name a place outside the scratch one.
      const fs::path relative = entry.path().lexically_relative(workspace.folder(base->name));
      if (entry.is_symlink()) continue;  // a link is never followed: it could lead out of the workspace
      if (entry.is_directory()) fs::create_directories(scratch.path() / relative);
      else if (entry.path().extension() == ".toml" || entry.path().extension() == ".csv")
        fs::copy_file(entry.path(), scratch.path() / relative);
    }
  for (const auto& [file, text] : request["files"].items()) {
    fs::create_directories((scratch.path() / file).parent_path());
    std::ofstream(scratch.path() / file, std::ios::binary) << text.get<std::string>();
  }
  fs::path scenario_file = scratch.path() / "scenario.toml";
  if (!fs::exists(scenario_file) && base) scenario_file = scratch.path() / base->scenario_file.filename();
  const std::string name = base ? base->name : "scenario";
  try {
    const scenarios::ReadConfinement inside(workspace.root());  // a posted file names no file outside it
    const scenarios::Scenario scenario = scenarios::load_scenario(scenario_file.string());
    reply_json(response, 200, {{"valid", true},
                               {"message", both_languages(text::both("serve.reply.valid",
                                                                     {{"name", name}, {"first", scenario.projection.base_year},
                                                                      {"last", scenario.projection.end_year},
                                                                      {"files", scenario.inputs.size()}}))}});
  } catch (const InputError& e) {
    reply_json(response, 200, {{"valid", false}, {"error", both_languages(as_sent({e.zh(), e.what()}, scratch.path(), name, workspace))}});
  }
}

}  // namespace carecap::serve
