// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <string>

#include "text/Lang.hpp"

namespace carecap::tools {

/// What `carecap export` was asked for.
struct ExportOptions {
  std::string input_path;     // a carecap output: a run's results, a study or a sweep file
  std::string xlsx_path;      // Excel workbook to write, or empty
  std::string csv_directory;  // directory of CSV files to make, or empty
  std::string lang = "zh";    // language of titles, headers and words: zh or en
  bool force = false;         // replace an existing workbook or directory
  bool full_precision = false;  // CSV numbers unrounded (shortest round-trip doubles); the workbook is rounded anyway
  text::Lang message_lang = text::Lang::en;  // of what the command prints: --lang if given, else the locale
};

/// `carecap export`: writes the tables of the report of `input_path` as an Excel workbook and/or
/// a directory of CSV files, printing one line per output. InputError, before the input is read,
/// when neither output is asked for, the language is not zh or en, or an output path is unusable.
void export_command(const ExportOptions& options);

}  // namespace carecap::tools
