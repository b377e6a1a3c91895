// carecap. SPDX-License-Identifier: MIT
// How a report's tables are labelled when exported (workbook sheets and CSV files): the language
// chosen, column headers with their units, and the checks every exported table must pass.
#pragma once
#include <string>
#include <vector>

#include "tools/report/ReportContent.hpp"

namespace carecap::report {

/// Throws InputError unless `lang` is "zh" or "en" (the export's --lang).
void check_language(const std::string& lang);

/// The words in `lang` ("zh" or "en"), or in the other language when those are empty.
[[nodiscard]] const std::string& text_in(const Text& text, const std::string& lang);

/// A column header: "name（units）" in Chinese, "name (units)" in English, the bare name when
/// the column has no units.
[[nodiscard]] std::string column_header(const Column& column, const std::string& lang);

/// Throws RuntimeFault naming `output_path` when a table cannot be exported as built (a fault of
/// the report builder, not of the user): an id that is empty, longer than 31 characters, not
/// made of ASCII letters, digits, '_' and '-', or repeated (ignoring case); or a row whose
/// number of cells differs from the number of columns; row decimals given for some rows only.
void check_tables(const std::vector<const Table*>& tables, const std::string& output_path);

}  // namespace carecap::report
