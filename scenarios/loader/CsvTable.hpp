// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <array>
#include <libfccp/csv.h>
#include <string>
#include <tuple>
#include <vector>

#include "sim/Errors.hpp"

namespace carecap::scenarios {

/// One data row of a CSV table: its 1-based line number in the file and its fields as text.
template <std::size_t N>
struct CsvRow {
  int line = 0;
  std::array<std::string, N> fields;
};

/// Allowed range of a numeric CSV field, checked by parse_number.
enum class NumberRule { any_finite, non_negative, positive };

/// Parses `text` as a finite number obeying `rule` and at most `highest` in magnitude; on
/// failure throws InputError "FILE:LINE: column 'NAME' expected ..., got 'TEXT'".
[[nodiscard]] double parse_number(const std::string& text, NumberRule rule, const std::string& file, int line,
                                  const std::string& column, double highest = 1e12);

/// Parses `text` as a whole number (e.g. a year or an age), same error form as parse_number.
[[nodiscard]] int parse_integer(const std::string& text, const std::string& file, int line,
                                const std::string& column);

/// The text of a CSV file as a spreadsheet saves it, ready to parse: a UTF-8 byte-order mark is
/// dropped (Excel's "CSV UTF-8"); line ends may be CRLF. Throws InputError naming the file for a
/// file that cannot be read or is empty, and naming the line for bytes that are not UTF-8 (e.g. a
/// table saved as GBK).
[[nodiscard]] std::string read_csv_text(const std::string& path);

/// Reads the named columns of a CSV file with a header line (other columns are ignored), using
/// the Fast C++ CSV Parser. Columns from index `optional_from` on may be absent (their fields are
/// then empty). Throws InputError naming the file and line for a missing file, a missing required
/// column, or a row with too few or too many fields.
template <std::size_t N>
[[nodiscard]] std::vector<CsvRow<N>> read_csv(const std::string& path, const std::array<std::string, N>& columns,
                                              std::size_t optional_from = N) {
  std::vector<CsvRow<N>> rows;
  try {
    const std::string text = read_csv_text(path);
    io::CSVReader<N, io::trim_chars<' ', '\t'>, io::double_quote_escape<',', '"'>> reader(path, text.data(),
                                                                                          text.data() + text.size());
    const io::ignore_column policy = optional_from < N ? io::ignore_extra_column | io::ignore_missing_column
                                                       : io::ignore_extra_column;
    std::apply([&](const auto&... names) { reader.read_header(policy, names...); }, columns);
    for (std::size_t c = 0; c < optional_from && c < N; ++c)
      if (!reader.has_column(columns[c]))
        throw InputError(path + ":1: expected a column '" + columns[c] + "' in the header, found none");
    CsvRow<N> row;
    while (std::apply([&](auto&... fields) { return reader.read_row(fields...); }, row.fields)) {
      row.line = static_cast<int>(reader.get_file_line());
      rows.push_back(row);
    }
  } catch (const io::error::base& error) {
    const auto* at = dynamic_cast<const io::error::with_file_line*>(&error);
    const std::string line = at && at->file_line > 0 ? ":" + std::to_string(at->file_line) : std::string();
    throw InputError(path + line + ": " + error.what());
  }
  if (rows.empty()) throw InputError(path + ": expected at least one data row after the header, found none");
  return rows;
}

}  // namespace carecap::scenarios
