// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "text/Catalogue.hpp"

namespace carecap::serve {

/// A single-value field of the new-county form (its label, unit and hint: serve.county.field.ID,
/// serve.county.unit.UNIT, serve.county.field_hint.ID).
struct FieldSpec {
  std::string_view id;
  std::string_view unit;     // an id of serve.county.unit.*
  bool required = false;
  std::string_view section;  // population | supply | targets
};

/// A column of a grid (label serve.county.column.GRID.ID).
struct ColumnSpec {
  std::string_view id;
  std::string_view unit;
};

/// A grid of the form: rows of cells in the order of `columns` (label serve.county.grid.ID).
struct GridSpec {
  std::string_view id;
  std::vector<ColumnSpec> columns;
};

/// A value the plan does not give, prefilled from tools/serve/county_defaults.toml.
struct AdvancedItem {
  std::string id;
  std::string value;  // as the form shows it
  std::string unit;   // an id of serve.county.unit.*
  text::Text source;
  bool assumption = true;
};

/// The form's fields, in the page's order (docs: /work/notes/serve_contract.md, "Field ids").
[[nodiscard]] const std::vector<FieldSpec>& county_fields();
/// The form's grids: towns, beds, childcare, projects, targets.
[[nodiscard]] const std::vector<GridSpec>& county_grids();
/// The grid `id`, or null.
[[nodiscard]] const GridSpec* find_grid(std::string_view id);
/// The advanced items, in the order of county_defaults.toml.
[[nodiscard]] const std::vector<AdvancedItem>& county_advanced();

/// The words of a field, a grid and a grid's column, from the catalogue.
[[nodiscard]] text::Text field_label(std::string_view field);
[[nodiscard]] text::Text grid_label(std::string_view grid);
[[nodiscard]] text::Text column_label(std::string_view grid, std::string_view column);
[[nodiscard]] text::Text advanced_label(std::string_view id);

/// GET /api/county/schema: the fields, grids and advanced items with their words.
[[nodiscard]] nlohmann::json county_schema_json();

}  // namespace carecap::serve
