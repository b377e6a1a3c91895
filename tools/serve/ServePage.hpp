// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <httplib.h>

#include <string>

namespace carecap::serve {

/// GET /: the page (tools/serve/page.html, embedded at build time), with its words in both
/// languages (the catalogue's serve.page.*, text/messages/serve_page.toml) as JSON inside it, and a
/// Content-Security-Policy that allows nothing but this server: the page works offline.
void serve_page(httplib::Response& response);
/// GET /page.js, /county_form.js, /scenario_view.js: the page's scripts (tools/serve/*.js,
/// embedded), by file name; false for any other name.
bool serve_page_script(const std::string& name, httplib::Response& response);
/// GET /page.css: the page's style sheet (tools/serve/page.css, embedded).
void serve_page_style(httplib::Response& response);

}  // namespace carecap::serve
