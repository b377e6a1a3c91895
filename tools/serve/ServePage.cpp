// carecap. SPDX-License-Identifier: MIT
#include "tools/serve/ServePage.hpp"

#include <nlohmann/json.hpp>
#include <string_view>

#include "text/Catalogue.hpp"

extern "C" {
extern const char carecap_serve_html_begin[], carecap_serve_html_end[];
extern const char carecap_serve_js_begin[], carecap_serve_js_end[];
extern const char carecap_serve_county_form_js_begin[], carecap_serve_county_form_js_end[];
extern const char carecap_serve_scenario_view_js_begin[], carecap_serve_scenario_view_js_end[];
extern const char carecap_serve_css_begin[], carecap_serve_css_end[];
}

namespace carecap::serve {
namespace {

std::string_view embedded(const char* begin, const char* end) { return {begin, static_cast<std::size_t>(end - begin)}; }

/// The page's words as JSON: {"title": {"zh": ..., "en": ...}, ...} (ids without "serve.page.").
std::string page_words_json() {
  const std::string prefix = "serve.page.";
  nlohmann::json words = nlohmann::json::object();
  for (const text::Entry& entry : text::entries_under("serve.page"))
    words[entry.id.substr(prefix.size())] = {{"zh", entry.text.zh}, {"en", entry.text.en}};
  std::string json = words.dump();
  for (std::size_t at = json.find("</"); at != std::string::npos; at = json.find("</", at)) json.replace(at, 2, "<\\/");
  return json;
}

void no_network(httplib::Response& response) {
  response.set_header("Content-Security-Policy",
                      "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; "
                      "frame-src 'self'; "  // the reports, shown in the page in an iframe
                      "frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
  response.set_header("X-Content-Type-Options", "nosniff");
  response.set_header("Referrer-Policy", "same-origin");
}

}  // namespace

void serve_page(httplib::Response& response) {
  std::string page(embedded(carecap_serve_html_begin, carecap_serve_html_end));
  const std::string mark = "<!--WORDS-->";
  page.replace(page.find(mark), mark.size(), page_words_json());
  no_network(response);
  response.set_header("Cache-Control", "no-store");
  response.set_content(page, "text/html; charset=utf-8");
}

bool serve_page_script(const std::string& name, httplib::Response& response) {
  std::string_view script;
  if (name == "page.js") script = embedded(carecap_serve_js_begin, carecap_serve_js_end);
  else if (name == "county_form.js") script = embedded(carecap_serve_county_form_js_begin, carecap_serve_county_form_js_end);
  else if (name == "scenario_view.js") script = embedded(carecap_serve_scenario_view_js_begin, carecap_serve_scenario_view_js_end);
  else return false;
  no_network(response);
  response.set_content(std::string(script), "text/javascript; charset=utf-8");
  return true;
}

void serve_page_style(httplib::Response& response) {
  no_network(response);
  response.set_content(std::string(embedded(carecap_serve_css_begin, carecap_serve_css_end)), "text/css; charset=utf-8");
}

}  // namespace carecap::serve
