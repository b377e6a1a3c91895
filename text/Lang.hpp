// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <optional>
#include <string_view>

namespace carecap::text {

/// The language a user reads: Chinese (planners, the default of reports) or English.
enum class Lang : char { zh, en };

/// "zh" or "en".
[[nodiscard]] const char* lang_code(Lang lang);
/// The language named `code` ("zh" or "en"); none for anything else.
[[nodiscard]] std::optional<Lang> parse_lang(std::string_view code);
/// The language of the user's locale, as the C library reads it: the first set of LC_ALL,
/// LC_MESSAGES and LANG; Chinese when it starts with "zh" (zh_CN.UTF-8), English otherwise
/// (C, POSIX, en_US.UTF-8 or unset).
[[nodiscard]] Lang lang_from_environment();

}  // namespace carecap::text
