// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <string>

#include "tools/report/ReportContent.hpp"

namespace carecap::report {

/// Throws InputError if the CSV directory cannot be made at `directory`: it exists and
/// `overwrite` is false, it exists and is not a directory, or its parent directory is missing or
/// not writable. Called before the report is built, so that a bad path fails fast.
void check_csv_directory(const std::string& directory, bool overwrite);

/// One CSV field (RFC 4180): quoted, with quotes doubled, when it holds a comma, a quote, CR or LF.
[[nodiscard]] std::string csv_field(const std::string& text);

/// A number as a CSV field: the shortest text that reads back as the same double (not rounded to
/// the column's decimals); empty for NaN and infinities.
[[nodiscard]] std::string csv_number(double value);

/// Writes every table of `content` (the sources last) as `<id>.csv` in a new directory, text in
/// `lang` ("zh" or "en"): UTF-8 with a byte-order mark (so that Excel reads the Chinese), CRLF
/// line ends, a header line of column names with units, then one line per row. `tables.csv` lists
/// each table's id, title and note. Built in a sibling DIR.tmp-HOST-PID and renamed to `directory`
/// when complete; with `overwrite`, an existing directory is removed only after the new one is in
/// place. InputError for a bad path (see check_csv_directory), RuntimeFault naming the file for a
/// write that fails; nothing temporary is left behind.
void write_csv_directory(const ReportContent& content, const std::string& lang, const std::string& directory,
                         bool overwrite);

}  // namespace carecap::report
