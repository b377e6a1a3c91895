// carecap. SPDX-License-Identifier: MIT
#include "text/Lang.hpp"

#include <cstdlib>
#include <string>

namespace carecap::text {

const char* lang_code(Lang lang) { return lang == Lang::zh ? "zh" : "en"; }

std::optional<Lang> parse_lang(std::string_view code) {
  if (code == "zh") return Lang::zh;
  if (code == "en") return Lang::en;
  return std::nullopt;
}

Lang lang_from_environment() {
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = std::getenv(name);
    if (value && *value) return std::string_view(value).substr(0, 2) == "zh" ? Lang::zh : Lang::en;
  }
  return Lang::en;
}

}  // namespace carecap::text
