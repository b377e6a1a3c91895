// carecap. SPDX-License-Identifier: MIT
#include "tools/serve/Workspace.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <ctime>
#include <system_error>

#include "sim/Errors.hpp"
#include "text/Catalogue.hpp"
#include "tools/serve/PlainName.hpp"

namespace carecap::serve {
namespace fs = std::filesystem;
namespace {

/// A file's modification time as "YYYY-MM-DDTHH:MM:SSZ"; "" when it cannot be read.
std::string modified_utc(const fs::path& file) {
  struct stat info {};
  if (::stat(file.c_str(), &info) != 0) return "";
  std::tm utc{};
  ::gmtime_r(&info.st_mtime, &utc);
  char text[32];
  return std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc) ? text : "";
}

}  // namespace

Workspace::Workspace(const fs::path& root) {
  std::error_code error;
  root_ = fs::absolute(root, error);
  if (error || !fs::is_directory(root_, error))
    throw InputError(text::both("errors.serve.workspace", {{"path", root.string()}}));
}

fs::path Workspace::folder(const std::string& name) const { return root_ / name; }
fs::path Workspace::results_file(const std::string& name) const { return folder(name) / "results.h5"; }
fs::path Workspace::workbook_file(const std::string& name) const { return folder(name) / "workbook.xlsx"; }
fs::path Workspace::variants_file(const std::string& name) const { return folder(name) / "variants.toml"; }
fs::path Workspace::study_file(const std::string& name) const { return folder(name) / "study.h5"; }

std::optional<ScenarioFolder> Workspace::find(const std::string& name) const {
  if (!is_plain_name(name)) return std::nullopt;
  std::error_code error;
  const fs::path dir = folder(name);
  if (!fs::is_directory(dir, error)) return std::nullopt;
  ScenarioFolder found{};  // each field at its default until found
  found.name = name;
  for (const fs::path& candidate : {dir / "scenario.toml", dir / (name + ".toml")})
    if (fs::is_regular_file(candidate, error)) {
      found.scenario_file = candidate;
      break;
    }
  if (found.scenario_file.empty()) return std::nullopt;
  found.has_results = fs::is_regular_file(results_file(name), error);
  if (found.has_results) found.results_time = modified_utc(results_file(name));
  found.has_study = fs::is_regular_file(study_file(name), error);
  found.made_by_form = fs::is_regular_file(dir / "form.json", error);
  return found;
}

std::vector<ScenarioFolder> Workspace::scenarios() const {
  std::vector<ScenarioFolder> found;
  std::error_code error;
  for (fs::directory_iterator it(root_, error), end; !error && it != end; it.increment(error))
    if (auto folder = find(it->path().filename().string())) found.push_back(std::move(*folder));
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  return found;
}

}  // namespace carecap::serve

namespace carecap::serve {

text::Text without_workspace(const text::Text& words, const Workspace& workspace) {
  const std::string root = workspace.root().string() + "/";
  const auto strip = [&](std::string text) {
    for (std::size_t at = text.find(root); at != std::string::npos; at = text.find(root, at)) text.erase(at, root.size());
    return text;
  };
  return {strip(words.zh), strip(words.en)};
}

}  // namespace carecap::serve
