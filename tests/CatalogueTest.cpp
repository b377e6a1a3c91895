// carecap. SPDX-License-Identifier: MIT
// Specification of the message catalogue (text/README.md): every entry speaks both languages with
// the same fields, so a Chinese sentence can never carry other numbers than its English twin.
#include <doctest/doctest.h>

#include <regex>
#include <set>
#include <stdexcept>

#include "text/Catalogue.hpp"

using namespace carecap::text;

namespace {
std::set<std::string> fields_of(const std::string& text) {
  static const std::regex field(R"(\{([A-Za-z_][A-Za-z_0-9]*)(:[^}]*)?\})");
  std::set<std::string> names;
  const std::string without_escapes = std::regex_replace(text, std::regex(R"(\{\{|\}\})"), "");
  for (auto it = std::sregex_iterator(without_escapes.begin(), without_escapes.end(), field);
       it != std::sregex_iterator(); ++it)
    names.insert((*it)[1]);
  return names;
}
}  // namespace

TEST_CASE("every entry has a Chinese and an English text naming the same fields") {
  REQUIRE_FALSE(entries().empty());
  for (const Entry& e : entries()) {
    CAPTURE(e.id);
    CHECK_FALSE(e.text.zh.empty());
    CHECK_FALSE(e.text.en.empty());
    CHECK(fields_of(e.text.zh) == fields_of(e.text.en));
  }
}

TEST_CASE("fields are filled by name in either language") {
  CHECK(fill("{n} 张床位，{share}", {{"n", "5,598"}, {"share", "55.0%"}}) == "5,598 张床位，55.0%");
  CHECK(say(Lang::zh, "common.error_prefix") == "carecap：错误：");
  CHECK(both("common.lang_name").en == "English");
}

TEST_CASE("an unknown id or a missing field is a programming error, named") {
  CHECK_THROWS_AS((void)say(Lang::zh, "no.such.message"), std::logic_error);
  CHECK_THROWS_WITH_AS((void)fill("{beds} beds", {}), doctest::Contains("{beds} beds"), std::logic_error);
}

TEST_CASE("the language follows the locale: zh_CN gives Chinese, C and en_US English") {
  setenv("LC_ALL", "zh_CN.UTF-8", 1);
  CHECK(lang_from_environment() == Lang::zh);
  setenv("LC_ALL", "C", 1);
  CHECK(lang_from_environment() == Lang::en);
  unsetenv("LC_ALL");
  unsetenv("LC_MESSAGES");
  setenv("LANG", "zh_TW.UTF-8", 1);
  CHECK(lang_from_environment() == Lang::zh);
  setenv("LANG", "en_US.UTF-8", 1);
  CHECK(lang_from_environment() == Lang::en);
  CHECK(parse_lang("zh") == Lang::zh);
  CHECK_FALSE(parse_lang("fr").has_value());
}
