// carecap. SPDX-License-Identifier: MIT
#include "tools/report/TableLabels.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "text/Catalogue.hpp"
#include "sim/Errors.hpp"
#include "text/TextArg.hpp"

namespace carecap::report {

namespace {

constexpr std::size_t kMaxIdLength = 31;  // Excel's limit on a sheet name

bool is_id_character(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-';
}

std::string lower_case(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

}  // namespace

void check_language(const std::string& lang) {
  if (lang != "zh" && lang != "en")
    throw InputError(text::both("errors.option.lang_named", {{"found", text::same(lang)}}));
}

const std::string& text_in(const Text& text, const std::string& lang) {
  const std::string& chosen = lang == "en" ? text.en : text.zh;
  const std::string& other = lang == "en" ? text.zh : text.en;
  return chosen.empty() ? other : chosen;
}

std::string column_header(const Column& column, const std::string& lang) {
  const std::string& name = text_in(column.name, lang);
  const std::string& units = text_in(column.units, lang);
  if (units.empty()) return name;
  return text::say(lang == "zh" ? text::Lang::zh : text::Lang::en, "common.with_units", {{"name", name}, {"units", units}});
}

void check_tables(const std::vector<const Table*>& tables, const std::string& output_path) {
  std::set<std::string> seen;
  for (const Table* table : tables) {
    const std::string& id = table->id;
    const std::string where = output_path + ": table '" + id + "'";
    if (id.empty() || id.size() > kMaxIdLength || !std::all_of(id.begin(), id.end(), is_id_character))
      throw RuntimeFault(text::both("errors.report.table_id", {{"where", text::same(where)}}));
    if (!seen.insert(lower_case(id)).second) throw RuntimeFault(text::both("errors.report.table_id_twice", {{"where", text::same(where)}}));
    if (!table->row_decimals.empty() && table->row_decimals.size() != table->rows.size())
      throw RuntimeFault(text::both("errors.report.row_decimals", {{"where", text::same(where)},
                                                                   {"decimals", text::same(std::to_string(table->row_decimals.size()))},
                                                                   {"rows", text::same(std::to_string(table->rows.size()))}}));
    for (std::size_t r = 0; r < table->rows.size(); ++r)
      if (table->rows[r].size() != table->columns.size())
        throw RuntimeFault(text::both("errors.report.row_cells", {{"where", text::same(where)}, {"row", text::same(std::to_string(r + 1))},
                                                                  {"cells", text::same(std::to_string(table->rows[r].size()))},
                                                                  {"columns", text::same(std::to_string(table->columns.size()))}}));
  }
}

}  // namespace carecap::report
