// carecap. SPDX-License-Identifier: MIT
#include "scenarios/loader/TomlFile.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "scenarios/loader/FileCheck.hpp"
#include "scenarios/loader/MessageWords.hpp"
#include "sim/Errors.hpp"

namespace carecap::scenarios {

TomlFile read_toml_file(const std::string& path, const text::Text& kind) {
  if (const FileProblem problem = file_problem(path); problem.missing)
    throw InputError(text::both("errors.file.cannot_open", {{"path", text::same(path)}, {"kind", kind}}));
  else if (problem)
    throw InputError(text::both("errors.file.not_usable", {{"path", text::same(path)}, {"kind", kind}, {"problem", problem.words}}));
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  TomlFile file{path, buffer.str(), nullptr};
  try {
    file.table = std::make_shared<const toml::table>(toml::parse(file.text, path));
  } catch (const toml::parse_error& error) {
    throw InputError(text::both("errors.malformed_toml", {{"where", path + ":" + std::to_string(error.source().begin.line) + ": "},
                                                          {"reason", std::string(error.description())}}));
  }
  return file;
}

void check_keys(const toml::table& table, const std::set<std::string>& allowed, const std::string& file,
                const std::string& prefix) {
  for (auto&& [name, node] : table) {
    const std::string key(name.str());
    if (allowed.count(key)) continue;
    std::string expected;
    for (const auto& a : allowed) expected += (expected.empty() ? "" : ", ") + a;
    throw InputError(text::both("errors.unknown_key", {{"where", file + ":" + std::to_string(node.source().begin.line) + ": " +
                                                                     prefix + key + ": "},
                                                       {"known", expected}}));
  }
}

std::optional<ScenarioValue> find_value(const toml::table& table, const std::string& key, const std::string& file,
                                        const std::string& prefix) {
  const toml::node* node = table.get(key);
  if (!node) return std::nullopt;
  return ScenarioValue(node, prefix + key, file);
}

ScenarioValue require_value(const toml::table& table, const std::string& key, const std::string& file,
                            const std::string& prefix) {
  if (auto value = find_value(table, key, file, prefix)) return *value;
  throw InputError(text::both("errors.missing_key", {{"where", file + ": " + prefix + key + ": "}}));
}

}  // namespace carecap::scenarios
