// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "text/Catalogue.hpp"

namespace carecap::serve {

/// Where on the form a message belongs: a field, a cell of a grid (row 1-based, column a
/// canonical id; "" when the whole row), an advanced item, or nowhere in particular.
struct FormPlace {
  std::string field;
  std::string grid;
  int row = 0;
  std::string column;
  std::string advanced;

  [[nodiscard]] static FormPlace at_field(std::string id) { return {std::move(id), "", 0, "", ""}; }
  [[nodiscard]] static FormPlace at_cell(std::string grid, int row, std::string column) {
    return {"", std::move(grid), row, std::move(column), ""};
  }
  [[nodiscard]] static FormPlace at_advanced(std::string id) { return {"", "", 0, "", std::move(id)}; }

  [[nodiscard]] bool empty() const { return field.empty() && grid.empty() && advanced.empty(); }
  /// {"field": ...} or {"grid", "row", "column"} or {"advanced": ...} or {}.
  [[nodiscard]] nlohmann::json json() const;
  /// The message `error` prefixed with the place's label ("“总人口”：..."), for one-line use.
  [[nodiscard]] text::Text labelled(const text::Text& error) const;
};

/// A message about the form and where it belongs.
struct FormProblem {
  FormPlace place;
  text::Text message;
};

/// The new-county form (the body of POST /api/county/check and save, and form.json) as the
/// planner typed it: every value a string, made plain (FormText) when read; grid rows padded or
/// cut to their grid's columns (blank rows kept, so that row numbers are the page's).
struct CountyForm {
  std::string name;
  std::string label_zh;
  std::string label_en;
  bool replace = false;
  std::map<std::string, std::string> fields;                                 // field id -> text
  std::map<std::string, std::vector<std::vector<std::string>>> grids;        // grid id -> rows
  std::map<std::string, std::string> advanced;                               // advanced id -> text (defaults filled in)
  nlohmann::json typed;                                                      // the body as sent, for form.json

  /// The field's text ("" when not given).
  [[nodiscard]] const std::string& field(const std::string& id) const;
  /// The grid's rows (none when not given).
  [[nodiscard]] const std::vector<std::vector<std::string>>& grid(const std::string& id) const;
};

/// Reads the form from a request body. Throws InputError (serve.county.error.body) when it is
/// not a JSON object of that shape; values it does not know (a field, a grid, an advanced item
/// the schema lacks) are ignored.
[[nodiscard]] CountyForm read_county_form(const std::string& body);

/// The form's own checks, before any file is written: required fields given.
[[nodiscard]] std::vector<FormProblem> missing_fields(const CountyForm& form);

}  // namespace carecap::serve
