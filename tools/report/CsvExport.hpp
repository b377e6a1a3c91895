// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <string>

#include "tools/report/ReportContent.hpp"

namespace carecap::report {

/// Throws InputError if the CSV directory cannot be made at `directory`: it exists and
/// `overwrite` is false, it exists and is not a directory, it exists and is not a folder carecap
/// exported (is_csv_export), or its parent directory is missing or not writable. Called before
/// the report is built, so that a bad path fails fast.
void check_csv_directory(const std::string& directory, bool overwrite);

/// Whether `directory` is a folder an earlier `carecap export --csv` wrote: its marker, the index
/// tables.csv, starts with carecap's header (byte-order mark and "table,title,note" or
/// "表,标题,说明") and lists every other file of the folder, each a CSV table.
[[nodiscard]] bool is_csv_export(const std::string& directory);

/// A text cell made safe for spreadsheets (OWASP, CSV injection): text starting with '=', '+',
/// '-', '@', a tab or a carriage return gets a leading single quote, so that Excel, LibreOffice
/// and Google Sheets show it as text rather than run it as a formula; a cell that reads wholly as
/// a number ("-12.5", "+3") is left as it is, and stays a number.
[[nodiscard]] std::string spreadsheet_text(const std::string& text);

/// One CSV field (RFC 4180): quoted, with quotes doubled, when it holds a comma, a quote, CR or LF.
[[nodiscard]] std::string csv_field(const std::string& text);

/// A number as a CSV field: the shortest text that reads back as the same double (a rounded value
/// reads as it is shown: 25.3, 279027); empty for NaN and infinities.
[[nodiscard]] std::string csv_number(double value);

/// Writes every table of `content` (the sources last) as `<id>.csv` in a new directory, text in
/// `lang` ("zh" or "en"): UTF-8 with a byte-order mark (so that Excel reads the Chinese), CRLF
/// line ends, a header line of column names with units, then one line per row; text cells pass
/// through spreadsheet_text; numbers as published_table rounds them (as the workbook shows them),
/// or, with `full_precision`, as csv_number writes the report's values. `tables.csv` lists each table's id, title and note (and marks the
/// folder as carecap's). Built in a sibling DIR.tmp-HOST-PID and renamed to `directory` when
/// complete, never over a folder that appeared meanwhile; with `overwrite`, an earlier export is
/// swapped with the new one in one step (renameat2 RENAME_EXCHANGE), so that `directory` always
/// holds one whole export, and the old one, now under the temporary name, is removed (by the next
/// export if this process is killed first). InputError for a bad path (see check_csv_directory), RuntimeFault naming the file for a
/// write that fails; nothing temporary is left behind.
void write_csv_directory(const ReportContent& content, const std::string& lang, const std::string& directory,
                         bool overwrite, bool full_precision = false);

}  // namespace carecap::report
