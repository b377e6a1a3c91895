// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <CLI/CLI.hpp>

#include "text/Catalogue.hpp"

namespace carecap::tools {

/// Puts CLI11's own fixed words into `lang` for `app` and all its subcommands, once every option
/// is declared: the help's labels (Usage, OPTIONS, SUBCOMMAND, Positionals, REQUIRED, TEXT, INT
/// through CLI::Formatter::label), the headings of the option and subcommand groups, and the
/// descriptions of --help and --version.
void use_help_words(CLI::App& app, text::Lang lang);

/// A parse error of CLI11 in both languages: the fixed words of the common errors (an argument
/// not expected, an option or a value required, a value that cannot be converted) from the
/// catalogue; the English of CLI11 in both for the others (CLI11 2.1 offers no other way).
[[nodiscard]] text::Text parse_error_text(const CLI::ParseError& error);

}  // namespace carecap::tools
