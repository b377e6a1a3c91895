// carecap. SPDX-License-Identifier: MIT
#include "scenarios/loader/LabelLoader.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <sstream>

#include "scenarios/loader/CsvTable.hpp"
#include "sim/Errors.hpp"
#include "text/TextArg.hpp"

namespace carecap::scenarios {
namespace {

using text::same;

/// Whether `name` can name a place in a title, a table cell or a chart legend: not blank, on one
/// line (no line break, tab or other control character).
bool is_one_line_name(const std::string& name) {
  const bool blank = std::all_of(name.begin(), name.end(), [](char c) { return c == ' '; });
  const bool control = std::any_of(name.begin(), name.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte < 0x20 || byte == 0x7f;
  });
  return !blank && !control;
}

/// `name` in double quotes with its control characters escaped (\n, \t, \xHH), so that an error
/// showing it stays on one line; cut after about 60 bytes.
std::string shown(const std::string& name) {
  std::string out;
  for (char c : name) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c == '\t') out += "\\t";
    else if (byte < 0x20 || byte == 0x7f) {
      std::array<char, 5> hex{};
      std::snprintf(hex.data(), hex.size(), "\\x%02x", byte);
      out += hex.data();
    } else {
      out += c;
    }
  }
  if (out.size() > 60) {
    std::size_t cut = 57;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 character
    out = out.substr(0, cut) + "...";
  }
  return "\"" + out + "\"";
}

/// A TOML value as it is written, for errors: strings quoted and escaped, anything else as TOML prints it.
std::string shown(const toml::node& node) {
  if (const auto* s = node.as_string()) return shown(s->get());
  std::ostringstream out;
  node.visit([&out](auto&& value) { out << value; });
  std::string text = out.str();
  std::replace(text.begin(), text.end(), '\n', ' ');
  return text.size() > 60 ? text.substr(0, 57) + "..." : text;
}

/// [scenario] label_zh or label_en: a name on one line.
std::string place_name(const ScenarioValue& value) {
  if (!value.node()->is_string() || !is_one_line_name(value.node()->as_string()->get()))
    throw InputError(text::both("towns.error.label_not_a_name",
                                {{"where", same(value.where())}, {"found", same(shown(*value.node()))}}));
  return value.node()->as_string()->get();
}

/// [supply] region_label_zh or region_label_en: { "REGION" = "name", ... } over supply.regions.
void read_region_names(const ScenarioDocument& doc, const char* key, const std::vector<std::string>& regions,
                       std::map<std::string, Label>& names, std::string Label::*field) {
  const auto value = doc.find("supply", key);
  if (!value) return;
  std::string known;
  for (const auto& r : regions) known += (known.empty() ? "" : ", ") + r;
  const toml::table* table = value->node()->as_table();
  if (table == nullptr)
    throw InputError(text::both("towns.error.region_labels_not_a_table",
                                {{"where", same(value->where())}, {"regions", same(known)},
                                 {"found", same(shown(*value->node()))}}));
  for (auto&& [key_name, node] : *table) {
    const std::string region(key_name.str());
    if (std::find(regions.begin(), regions.end(), region) == regions.end())
      throw InputError(text::both("towns.error.label_unknown_region",
                                  {{"where", same(value->where())}, {"regions", same(known)}, {"region", same(region)}}));
    if (!node.is_string() || !is_one_line_name(node.as_string()->get()))
      throw InputError(text::both("towns.error.region_label_not_a_name",
                                  {{"where", same(value->where())}, {"region", same(region)}, {"found", same(shown(node))}}));
    names[region].*field = node.as_string()->get();
  }
}

/// The facilities file's optional label_zh and label_en columns, by facility id.
void read_facility_names(const std::string& path, std::map<std::string, Label>& names) {
  static const std::array<const char*, 2> kColumns{"label_zh", "label_en"};
  for (const auto& row : read_csv<3>(path, {"id", kColumns[0], kColumns[1]}, 1)) {
    for (std::size_t c = 0; c < kColumns.size(); ++c) {
      const std::string& cell = row.fields[c + 1];
      if (!cell.empty() && !is_one_line_name(cell))
        throw InputError(text::both("towns.error.label_cell_not_a_name",
                                    {{"where", same(path + ":" + std::to_string(row.line) + ": ")},
                                     {"column", same(kColumns[c])}, {"found", same(shown(cell))}}));
    }
    if (!row.fields[1].empty() || !row.fields[2].empty()) names[row.fields[0]] = {row.fields[1], row.fields[2]};
  }
}

/// A project's name as the plan list gives it, on one line.
std::string one_line(std::string name) {
  for (char& c : name)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  return name;
}

}  // namespace

ScenarioLabels read_labels(const ScenarioDocument& doc, const std::optional<SupplyScenario>& supply) {
  ScenarioLabels labels;
  // The place's names belong to the file that names the scenario: a variant with a name of its
  // own is not called by its base's names (nor a scenario on china.toml 中国). Checked wherever set.
  const std::string named_in = doc.require("scenario", "name").file();
  for (auto [key, field] : {std::pair{"label_zh", &Label::zh}, std::pair{"label_en", &Label::en}})
    if (auto v = doc.find("scenario", key)) {
      const std::string name = place_name(*v);
      if (v->file() == named_in) labels.scenario.*field = name;
    }
  if (!supply) return labels;
  const std::vector<std::string>& regions = supply->supply.regions;
  read_region_names(doc, "region_label_zh", regions, labels.regions, &Label::zh);
  read_region_names(doc, "region_label_en", regions, labels.regions, &Label::en);
  read_facility_names(doc.require("supply", "facilities_file").as_existing_path(), labels.facilities);
  for (const auto& project : supply->supply.projects)
    if (!project.name.empty()) labels.facilities["project:" + project.id].zh = one_line(project.name);
  return labels;
}

std::vector<SourceText> read_source_texts(const ScenarioDocument& doc) {
  std::vector<SourceText> out;
  for (const auto& [en, zh] : doc.source_values()) out.push_back({en.as_string(), place_name(zh)});
  return out;
}

}  // namespace carecap::scenarios
