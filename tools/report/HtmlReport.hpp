// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <string>

#include "tools/report/ReportContent.hpp"

namespace carecap::report {

/// The report as one self-contained HTML page: the content as JSON, ECharts and the renderer
/// (tools/report/report.js) embedded, a Content-Security-Policy that allows no network access.
/// `lang` (zh or en) is the language it opens in; the page switches between both.
[[nodiscard]] std::string html_report(const ReportContent& content, const std::string& lang);

/// Writes html_report to `path`, whole or not at all (temporary name, then rename); an existing
/// `path` is replaced only with `overwrite`.
void write_html_report(const ReportContent& content, const std::string& lang, const std::string& path, bool overwrite);

}  // namespace carecap::report
