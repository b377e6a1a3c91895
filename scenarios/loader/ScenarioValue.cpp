// carecap. SPDX-License-Identifier: MIT
// ScenarioValue (scenarios/loader/ScenarioDocument.hpp): one value of a merged scenario, read by
// checked accessors that name the file, line and key of a value they refuse.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <sstream>

#include "scenarios/loader/FileCheck.hpp"
#include "scenarios/loader/MessageWords.hpp"
#include "scenarios/loader/ScenarioDocument.hpp"
#include "sim/Errors.hpp"

namespace carecap::scenarios {
namespace fs = std::filesystem;
namespace {

/// The value of an integer or floating-point node as a double (the node must be a number).
double number_of(const toml::node& node) {
  return node.is_integer() ? static_cast<double>(node.as_integer()->get()) : node.as_floating_point()->get();
}

/// A bound of a range as the messages write it: 1e+12, 0.5, 100 (as std::ostream writes a double).
std::string plain(double bound) {
  std::ostringstream out;
  out << bound;
  return out.str();
}

/// "KEY = VALUE" of an inline table's item.
text::Text key_value(const std::string& key, const toml::node& item) {
  return text::both("errors.found.key_value", {{"key", text::same(key)}, {"value", describe(item)}});
}

}  // namespace

std::string ScenarioValue::where() const { return line_of(node_->source(), file_) + key_ + ": "; }

void ScenarioValue::fail(const text::Text& expected, const text::Text& found) const {
  throw InputError(expected_got(where(), expected, found));
}

std::string ScenarioValue::as_string() const {
  if (!node_->is_string()) fail(text::both("errors.expect.string"), describe(*node_));
  return node_->as_string()->get();
}

std::size_t ScenarioValue::as_choice(const std::vector<std::string>& allowed) const {
  const std::string value = as_string();
  const auto it = std::find(allowed.begin(), allowed.end(), value);
  if (it != allowed.end()) return static_cast<std::size_t>(it - allowed.begin());
  fail(alternatives(allowed), text::same("\"" + value + "\""));
}

std::int64_t ScenarioValue::as_integer(std::int64_t lowest, std::int64_t highest) const {
  const text::Text expected =
      text::both("errors.expect.whole_number_in", {{"low", std::to_string(lowest)}, {"high", std::to_string(highest)}});
  if (!node_->is_integer()) fail(expected, describe(*node_));
  const std::int64_t v = node_->as_integer()->get();
  if (v < lowest || v > highest) fail(expected, text::same(std::to_string(v)));
  return v;
}

double ScenarioValue::as_number(double lowest, double highest) const {
  const text::Text expected = text::both("errors.expect.finite_number_in", {{"low", plain(lowest)}, {"high", plain(highest)}});
  if (!node_->is_number()) fail(expected, describe(*node_));
  const double v = number_of(*node_);
  if (!std::isfinite(v) || v < lowest || v > highest) fail(expected, describe(*node_));
  return v;
}

toml::date ScenarioValue::as_date() const {
  if (!node_->is_date()) fail(text::both("errors.expect.date"), describe(*node_));
  return node_->as_date()->get();
}

bool ScenarioValue::as_boolean() const {
  if (!node_->is_boolean()) fail(text::both("errors.expect.boolean"), describe(*node_));
  return node_->as_boolean()->get();
}

std::string ScenarioValue::as_existing_path() const {
  const std::string relative = as_string();
  const fs::path resolved = fs::path(file_).parent_path() / relative;
  if (const FileProblem problem = file_problem(resolved))
    fail(text::both("errors.expect.existing_file", {{"folder_of", file_}}),
         text::both("errors.found.missing_file", {{"path", text::same(relative)}, {"problem", problem.words},
                                                 {"resolved", text::same(fs::absolute(resolved).lexically_normal().string())}}));
  return resolved.lexically_normal().string();
}

std::string ScenarioValue::as_file_name() const {
  const std::string name = as_string();
  const bool control = std::any_of(name.begin(), name.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
  if (name.empty() || name.size() > 100 || name.find_first_of("/\\") != std::string::npos || control ||
      name.front() == '.' || name.front() == '-')
    fail(text::both("errors.expect.file_name"), text::same("\"" + name + "\""));
  return name;
}

std::vector<double> ScenarioValue::as_number_list(std::size_t count, double lowest, double highest) const {
  const text::Text expected =
      text::both("errors.expect.number_array", {{"count", count}, {"low", plain(lowest)}, {"high", plain(highest)}});
  const toml::array* items = node_->as_array();
  if (!items || items->size() != count) fail(expected, describe(*node_));
  std::vector<double> values;
  for (const toml::node& item : *items) {
    if (!item.is_number()) fail(expected, describe(*node_));
    const double v = number_of(item);
    if (!std::isfinite(v) || v < lowest || v > highest) fail(expected, describe(*node_));
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
                                                        const text::Text& expected) const {
  const toml::table* table = node_->as_table();
  if (!table) fail(expected, describe(*node_));
  for (auto&& [name, value] : *table)
    if (std::find(keys.begin(), keys.end(), std::string(name.str())) == keys.end())
      fail(expected, text::both("errors.found.unknown_key", {{"key", std::string(name.str())}}));
  std::vector<const toml::node*> items;
  for (const auto& key : keys) {
    const toml::node* item = table->get(key);
    if (!item) fail(expected, text::both("errors.found.no_key", {{"key", key}}));
    items.push_back(item);
  }
  return items;
}

std::vector<double> ScenarioValue::as_keyed_numbers(const std::vector<std::string>& keys, double lowest,
                                                    double highest) const {
  const text::Text expected = text::both("errors.expect.keyed_numbers",
                                         {{"keys", key_list(keys)}, {"low", plain(lowest)}, {"high", plain(highest)}});
  const auto items = keyed_items(keys, expected);
  std::vector<double> values;
  for (std::size_t k = 0; k < keys.size(); ++k) {
    const std::string& key = keys[k];
    const toml::node* item = items[k];
    if (!item->is_number()) fail(expected, key_value(key, *item));
    const double v = number_of(*item);
    if (!std::isfinite(v) || v < lowest || v > highest) fail(expected, key_value(key, *item));
    values.push_back(v);
  }
  return values;
}

std::vector<std::string> ScenarioValue::as_keyed_strings(const std::vector<std::string>& keys,
                                                         const std::vector<std::string>& allowed) const {
  const text::Text expected =
      text::both("errors.expect.keyed_strings", {{"keys", key_list(keys)}, {"allowed", key_list(allowed)}});
  const auto items = keyed_items(keys, expected);
  std::vector<std::string> values;
  for (std::size_t k = 0; k < keys.size(); ++k) {
    const std::string& key = keys[k];
    const toml::node* item = items[k];
    if (!item->is_string() || std::find(allowed.begin(), allowed.end(), item->as_string()->get()) == allowed.end())
      fail(expected, key_value(key, *item));
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
    fail(allowed.empty() ? text::both("errors.expect.string_array")
                         : text::both("errors.expect.string_array_among", {{"allowed", key_list(allowed)}}),
         describe(*node_));
  return out;
}

std::vector<std::vector<std::string>> ScenarioValue::as_keyed_string_lists(const std::vector<std::string>& keys,
                                                                          const std::vector<std::string>& allowed) const {
  const text::Text expected =
      text::both("errors.expect.keyed_string_lists", {{"keys", key_list(keys)}, {"allowed", key_list(allowed)}});
  const auto items = keyed_items(keys, expected);
  std::vector<std::vector<std::string>> lists;
  for (std::size_t k = 0; k < keys.size(); ++k) {
    std::vector<std::string> list;
    if (!string_items(*items[k], allowed, list)) fail(expected, key_value(keys[k], *items[k]));
    lists.push_back(list);
  }
  return lists;
}

demography::YearPath ScenarioValue::as_year_path(double lowest, double highest) const {
  const text::Text expected = text::both("errors.expect.year_path", {{"low", plain(lowest)}, {"high", plain(highest)}});
  const toml::array* pairs = node_->as_array();
  if (!pairs || pairs->empty()) fail(expected, describe(*node_));
  std::vector<std::pair<int, double>> anchors;
  for (const toml::node& pair : *pairs) {
    const toml::array* p = pair.as_array();
    if (!p || p->size() != 2 || !(*p)[0].is_integer() || !(*p)[1].is_number()) fail(expected, describe(pair));
    const std::int64_t raw_year = (*p)[0].as_integer()->get();
    if (raw_year < 1900 || raw_year > 2200) fail(expected, describe(pair));
    const auto year = static_cast<int>(raw_year);
    const double value = number_of((*p)[1]);
    if (!std::isfinite(value) || value < lowest || value > highest) fail(expected, describe(pair));
    if (!anchors.empty() && year <= anchors.back().first) fail(expected, describe(pair));
    anchors.emplace_back(year, value);
  }
  return demography::YearPath(std::move(anchors));
}

}  // namespace carecap::scenarios
