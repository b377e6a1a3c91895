// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <string>
#include <toml++/toml.h>
#include <vector>

#include "text/TextArg.hpp"

namespace carecap::scenarios {

/// A value found in a scenario, as it would be written in TOML, on one line and at most about
/// 60 characters, for error messages: "the string \"x\"" (字符串 "x"), "a table" (一个表), or the
/// value itself (12, 1.5, [1, 2], 2024-01-01) in both languages.
[[nodiscard]] text::Text describe(const toml::node& node);

/// "\"a\", \"b\" or \"c\"" in English, "\"a\"、\"b\" 或 \"c\"" in Chinese: the words, each in
/// double quotes when `quoted`, as alternatives.
[[nodiscard]] text::Text alternatives(const std::vector<std::string>& words, bool quoted = true);

/// "FILE:LINE: ", or "FILE: " for a value made by the program (a sweep's sampled value has no
/// line): the start of the place a message names.
[[nodiscard]] std::string line_of(const toml::source_region& source, const std::string& file);

/// `words` with a space before their Chinese when it starts with a Latin letter, a digit or a
/// quote, to follow a Chinese word ("应为 1950..2100 之间的整数", "实为 12"; but "应为字符串").
[[nodiscard]] text::Text spaced(const text::Text& words);

/// The message "WHERE expected EXPECTED, got FOUND" ("WHERE 应为EXPECTED，实为FOUND"); `where` is
/// the place, "FILE:LINE: KEY: ", the same in both languages.
[[nodiscard]] text::Text expected_got(const std::string& where, const text::Text& expected, const text::Text& found);

}  // namespace carecap::scenarios
