// carecap. SPDX-License-Identifier: MIT
#include "tools/serve/ServerReply.hpp"

namespace carecap::serve {

void reply_json(httplib::Response& response, int status, const nlohmann::json& body) {
  response.status = status;
  // Invalid UTF-8 in a message (a file name) is replaced rather than thrown on.
  response.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), "application/json; charset=utf-8");
  response.set_header("Cache-Control", "no-store");
}

nlohmann::json both_languages(const text::Text& words) { return {{"zh", words.zh}, {"en", words.en}}; }

void reply_error(httplib::Response& response, int status, std::string_view id, text::Args args) {
  reply_error(response, status, text::both(id, args));
}

void reply_error(httplib::Response& response, int status, const text::Text& words) {
  reply_json(response, status, {{"error", both_languages(words)}});
}

}  // namespace carecap::serve
