// carecap. SPDX-License-Identifier: MIT
#include "scenarios/loader/ScenarioDocument.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "scenarios/loader/FileCheck.hpp"
#include "scenarios/loader/MessageWords.hpp"
#include "sim/Errors.hpp"

namespace carecap::scenarios {
namespace fs = std::filesystem;
namespace {

std::string join(const std::set<std::string>& keys) {
  std::string out;
  for (const auto& k : keys) out += (out.empty() ? "" : ", ") + k;
  return out;
}

/// Checks every key of `table` (read from `path`) against the schema before anything is used.
/// `base` is allowed only in scenario files, not in overlays.
void check_schema(const toml::table& table, const std::string& path, const std::vector<SectionSchema>& schema,
                  bool base_allowed) {
  std::set<std::string> known_sections;
  if (base_allowed) known_sections.insert("base");
  for (const auto& s : schema) known_sections.insert(s.name);
  for (auto&& [name, node] : table) {
    const std::string key(name.str());
    if (key == "base" && base_allowed) {
      if (!node.is_string())
        throw InputError(expected_got(line_of(node.source(), path) + "base: ", text::both("errors.expect.file_name_string"),
                                      describe(node)));
      continue;
    }
    auto section = std::find_if(schema.begin(), schema.end(), [&](const SectionSchema& s) { return s.name == key; });
    if (section == schema.end())
      throw InputError(text::both("errors.unknown_key", {{"where", line_of(node.source(), path) + key + ": "},
                                                         {"known", join(known_sections)}}));
    const bool repeated = section->repeatable && node.is_array_of_tables();
    if (!node.is_table() && !repeated)
      throw InputError(expected_got(line_of(node.source(), path) + key + ": ",
                                    text::both("errors.expect.section_table", {{"section", key}}), describe(node)));
    std::set<std::string> allowed = section->common_keys;
    for (const auto& choice : section->choices)
      for (const auto& form : choice) allowed.insert(form.begin(), form.end());
    if (allowed.count("source")) allowed.insert("source_zh");  // the source in Chinese, for Chinese reports
    auto check_keys = [&](const toml::table& keys, const std::string& name_of) {
      for (auto&& [inner_name, inner] : keys) {
        const std::string inner_key(inner_name.str());
        if (!allowed.count(inner_key))
          throw InputError(text::both("errors.unknown_key", {{"where", line_of(inner.source(), path) + name_of + "." + inner_key + ": "},
                                                             {"known", join(allowed)}}));
      }
    };
    if (!repeated) {
      check_keys(*node.as_table(), key);
      continue;
    }
    std::size_t index = 0;
    for (const toml::node& item : *node.as_array()) check_keys(*item.as_table(), key + "[" + std::to_string(index++) + "]");
  }
}

}  // namespace

// ---- ScenarioDocument ------------------------------------------------------------------------

ScenarioDocument::ScenarioDocument(const std::string& path, const std::vector<SectionSchema>& schema,
                                   const std::vector<ScenarioOverlay>& overlays) {
  std::set<std::string> chain;
  load(path, schema, chain);
  for (const ScenarioOverlay& overlay : overlays) {
    check_schema(*overlay.table, overlay.file, schema, false);
    merge(*overlay.table, overlay.file, schema);
    tables_.push_back(overlay.table);
    std::ostringstream dump;
    dump << *overlay.table;
    text_ += "# overlay: " + overlay.file + "\n" + dump.str() + "\n";
  }
}

void ScenarioDocument::load(const std::string& path, const std::vector<SectionSchema>& schema,
                            std::set<std::string>& chain) {
  if (const FileProblem problem = file_problem(path); problem.missing)
    throw InputError(text::both("errors.file.cannot_open", {{"path", text::same(path)}, {"kind", text::both("errors.file.kind.scenario")}}));
  else if (problem)
    throw InputError(text::both("errors.file.not_usable", {{"path", text::same(path)}, {"kind", text::both("errors.file.kind.scenario")},
                                                          {"problem", problem.words}}));
  const std::string canonical = fs::canonical(path).string();
  if (!chain.insert(canonical).second) throw InputError(text::both("errors.base.cycle", {{"path", path}}));
  if (chain.size() > static_cast<std::size_t>(kMaxBaseDepth) + 1)
    throw InputError(text::both("errors.base.too_deep", {{"path", path}, {"number", chain.size() - 1}, {"most", kMaxBaseDepth}}));

  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  const std::string content = buffer.str();

  auto table = std::make_shared<toml::table>();
  try {
    *table = toml::parse(content, path);
  } catch (const toml::parse_error& error) {
    throw InputError(text::both("errors.malformed_toml", {{"where", line_of(error.source(), path)},
                                                          {"reason", std::string(error.description())}}));
  }
  files_.push_back(path);
  text_ += "# file: " + path + "\n" + content + (content.empty() || content.back() == '\n' ? "" : "\n");
  check_schema(*table, path, schema, true);

  // Bases first, so that this file's keys override theirs.
  if (const toml::node* base = table->get("base")) {
    const fs::path base_path = fs::path(path).parent_path() / base->as_string()->get();
    if (const FileProblem problem = file_problem(base_path))
      throw InputError(expected_got(
          line_of(base->source(), path) + "base: ", text::both("errors.expect.existing_scenario_file"),
          text::both("errors.found.missing_file",
                     {{"path", text::same(base->as_string()->get())}, {"problem", problem.words},
                      {"resolved", text::same(fs::absolute(base_path).lexically_normal().string())}})));
    load(base_path.lexically_normal().string(), schema, chain);
  }
  merge(*table, path, schema);
  tables_.push_back(std::move(table));
  chain.erase(canonical);
}

void ScenarioDocument::merge(const toml::table& table, const std::string& path, const std::vector<SectionSchema>& schema) {
  for (auto&& [name, node] : table) {
    if (node.is_array_of_tables()) {  // [[section]] of a repeatable section (check_schema): replaces what bases gave
      const std::string section_name(name.str());
      merged_.erase(section_name);
      auto& tables = repeated_[section_name];
      tables.clear();
      for (const toml::node& item : *node.as_array()) {
        RepeatedTable repeated{item.as_table(), path, {}};
        for (auto&& [inner_name, inner] : *item.as_table()) repeated.keys[std::string(inner_name.str())] = Entry{&inner, path};
        tables.push_back(std::move(repeated));
      }
      continue;
    }
    if (!node.is_table()) continue;
    const std::string section_name(name.str());
    if (const auto given = repeated_.find(section_name); given != repeated_.end())  // which of its tables would it change?
      throw InputError(text::both("plan.error.table_after_tables", {{"where", line_of(node.source(), path) + section_name + ": "},
                                                                    {"section", section_name},
                                                                    {"file", given->second.front().file}}));
    const SectionSchema& section = *std::find_if(schema.begin(), schema.end(), [&](const SectionSchema& s) { return s.name == section_name; });
    auto& merged = merged_[section_name];
    for (const auto& choice : section.choices)
      for (const auto& form : choice) {
        const bool names_this_form = std::any_of(node.as_table()->begin(), node.as_table()->end(),
                                                 [&](auto&& kv) { return form.count(std::string(kv.first.str())) > 0; });
        if (!names_this_form) continue;
        for (const auto& other : choice)
          if (&other != &form)
            for (const auto& k : other)
              if (!form.count(k)) merged.erase(k);
      }
    for (auto&& [inner_name, inner] : *node.as_table()) merged[std::string(inner_name.str())] = Entry{&inner, path};
  }
}

std::optional<ScenarioValue> ScenarioDocument::find(const std::string& section, const std::string& key) const {
  auto s = merged_.find(section);
  if (s == merged_.end()) return std::nullopt;
  auto k = s->second.find(key);
  if (k == s->second.end()) return std::nullopt;
  return ScenarioValue(k->second.node, section + "." + key, k->second.file);
}

std::vector<std::pair<ScenarioValue, ScenarioValue>> ScenarioDocument::source_values() const {
  std::vector<std::pair<ScenarioValue, ScenarioValue>> out;
  for (const auto& [section, keys] : merged_) {
    const auto zh = keys.find("source_zh"), en = keys.find("source");
    if (zh != keys.end() && en != keys.end())
      out.emplace_back(ScenarioValue(en->second.node, section + ".source", en->second.file),
                       ScenarioValue(zh->second.node, section + ".source_zh", zh->second.file));
  }
  return out;
}

std::size_t ScenarioDocument::table_count(const std::string& section) const {
  if (const auto tables = repeated_.find(section); tables != repeated_.end()) return tables->second.size();
  return merged_.count(section);
}

std::optional<ScenarioValue> ScenarioDocument::find_in(const std::string& section, std::size_t index,
                                                       const std::string& key) const {
  const auto tables = repeated_.find(section);
  if (tables == repeated_.end()) return index == 0 ? find(section, key) : std::nullopt;
  if (index >= tables->second.size()) return std::nullopt;
  const auto k = tables->second[index].keys.find(key);
  if (k == tables->second[index].keys.end()) return std::nullopt;
  return ScenarioValue(k->second.node, section + "[" + std::to_string(index) + "]." + key, k->second.file);
}

ScenarioValue ScenarioDocument::require_in(const std::string& section, std::size_t index, const std::string& key) const {
  if (auto value = find_in(section, index, key)) return *value;
  const auto tables = repeated_.find(section);
  if (tables == repeated_.end() || index >= tables->second.size()) return require(section, key);
  const RepeatedTable& table = tables->second[index];
  throw InputError(text::both("errors.missing_key", {{"where", line_of(table.node->source(), table.file) + section + "[" +
                                                                   std::to_string(index) + "]." + key + ": "}}));
}

ScenarioValue ScenarioDocument::require(const std::string& section, const std::string& key) const {
  if (auto value = find(section, key)) return *value;
  throw InputError(text::both("errors.missing_key", {{"where", files_.front() + ": " + section + "." + key + ": "}}));
}

}  // namespace carecap::scenarios
