// carecap. SPDX-License-Identifier: MIT
#include "tools/cli/CommandLanguage.hpp"

#include <optional>
#include <string_view>

namespace carecap::tools {

text::Lang command_language(int argc, const char* const* argv) {
  std::optional<text::Lang> chosen;
  constexpr std::string_view kOption = "--lang";
  for (int i = 1; i < argc; ++i) {
    const std::string_view word = argv[i];
    if (word == "--") break;  // what follows is not an option
    std::optional<text::Lang> lang;
    if (word == kOption && i + 1 < argc) lang = text::parse_lang(argv[i + 1]);
    else if (word.substr(0, kOption.size() + 1) == "--lang=") lang = text::parse_lang(word.substr(kOption.size() + 1));
    if (lang) chosen = lang;
  }
  return chosen ? *chosen : text::lang_from_environment();
}

}  // namespace carecap::tools
