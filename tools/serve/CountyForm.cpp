// carecap. SPDX-License-Identifier: MIT
#include "tools/serve/CountyForm.hpp"

#include "sim/Errors.hpp"
#include "text/TextArg.hpp"
#include "tools/serve/CountySchema.hpp"
#include "tools/serve/FormText.hpp"

namespace carecap::serve {

nlohmann::json FormPlace::json() const {
  if (!field.empty()) return {{"field", field}};
  if (!grid.empty()) return {{"grid", grid}, {"row", row}, {"column", column}};
  if (!advanced.empty()) return {{"advanced", advanced}};
  return nlohmann::json::object();
}

text::Text FormPlace::labelled(const text::Text& error) const {
  if (!field.empty()) return text::both("serve.county.error.at", {{"label", field_label(field)}, {"error", error}});
  if (!advanced.empty()) return text::both("serve.county.error.at", {{"label", advanced_label(advanced)}, {"error", error}});
  if (!grid.empty())
    return text::both("serve.county.error.at_cell",
                      {{"grid", grid_label(grid)}, {"row", text::same(std::to_string(row))},
                       {"column", column.empty() ? text::same("-") : column_label(grid, column)}, {"error", error}});
  return error;
}

const std::string& CountyForm::field(const std::string& id) const {
  static const std::string none;
  const auto found = fields.find(id);
  return found == fields.end() ? none : found->second;
}

const std::vector<std::vector<std::string>>& CountyForm::grid(const std::string& id) const {
  static const std::vector<std::vector<std::string>> none;
  const auto found = grids.find(id);
  return found == grids.end() ? none : found->second;
}

CountyForm read_county_form(const std::string& body) {
  const nlohmann::json json = nlohmann::json::parse(body, nullptr, false);
  const auto bad = [] { return InputError(text::both("serve.county.error.body")); };
  if (json.is_discarded() || !json.is_object()) throw bad();
  const auto text_of = [&](const nlohmann::json& value) {
    if (value.is_string()) return plain_text(value.get<std::string>());
    if (value.is_number()) return plain_text(value.dump());
    if (value.is_null()) return std::string();
    throw bad();
  };
  CountyForm form;
  form.typed = json;
  form.name = json.contains("name") ? text_of(json["name"]) : "";
  form.label_zh = json.contains("label_zh") ? text_of(json["label_zh"]) : "";
  form.label_en = json.contains("label_en") ? text_of(json["label_en"]) : "";
  form.replace = json.contains("replace") && json["replace"].is_boolean() && json["replace"].get<bool>();
  form.fields["name"] = form.name;
  form.fields["label_zh"] = form.label_zh;
  form.fields["label_en"] = form.label_en;
  if (json.contains("fields")) {
    if (!json["fields"].is_object()) throw bad();
    for (const FieldSpec& f : county_fields())
      if (json["fields"].contains(f.id)) form.fields[std::string(f.id)] = text_of(json["fields"][std::string(f.id)]);
  }
  if (json.contains("grids")) {
    if (!json["grids"].is_object()) throw bad();
    for (const GridSpec& g : county_grids()) {
      const std::string id(g.id);
      if (!json["grids"].contains(id)) continue;
      const nlohmann::json& rows = json["grids"][id];
      if (!rows.is_array()) throw bad();
      auto& out = form.grids[id];
      for (const nlohmann::json& row : rows) {
        if (!row.is_array()) throw bad();
        std::vector<std::string> cells(g.columns.size());
        for (std::size_t c = 0; c < cells.size() && c < row.size(); ++c) cells[c] = text_of(row[c]);
        out.push_back(std::move(cells));  // blank rows too: row numbers stay the page's
      }
    }
  }
  for (const AdvancedItem& item : county_advanced()) form.advanced[item.id] = item.value;
  if (json.contains("advanced")) {
    if (!json["advanced"].is_object()) throw bad();
    for (const AdvancedItem& item : county_advanced())
      if (json["advanced"].contains(item.id)) {
        const std::string typed = text_of(json["advanced"][item.id]);
        if (!typed.empty()) form.advanced[item.id] = typed;
      }
  }
  return form;
}

std::vector<FormProblem> missing_fields(const CountyForm& form) {
  std::vector<FormProblem> problems;
  for (const FieldSpec& f : county_fields())
    if (f.required && form.field(std::string(f.id)).empty())
      problems.push_back({FormPlace::at_field(std::string(f.id)), text::both("serve.county.error.required", {{"label", field_label(f.id)}})});
  return problems;
}

}  // namespace carecap::serve
