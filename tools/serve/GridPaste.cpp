// carecap. SPDX-License-Identifier: MIT
#include "tools/serve/GridPaste.hpp"

#include <optional>

#include "sim/Errors.hpp"
#include "text/Catalogue.hpp"
#include "text/TextArg.hpp"
#include "tools/serve/CountySchema.hpp"
#include "tools/serve/CountyWords.hpp"
#include "tools/serve/FormText.hpp"

namespace carecap::serve {
namespace {

/// The tab-separated text as rows of fields: Excel quotes a field holding a tab, a quote or a
/// line break ("a ""b"""); a blank line ends no table (it is skipped).
std::vector<std::vector<std::string>> tab_rows(std::string_view text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, at_field_start = true;
  const auto end_row = [&] {
    row.push_back(field);
    field.clear();
    bool blank = true;
    for (const std::string& f : row) blank = blank && plain_text(f).empty();
    if (!blank) rows.push_back(row);
    row.clear();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') field += text[++i];
      else if (c == '"') quoted = false;
      else field += c;
      continue;
    }
    if (c == '"' && at_field_start) {
      quoted = true;
      at_field_start = false;
    } else if (c == '\t') {
      row.push_back(field);
      field.clear();
      at_field_start = true;
    } else if (c == '\n') {
      end_row();
      at_field_start = true;
    } else if (c != '\r') {
      field += c;
      at_field_start = false;
    }
  }
  if (!field.empty() || !row.empty()) end_row();
  return rows;
}

/// A cell made plain; a number's thousands separators taken out.
std::string plain_cell(const std::string& typed) {
  const std::string plain = plain_text(typed);
  if (plain.find(',') == std::string::npos && plain.find(' ') == std::string::npos) return plain;
  const auto number = form_number(plain);
  return number && !number->share ? number_text(number->value) : plain;
}

}  // namespace

std::vector<std::vector<std::string>> paste_grid(std::string_view grid, std::string_view pasted) {
  const GridSpec* spec = find_grid(grid);
  if (!spec) throw InputError(text::both("serve.county.error.unknown_grid", {{"grid", text::same(std::string(grid))}}));
  const auto rows = tab_rows(pasted);
  if (rows.empty()) throw InputError(text::both("serve.county.error.empty_paste"));
  std::vector<std::optional<std::size_t>> column_of;  // pasted column -> canonical column
  for (const std::string& header : rows.front()) {
    if (plain_text(header).empty()) {
      column_of.push_back(std::nullopt);
      continue;
    }
    const auto column = header_column(grid, header);
    if (!column) {
      const text::Text separator = text::both("serve.county.list_separator");
      std::string known_zh, known_en;
      for (const ColumnSpec& c : spec->columns) {
        const text::Text label = column_label(grid, c.id);
        known_zh += (known_zh.empty() ? "" : separator.zh) + label.zh;
        known_en += (known_en.empty() ? "" : separator.en) + label.en;
      }
      throw InputError(text::both("serve.county.error.unknown_header", {{"grid", grid_label(grid)},
                                                                         {"header", text::same(plain_text(header))},
                                                                         {"known", text::Text{known_zh, known_en}}}));
    }
    std::size_t index = 0;
    while (spec->columns[index].id != *column) ++index;
    column_of.push_back(index);
  }
  std::vector<std::vector<std::string>> cells;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    std::vector<std::string> row(spec->columns.size());
    for (std::size_t c = 0; c < rows[r].size() && c < column_of.size(); ++c)
      if (column_of[c]) row[*column_of[c]] = plain_cell(rows[r][c]);
    cells.push_back(std::move(row));
  }
  return cells;
}

}  // namespace carecap::serve
