// carecap. SPDX-License-Identifier: MIT
#include "scenarios/loader/ScenarioDocument.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "scenarios/loader/FileCheck.hpp"
#include "sim/Errors.hpp"

namespace carecap::scenarios {
namespace fs = std::filesystem;
namespace {

/// A value as it would be written in TOML, on one line and at most about 60 characters, for
/// error messages.
std::string describe(const toml::node& node) {
  std::ostringstream out;
  switch (node.type()) {
    case toml::node_type::table: return "a table";
    case toml::node_type::string: out << "the string \"" << node.as_string()->get() << "\""; break;
    default: node.visit([&out](auto&& value) { out << value; });
  }
  std::string text;
  for (char c : out.str()) {
    if (c == '\n' || c == '\r' || c == '\t') {
      if (!text.empty() && text.back() != ' ') text += ' ';
    } else {
      text += c;
    }
  }
  if (text.size() > 60) text = text.substr(0, 57) + "...";
  return text;
}

/// The value of an integer or floating-point node as a double (the node must be a number).
double number_of(const toml::node& node) {
  return node.is_integer() ? static_cast<double>(node.as_integer()->get()) : node.as_floating_point()->get();
}

std::string join(const std::set<std::string>& keys) {
  std::string out;
  for (const auto& k : keys) out += (out.empty() ? "" : ", ") + k;
  return out;
}

/// "FILE:LINE: ", or "FILE: " for a value made by the program (a sweep's sampled value has no line).
std::string line_of(const toml::source_region& source, const std::string& file) {
  if (source.begin.line == 0) return file + ": ";
  return file + ":" + std::to_string(source.begin.line) + ": ";
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
      if (!node.is_string()) throw InputError(line_of(node.source(), path) + "base: expected a file name string, got " + describe(node));
      continue;
    }
    auto section = std::find_if(schema.begin(), schema.end(), [&](const SectionSchema& s) { return s.name == key; });
    if (section == schema.end())
      throw InputError(line_of(node.source(), path) + key + ": unknown key; expected one of " + join(known_sections));
    if (!node.is_table()) throw InputError(line_of(node.source(), path) + key + ": expected a [" + key + "] table, got " + describe(node));
    std::set<std::string> allowed = section->common_keys;
    for (const auto& choice : section->choices)
      for (const auto& form : choice) allowed.insert(form.begin(), form.end());
    for (auto&& [inner_name, inner] : *node.as_table()) {
      const std::string inner_key(inner_name.str());
      if (!allowed.count(inner_key))
        throw InputError(line_of(inner.source(), path) + key + "." + inner_key + ": unknown key; expected one of " + join(allowed));
    }
  }
}

}  // namespace

// ---- ScenarioValue ---------------------------------------------------------------------------

std::string ScenarioValue::where() const { return line_of(node_->source(), file_) + key_ + ": "; }

void ScenarioValue::fail(const std::string& expected, const std::string& found) const {
  throw InputError(where() + "expected " + expected + ", got " + found);
}

std::string ScenarioValue::as_string() const {
  if (!node_->is_string()) fail("a string", describe(*node_));
  return node_->as_string()->get();
}

std::size_t ScenarioValue::as_choice(const std::vector<std::string>& allowed) const {
  const std::string value = as_string();
  const auto it = std::find(allowed.begin(), allowed.end(), value);
  if (it != allowed.end()) return static_cast<std::size_t>(it - allowed.begin());
  std::string expected;  // "a", "b" or "c"
  for (std::size_t i = 0; i < allowed.size(); ++i)
    expected += (i == 0 ? "" : i + 1 == allowed.size() ? " or " : ", ") + ("\"" + allowed[i] + "\"");
  fail(expected, "\"" + value + "\"");
}

std::int64_t ScenarioValue::as_integer(std::int64_t lowest, std::int64_t highest) const {
  const std::string expected = "a whole number in " + std::to_string(lowest) + ".." + std::to_string(highest);
  if (!node_->is_integer()) fail(expected, describe(*node_));
  const std::int64_t v = node_->as_integer()->get();
  if (v < lowest || v > highest) fail(expected, std::to_string(v));
  return v;
}

double ScenarioValue::as_number(double lowest, double highest) const {
  std::ostringstream expected;
  expected << "a finite number in " << lowest << ".." << highest;
  if (!node_->is_number()) fail(expected.str(), describe(*node_));
  const double v = number_of(*node_);
  if (!std::isfinite(v) || v < lowest || v > highest) fail(expected.str(), describe(*node_));
  return v;
}

toml::date ScenarioValue::as_date() const {
  if (!node_->is_date()) fail("a date such as 2024-01-01", describe(*node_));
  return node_->as_date()->get();
}

bool ScenarioValue::as_boolean() const {
  if (!node_->is_boolean()) fail("true or false", describe(*node_));
  return node_->as_boolean()->get();
}

std::string ScenarioValue::as_existing_path() const {
  const std::string relative = as_string();
  const fs::path resolved = fs::path(file_).parent_path() / relative;
  if (const std::string problem = file_problem(resolved); !problem.empty())
    fail("an existing file (relative to " + file_ + ")",
         "\"" + relative + "\", which " + problem + " (resolved: " + fs::absolute(resolved).lexically_normal().string() + ")");
  return resolved.lexically_normal().string();
}

std::string ScenarioValue::as_file_name() const {
  const std::string name = as_string();
  const bool control = std::any_of(name.begin(), name.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
  if (name.empty() || name.size() > 100 || name.find_first_of("/\\") != std::string::npos || control ||
      name.front() == '.' || name.front() == '-')
    fail("a name usable as a file name (1-100 bytes, no '/', '\\' or control characters, not starting with '.' or '-')",
         "\"" + name + "\"");
  return name;
}

std::vector<double> ScenarioValue::as_number_list(std::size_t count, double lowest, double highest) const {
  std::ostringstream expected;
  expected << "an array of " << count << " numbers in " << lowest << ".." << highest;
  const toml::array* items = node_->as_array();
  if (!items || items->size() != count) fail(expected.str(), describe(*node_));
  std::vector<double> values;
  for (const toml::node& item : *items) {
    if (!item.is_number()) fail(expected.str(), describe(*node_));
    const double v = number_of(item);
    if (!std::isfinite(v) || v < lowest || v > highest) fail(expected.str(), describe(*node_));
    values.push_back(v);
  }
  return values;
}

namespace {
std::string key_list(const std::vector<std::string>& keys) {
  std::string out;
  for (const auto& k : keys) out += (out.empty() ? "" : ", ") + k;
  return out;
}
}  // namespace

std::vector<const toml::node*> ScenarioValue::keyed_items(const std::vector<std::string>& keys,
                                                        const std::string& expected) const {
  const toml::table* table = node_->as_table();
  if (!table) fail(expected, describe(*node_));
  for (auto&& [name, value] : *table)
    if (std::find(keys.begin(), keys.end(), std::string(name.str())) == keys.end())
      fail(expected, "unknown key '" + std::string(name.str()) + "'");
  std::vector<const toml::node*> items;
  for (const auto& key : keys) {
    const toml::node* item = table->get(key);
    if (!item) fail(expected, "no key '" + key + "'");
    items.push_back(item);
  }
  return items;
}

std::vector<double> ScenarioValue::as_keyed_numbers(const std::vector<std::string>& keys, double lowest,
                                                    double highest) const {
  std::ostringstream expected;
  expected << "a table { " << key_list(keys) << " } of numbers in " << lowest << ".." << highest;
  const auto items = keyed_items(keys, expected.str());
  std::vector<double> values;
  for (std::size_t k = 0; k < keys.size(); ++k) {
    const std::string& key = keys[k];
    const toml::node* item = items[k];
    if (!item->is_number()) fail(expected.str(), key + " = " + describe(*item));
    const double v = number_of(*item);
    if (!std::isfinite(v) || v < lowest || v > highest) fail(expected.str(), key + " = " + describe(*item));
    values.push_back(v);
  }
  return values;
}

std::vector<std::string> ScenarioValue::as_keyed_strings(const std::vector<std::string>& keys,
                                                         const std::vector<std::string>& allowed) const {
  const std::string expected = "a table { " + key_list(keys) + " } with values among " + key_list(allowed);
  const auto items = keyed_items(keys, expected);
  std::vector<std::string> values;
  for (std::size_t k = 0; k < keys.size(); ++k) {
    const std::string& key = keys[k];
    const toml::node* item = items[k];
    if (!item->is_string() || std::find(allowed.begin(), allowed.end(), item->as_string()->get()) == allowed.end())
      fail(expected, key + " = " + describe(*item));
    values.push_back(item->as_string()->get());
  }
  return values;
}

namespace {
/// Strings of an array node, each among `allowed` (all strings allowed when it is empty); false
/// when the node is not such an array.
bool string_items(const toml::node& node, const std::vector<std::string>& allowed, std::vector<std::string>& out) {
  const toml::array* items = node.as_array();
  if (!items || items->empty()) return false;
  for (const toml::node& item : *items) {
    if (!item.is_string()) return false;
    const std::string text = item.as_string()->get();
    if (!allowed.empty() && std::find(allowed.begin(), allowed.end(), text) == allowed.end()) return false;
    out.push_back(text);
  }
  return true;
}
}  // namespace

std::vector<std::string> ScenarioValue::as_string_list(const std::vector<std::string>& allowed) const {
  std::vector<std::string> out;
  if (!string_items(*node_, allowed, out))
    fail(allowed.empty() ? std::string("a non-empty array of strings") : "a non-empty array of strings among " + key_list(allowed),
         describe(*node_));
  return out;
}

std::vector<std::vector<std::string>> ScenarioValue::as_keyed_string_lists(const std::vector<std::string>& keys,
                                                                          const std::vector<std::string>& allowed) const {
  const std::string expected = "a table { " + key_list(keys) + " } of arrays of " + key_list(allowed);
  const auto items = keyed_items(keys, expected);
  std::vector<std::vector<std::string>> lists;
  for (std::size_t k = 0; k < keys.size(); ++k) {
    std::vector<std::string> list;
    if (!string_items(*items[k], allowed, list)) fail(expected, keys[k] + " = " + describe(*items[k]));
    lists.push_back(list);
  }
  return lists;
}

demography::YearPath ScenarioValue::as_year_path(double lowest, double highest) const {
  std::ostringstream expected;
  expected << "an array of [year, value] pairs with increasing years and values in " << lowest << ".." << highest;
  const toml::array* pairs = node_->as_array();
  if (!pairs || pairs->empty()) fail(expected.str(), describe(*node_));
  std::vector<std::pair<int, double>> anchors;
  for (const toml::node& pair : *pairs) {
    const toml::array* p = pair.as_array();
    if (!p || p->size() != 2 || !(*p)[0].is_integer() || !(*p)[1].is_number()) fail(expected.str(), describe(pair));
    const std::int64_t raw_year = (*p)[0].as_integer()->get();
    if (raw_year < 1900 || raw_year > 2200) fail(expected.str(), describe(pair));
    const auto year = static_cast<int>(raw_year);
    const double value = number_of((*p)[1]);
    if (!std::isfinite(value) || value < lowest || value > highest) fail(expected.str(), describe(pair));
    if (!anchors.empty() && year <= anchors.back().first) fail(expected.str(), describe(pair));
    anchors.emplace_back(year, value);
  }
  return demography::YearPath(std::move(anchors));
}

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
  if (const std::string problem = file_problem(path); problem == "does not exist")
    throw InputError(path + ": cannot open scenario file: no such file");
  else if (!problem.empty())
    throw InputError(path + ": expected a scenario file, got one that " + problem);
  const std::string canonical = fs::canonical(path).string();
  if (!chain.insert(canonical).second) throw InputError(path + ": base chain returns to this file (a cycle of 'base' keys)");
  if (chain.size() > static_cast<std::size_t>(kMaxBaseDepth) + 1)
    throw InputError(path + ": base chain too deep: this file is base number " + std::to_string(chain.size() - 1) +
                     " below the scenario; expected at most " + std::to_string(kMaxBaseDepth) + " files linked by 'base'");

  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  const std::string content = buffer.str();

  auto table = std::make_shared<toml::table>();
  try {
    *table = toml::parse(content, path);
  } catch (const toml::parse_error& error) {
    throw InputError(line_of(error.source(), path) + "malformed TOML: " + std::string(error.description()));
  }
  files_.push_back(path);
  text_ += "# file: " + path + "\n" + content + (content.empty() || content.back() == '\n' ? "" : "\n");
  check_schema(*table, path, schema, true);

  // Bases first, so that this file's keys override theirs.
  if (const toml::node* base = table->get("base")) {
    const fs::path base_path = fs::path(path).parent_path() / base->as_string()->get();
    if (const std::string problem = file_problem(base_path); !problem.empty())
      throw InputError(line_of(base->source(), path) + "base: expected an existing scenario file, got \"" +
                       base->as_string()->get() + "\", which " + problem + " (resolved: " +
                       fs::absolute(base_path).lexically_normal().string() + ")");
    load(base_path.lexically_normal().string(), schema, chain);
  }
  merge(*table, path, schema);
  tables_.push_back(std::move(table));
  chain.erase(canonical);
}

void ScenarioDocument::merge(const toml::table& table, const std::string& path, const std::vector<SectionSchema>& schema) {
  for (auto&& [name, node] : table) {
    if (!node.is_table()) continue;
    const std::string section_name(name.str());
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

ScenarioValue ScenarioDocument::require(const std::string& section, const std::string& key) const {
  if (auto value = find(section, key)) return *value;
  throw InputError(files_.front() + ": " + section + "." + key + ": missing required key");
}

}  // namespace carecap::scenarios
