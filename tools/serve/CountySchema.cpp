// carecap. SPDX-License-Identifier: MIT
#include "tools/serve/CountySchema.hpp"

#include <algorithm>
#include <toml++/toml.h>

#include "sim/Errors.hpp"
#include "tools/serve/CountyAssets.hpp"
#include "tools/serve/ServerReply.hpp"

namespace carecap::serve {
namespace {

std::string joined(std::string_view a, std::string_view b) { return std::string(a) + std::string(b); }

/// The words of a unit; none for "none" (a name, a yes/no).
text::Text unit_words(std::string_view unit) {
  return unit == "none" ? text::Text{} : text::both(joined("serve.county.unit.", unit));
}

}  // namespace

const std::vector<FieldSpec>& county_fields() {
  static const std::vector<FieldSpec> fields{
      {"name", "none", true, "population"},          {"label_zh", "none", true, "population"},
      {"label_en", "none", false, "population"},     {"base_year", "year", true, "population"},
      {"end_year", "year", true, "population"},      {"population", "persons", true, "population"},
      {"age_60_plus", "persons_or_share", true, "population"}, {"age_65_plus", "persons_or_share", false, "population"},
      {"age_0_2", "persons", false, "population"},   {"sex_ratio", "ratio", false, "population"},
      {"births", "persons", false, "population"},    {"births_year", "year", false, "population"}};
  return fields;
}

const std::vector<GridSpec>& county_grids() {
  static const std::vector<GridSpec> grids{
      {"towns", {{"town", "none"}, {"label_en", "none"}, {"population", "persons"}}},
      {"beds",
       {{"town", "none"}, {"name", "none"}, {"ownership", "none"}, {"affordable", "none"}, {"general_beds", "beds"},
        {"nursing_beds", "beds"}, {"dementia_beds", "beds"}, {"residents", "persons"}}},
      {"childcare",
       {{"town", "none"}, {"name", "none"}, {"affordable", "none"}, {"places_6_12", "places"}, {"places_13_24", "places"},
        {"places_25_36", "places"}, {"enrolled", "persons"}}},
      {"projects",
       {{"name", "none"}, {"category", "none"}, {"build_type", "none"}, {"year", "year"}, {"town", "none"},
        {"capacity", "none"}, {"capacity_unit", "none"}, {"total_investment_wan_yuan", "wan_yuan"},
        {"central_budget_wan_yuan", "wan_yuan"}}},
      {"targets",
       {{"year", "year"}, {"elderly_care_beds", "beds"}, {"nursing_bed_share", "share"}, {"childcare_places", "places"},
        {"childcare_places_per_1000_people", "per_1000"}}}};
  return grids;
}

const GridSpec* find_grid(std::string_view id) {
  for (const GridSpec& grid : county_grids())
    if (grid.id == id) return &grid;
  return nullptr;
}

const std::vector<AdvancedItem>& county_advanced() {
  static const std::vector<AdvancedItem> items = [] {
    const toml::table file = toml::parse(county_defaults_toml(), std::string_view("tools/serve/county_defaults.toml"));
    std::vector<std::pair<std::uint32_t, AdvancedItem>> found;
    for (const auto& [key, node] : file) {
      const toml::table& item = *node.as_table();
      found.push_back({node.source().begin.line,
                       AdvancedItem{std::string(key.str()), item["value"].value_or(std::string()),
                                    item["unit"].value_or(std::string("none")),
                                    {item["source_zh"].value_or(std::string()), item["source"].value_or(std::string())},
                                    item["assumption"].value_or(true)}});
    }
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<AdvancedItem> ordered;
    for (auto& [line, item] : found) ordered.push_back(std::move(item));
    return ordered;
  }();
  return items;
}

text::Text field_label(std::string_view field) { return text::both(joined("serve.county.field.", field)); }
text::Text grid_label(std::string_view grid) { return text::both(joined("serve.county.grid.", grid)); }
text::Text column_label(std::string_view grid, std::string_view column) {
  return text::both(joined("serve.county.column.", joined(grid, joined(".", column))));
}
text::Text advanced_label(std::string_view id) { return text::both(joined("serve.county.advanced.", id)); }

nlohmann::json county_schema_json() {
  nlohmann::json fields = nlohmann::json::array();
  for (const FieldSpec& f : county_fields())
    fields.push_back({{"id", f.id}, {"label", both_languages(field_label(f.id))}, {"unit", both_languages(unit_words(f.unit))},
                      {"hint", both_languages(text::both(joined("serve.county.field_hint.", f.id)))},
                      {"required", f.required}, {"section", f.section}});
  nlohmann::json grids = nlohmann::json::array();
  for (const GridSpec& g : county_grids()) {
    nlohmann::json columns = nlohmann::json::array();
    for (const ColumnSpec& c : g.columns)
      columns.push_back({{"id", c.id}, {"label", both_languages(column_label(g.id, c.id))},
                         {"unit", both_languages(unit_words(c.unit))}});
    grids.push_back({{"id", g.id}, {"label", both_languages(grid_label(g.id))},
                     {"hint", both_languages(text::both(joined("serve.county.grid_hint.", g.id)))}, {"columns", columns}});
  }
  nlohmann::json advanced = nlohmann::json::array();
  for (const AdvancedItem& a : county_advanced())
    advanced.push_back({{"id", a.id}, {"label", both_languages(advanced_label(a.id))},
                        {"unit", both_languages(unit_words(a.unit))}, {"value", a.value},
                        {"source", both_languages(a.source)}, {"assumption", a.assumption}});
  return {{"fields", fields}, {"grids", grids}, {"advanced", advanced}};
}

}  // namespace carecap::serve
