// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <string_view>

namespace carecap::report {

/// ECharts (npm package echarts, dist/echarts.min.js), embedded in the binary at build time.
[[nodiscard]] std::string_view echarts_js();
/// The report renderer, tools/report/report.js, embedded at build time.
[[nodiscard]] std::string_view report_js();
/// The report style sheet, tools/report/report.css, embedded at build time.
[[nodiscard]] std::string_view report_css();
/// The ECharts version embedded (from its package.json).
[[nodiscard]] std::string_view echarts_version();

}  // namespace carecap::report
