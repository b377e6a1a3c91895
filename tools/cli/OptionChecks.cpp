// carecap. SPDX-License-Identifier: MIT
#include "tools/cli/OptionChecks.hpp"

#include <charconv>
#include <string>

#include "sim/Errors.hpp"
#include "text/Catalogue.hpp"

namespace carecap::tools {

CLI::Validator decimal_from_to(std::int64_t min, std::int64_t max, text::Lang lang) {
  const std::string low = std::to_string(min), high = std::to_string(max);
  return CLI::Validator(
      [min, max, low, high, lang](std::string& word) -> std::string {
        std::int64_t value = 0;
        const char* end = word.data() + word.size();
        const auto [stop, error] = std::from_chars(word.data(), end, value);
        if (word.empty() || error != std::errc() || stop != end || value < min || value > max)
          return text::say(lang, "errors.option.integer_from_to", {{"min", low}, {"max", high}, {"found", word}});
        word = std::to_string(value);
        return {};
      },
      text::say(lang, "cli.help.int_from_to", {{"min", low}, {"max", high}}));
}

CLI::Validator non_empty_path(bool has_default, text::Lang lang) {
  const std::string message = has_default ? text::say(lang, "errors.option.empty_path_with_default")
                                          : text::say(lang, "errors.option.empty_path");
  return CLI::Validator([message](std::string& word) -> std::string { return word.empty() ? message : ""; },
                        text::say(lang, "cli.help.path"));
}

CLI::Validator language_code(text::Lang lang) {
  return CLI::Validator(
      [lang](std::string& word) -> std::string {
        return text::parse_lang(word) ? "" : text::say(lang, "errors.option.lang", {{"found", word}});
      },
      text::say(lang, "cli.help.lang_code"));
}

void check_subcommand_word(CLI::App& app, int argc, const char* const* argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string word = argv[i];
    if (word == "--lang") ++i;  // and its value
    if (!word.empty() && word.front() == '-') continue;  // --help, --version, --lang: the only options before one
    std::string names;
    for (const CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
      if (sub->get_name() == word) return;
      names += (names.empty() ? "" : ", ") + sub->get_name();
    }
    throw InputError(text::both("errors.option.unknown_subcommand", {{"word", word}, {"names", names}}));
  }
}

}  // namespace carecap::tools
