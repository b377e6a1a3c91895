// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <string>
#include <vector>

#include "tools/report/ReportContent.hpp"

namespace carecap::report {

/// A table as a plan publishes it (docs/reports.md, "Excel and CSV"): every number rounded to
/// the decimals it is shown with, so that a pasted cell or a SUM carries no hidden fraction.
/// Persons, beds and places (and their person-, bed- and place-years) whole; shares in percent
/// with one decimal (two where the table's builder shows two for that row: the start's 0.73%),
/// fractions 0..1 turned into percent (the column's units, or the row's units cell, become %);
/// money in 万元 with one decimal; years plain; other numbers with the decimals the report shows.
/// A number's units are its column's, or, for columns without units, the row's cell in the column
/// named "units" (the indicator, start, plan-check and quantile tables).
struct PublishedTable {
  std::vector<Column> columns;             // as the table's, fraction columns' units now %
  std::vector<std::vector<Cell>> rows;     // numbers rounded (NaN and infinities kept), words as they are
  std::vector<std::vector<int>> decimals;  // each cell's decimals (kPlainInteger: a year)
};
[[nodiscard]] PublishedTable published_table(const Table& table);

/// `value` rounded to `decimals` (kPlainInteger: 0) as a spreadsheet shows it: the double nearest
/// to its decimal text ("%.*f"); never -0.
[[nodiscard]] double rounded(double value, int decimals);

/// The tab names of `tables` in `lang`: ReportText's sheet_text of each id, else the table's
/// title, else its id; Excel's []:*?/\ replaced by '_', no leading or trailing apostrophe, at
/// most 31 characters (UTF-16 units), unique ignoring ASCII case ("name (2)"), never "History".
[[nodiscard]] std::vector<std::string> sheet_names(const std::vector<const Table*>& tables, const std::string& lang);

/// Throws InputError if the workbook cannot be written at `path`: it exists and `overwrite` is
/// false, it is a directory, or its directory is missing or not writable. Called before the
/// report is built, so that a bad path fails fast.
void check_xlsx_path(const std::string& path, bool overwrite);

/// Writes every table of `content` (the sources last) to an Excel workbook at `path`, one sheet
/// per table named by sheet_names, text in `lang` ("zh" or "en"), numbers as published_table
/// gives them. Each sheet: A1 the title, A2 the note, A3 the source line, row 4 the column
/// headers with units, data from row 5 (numbers as numbers with their decimals as the format;
/// NaN and infinities as empty cells), thin borders, panes frozen below the header. Print set-up:
/// A4, landscape above 8 columns, one page wide, the header row repeated on every page, the print
/// area the table, the report's and the table's titles as the page header, the source line and
/// "page n of m" as the footer. Built under a temporary name in the same directory and renamed
/// when complete; nothing is left behind on failure. InputError for a bad path (see
/// check_xlsx_path), RuntimeFault naming the path for a libxlsxwriter or file-system error.
void write_xlsx(const ReportContent& content, const std::string& lang, const std::string& path, bool overwrite);

}  // namespace carecap::report
