// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <string>

#include "text/Lang.hpp"

namespace carecap::tools {

/// `carecap report OUT.h5 [-o report.html] [--lang zh|en] [--force]`.
struct ReportOptions {
  std::string input_path;   // a run's results, a study or a sweep file
  std::string output_path;  // default: the input's name with .html
  std::string lang = "zh";  // the language the page opens in
  bool force = false;       // replace an existing page
  text::Lang message_lang = text::Lang::en;  // of what the command prints: --lang if given, else the locale
};

/// Writes the self-contained HTML report of a carecap output (tools/report/HtmlReport.hpp).
void report_command(const ReportOptions& options);

}  // namespace carecap::tools
