// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <CLI/CLI.hpp>
#include <cstdint>

#include "text/Lang.hpp"

namespace carecap::tools {

/// Accepts only a plain decimal integer from `min` to `max`, and hands CLI11 its canonical form:
/// CLI11 2.1 itself would read "010" as octal, "0x10" as hex, "-1" as the largest unsigned value
/// and saturate on overflow. Its help word and message are in `lang`.
[[nodiscard]] CLI::Validator decimal_from_to(std::int64_t min, std::int64_t max, text::Lang lang);

/// An output path given as "" is bad input (without the check, "" would mean the default name).
/// `has_default`: the message says how to get the default instead.
[[nodiscard]] CLI::Validator non_empty_path(bool has_default, text::Lang lang);

/// `--lang`: zh or en.
[[nodiscard]] CLI::Validator language_code(text::Lang lang);

/// The first word that is not an option must name a subcommand: CLI11 would only say that one
/// is required. Throws InputError naming the word and listing the subcommands.
void check_subcommand_word(CLI::App& app, int argc, const char* const* argv);

}  // namespace carecap::tools
