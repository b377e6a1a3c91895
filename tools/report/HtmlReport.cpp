// carecap. SPDX-License-Identifier: MIT
#include "tools/report/HtmlReport.hpp"

#include <cmath>

#include <nlohmann/json.hpp>

#include "output/TextFile.hpp"
#include "text/Catalogue.hpp"
#include "tools/run/Version.hpp"
#include "tools/report/ReportAssets.hpp"

namespace carecap::report {
namespace {

using nlohmann::json;

json to_json(const Text& text) { return {{"zh", text.zh}, {"en", text.en}}; }

/// Numbers as they are; NaN and infinities as null (a gap in a chart, a dash in a table).
json to_json(const std::vector<double>& values) {
  json out = json::array();
  for (double v : values) out.push_back(std::isfinite(v) ? json(v) : json(nullptr));
  return out;
}

json to_json(const Cell& cell) {
  if (const auto* number = std::get_if<double>(&cell)) return std::isfinite(*number) ? json(*number) : json(nullptr);
  if (const auto* text = std::get_if<Text>(&cell)) return to_json(*text);
  return nullptr;
}

json to_json(const Table& table) {
  json columns = json::array(), rows = json::array();
  for (const auto& c : table.columns) columns.push_back({{"name", to_json(c.name)}, {"units", to_json(c.units)}, {"decimals", c.decimals}});
  for (const auto& row : table.rows) {
    json cells = json::array();
    for (const auto& cell : row) cells.push_back(to_json(cell));
    rows.push_back(cells);
  }
  return {{"id", table.id},       {"title", to_json(table.title)}, {"note", to_json(table.note)},
          {"columns", columns},   {"rows", rows},                  {"row_decimals", table.row_decimals}};
}

json to_json(const Chart& chart) {
  json series = json::array(), bands = json::array(), marks = json::array();
  for (const auto& s : chart.series)
    series.push_back({{"name", to_json(s.name)}, {"values", to_json(s.values)}, {"style", s.style}, {"color", s.color}});
  for (const auto& b : chart.bands)
    bands.push_back({{"name", to_json(b.name)}, {"low", to_json(b.low)}, {"high", to_json(b.high)}, {"color", b.color}});
  for (const auto& m : chart.marks) {
    if (!std::isfinite(m.y)) continue;
    marks.push_back({{"name", to_json(m.name)}, {"x", m.x}, {"y", m.y}});
  }
  return {{"id", chart.id},         {"kind", chart.kind},     {"title", to_json(chart.title)},
          {"x_name", to_json(chart.x_name)}, {"x_labels", chart.x_labels}, {"y_name", to_json(chart.y_name)},
          {"series", series},       {"bands", bands},         {"marks", marks},
          {"small", chart.small}};
}

/// The page's own words (text/messages/report_page.toml) as {id: {zh, en}}: report.js reads them here.
json page_words() {
  json words = json::object();
  for (const text::Entry& entry : text::entries_under("page")) words[entry.id] = to_json(entry.text);
  return words;
}

json to_json(const ReportContent& content, const std::string& lang) {
  json sections = json::array();
  for (const auto& s : content.sections) {
    json warnings = json::array(), charts = json::array(), tables = json::array();
    for (const auto& w : s.warnings) warnings.push_back({{"severity", w.severity}, {"message", to_json(w.message)}});
    for (const auto& c : s.charts) charts.push_back(to_json(c));
    for (const auto& t : s.tables) tables.push_back(to_json(t));
    sections.push_back({{"id", s.id}, {"title", to_json(s.title)}, {"note", to_json(s.note)}, {"warnings", warnings},
                        {"charts", charts}, {"tables", tables}});
  }
  return {{"kind", content.kind},
          {"lang", lang},
          {"version", std::string(tools::kVersion)},
          {"title", to_json(content.title)},
          {"subtitle", to_json(content.subtitle)},
          {"source_path", content.source_path},
          {"plan_checked", content.plan_checked},
          {"sections", sections},
          {"sources", to_json(content.sources)},
          {"page", page_words()}};
}

/// JSON inside a <script> element: no "<", ">" or "&" may appear as such (they could close the
/// element or start a comment), so they are written \u003c, \u003e, \u0026: the same strings to
/// a JSON parser. In JSON these characters can only occur inside strings.
std::string script_safe(const std::string& json_text) {
  std::string out;
  out.reserve(json_text.size());
  for (char c : json_text) {
    if (c == '<') out += "\\u003c";
    else if (c == '>') out += "\\u003e";
    else if (c == '&') out += "\\u0026";
    else out += c;
  }
  return out;
}

std::string html_escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else if (c == '&') out += "&amp;";
    else if (c == '"') out += "&quot;";
    else out += c;
  }
  return out;
}

}  // namespace

std::string html_report(const ReportContent& content, const std::string& lang) {
  const Text& title = content.title;
  std::string page;
  page.reserve(echarts_js().size() + (std::size_t{1} << 20));
  page += "<!DOCTYPE html>\n<html lang=\"";
  page += lang == "en" ? "en" : "zh-CN";
  page += "\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  // No network: nothing may be fetched, connected to or framed; only the inline script and style run.
  page += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'unsafe-inline'; "
          "style-src 'unsafe-inline'; img-src data:; font-src data:; connect-src 'none'\">\n";
  page += "<meta name=\"generator\" content=\"carecap " + std::string(tools::kVersion) + ", ECharts " +
          std::string(echarts_version()) + "\">\n";
  page += "<title>" + html_escape(lang == "en" ? title.en : title.zh) + "</title>\n<style>\n";
  page += report_css();
  page += "</style>\n</head>\n<body>\n<div id=\"app\"></div>\n<script id=\"carecap-data\" type=\"application/json\">";
  page += script_safe(to_json(content, lang).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  page += "</script>\n<script>\n";
  page += echarts_js();
  page += "\n</script>\n<script>\n";
  page += report_js();
  page += "</script>\n</body>\n</html>\n";
  return page;
}

void write_html_report(const ReportContent& content, const std::string& lang, const std::string& path, bool overwrite) {
  output::write_text_file(path, html_report(content, lang), overwrite);
}

}  // namespace carecap::report
