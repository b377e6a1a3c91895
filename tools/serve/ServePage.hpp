// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <httplib.h>

namespace carecap::serve {

/// GET /: the page (tools/serve/page.html, embedded at build time), with its words in both
/// languages (the catalogue's serve.page.*, text/messages/serve.toml) as JSON inside it, and a
/// Content-Security-Policy that allows nothing but this server: the page works offline.
void serve_page(httplib::Response& response);
/// GET /page.js: the page's script (tools/serve/page.js, embedded).
void serve_page_script(httplib::Response& response);
/// GET /page.css: the page's style sheet (tools/serve/page.css, embedded).
void serve_page_style(httplib::Response& response);

}  // namespace carecap::serve
