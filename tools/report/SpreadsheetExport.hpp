// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <string>

#include "tools/report/ReportContent.hpp"

namespace carecap::report {

/// Throws InputError if the workbook cannot be written at `path`: it exists and `overwrite` is
/// false, it is a directory, or its directory is missing or not writable. Called before the
/// report is built, so that a bad path fails fast.
void check_xlsx_path(const std::string& path, bool overwrite);

/// Writes every table of `content` (the sources last) to an Excel workbook at `path`, one sheet
/// per table named by its id, text in `lang` ("zh" or "en"): A1 the title, A2 the note, row 4 the
/// column headers with units, data from row 5 (numbers as numbers, to libxlsxwriter's 16
/// significant digits, shown with the column's decimals,
/// or the row's when the table gives row_decimals; NaN and infinities as empty cells), panes frozen below the header. Built under a
/// temporary name in the same directory and renamed when complete; nothing is left behind on
/// failure. InputError for a bad path (see check_xlsx_path), RuntimeFault naming the path for a
/// libxlsxwriter or file-system error.
void write_xlsx(const ReportContent& content, const std::string& lang, const std::string& path, bool overwrite);

}  // namespace carecap::report
