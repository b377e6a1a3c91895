// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <string_view>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "text/Catalogue.hpp"

namespace carecap::serve {

/// Answers with `body` as JSON (UTF-8) and `status`.
void reply_json(httplib::Response& response, int status, const nlohmann::json& body);

/// The JSON of a message in both languages: {"zh": ..., "en": ...}.
[[nodiscard]] nlohmann::json both_languages(const text::Text& words);

/// Answers with `status` and {"error": {"zh": ..., "en": ...}}: the catalogue's message `id`
/// (text/messages/serve.toml), its fields filled from `args`.
void reply_error(httplib::Response& response, int status, std::string_view id, text::Args args = {});

/// Answers with `status` and {"error": {"zh": ..., "en": ...}} carrying `words` as they are (an
/// InputError's two lines).
void reply_error(httplib::Response& response, int status, const text::Text& words);

}  // namespace carecap::serve
