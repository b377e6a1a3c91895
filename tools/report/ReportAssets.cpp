// carecap. SPDX-License-Identifier: MIT
#include "tools/report/ReportAssets.hpp"

#include "tools/report/EchartsVersion.hpp"

extern "C" {
extern const char carecap_echarts_js_begin[], carecap_echarts_js_end[];
extern const char carecap_report_js_begin[], carecap_report_js_end[];
extern const char carecap_report_css_begin[], carecap_report_css_end[];
}

namespace carecap::report {

std::string_view echarts_js() {
  return {carecap_echarts_js_begin, static_cast<std::size_t>(carecap_echarts_js_end - carecap_echarts_js_begin)};
}
std::string_view report_js() {
  return {carecap_report_js_begin, static_cast<std::size_t>(carecap_report_js_end - carecap_report_js_begin)};
}
std::string_view report_css() {
  return {carecap_report_css_begin, static_cast<std::size_t>(carecap_report_css_end - carecap_report_css_begin)};
}
std::string_view echarts_version() { return kEchartsVersion; }

}  // namespace carecap::report
