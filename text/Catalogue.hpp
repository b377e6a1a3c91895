// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "text/Lang.hpp"

namespace carecap::text {

/// The same words in both languages.
struct Text {
  std::string zh;
  std::string en;
  [[nodiscard]] const std::string& in(Lang lang) const { return lang == Lang::zh ? zh : en; }
};

/// A named value of a message, already written out: numbers go in as text (sim/NumberText), so
/// the Chinese and the English sentence carry the same digits.
struct Arg {
  const char* name;
  std::string value;
  Arg(const char* arg_name, std::string arg_value) : name(arg_name), value(std::move(arg_value)) {}
  Arg(const char* arg_name, const char* arg_value) : name(arg_name), value(arg_value) {}
  Arg(const char* arg_name, int arg_value) : name(arg_name), value(std::to_string(arg_value)) {}
  Arg(const char* arg_name, long long arg_value) : name(arg_name), value(std::to_string(arg_value)) {}
  Arg(const char* arg_name, std::size_t arg_value) : name(arg_name), value(std::to_string(arg_value)) {}
};
using Args = std::initializer_list<Arg>;

/// The message `id` of the catalogue (text/messages/*.toml) in `lang`, its {name} fields filled
/// from `args`. An id the catalogue lacks, or a field without its argument, is a programming
/// error (std::logic_error); tests/CatalogueTest.cpp and tests/check_catalogue.py find both
/// before a user does.
[[nodiscard]] std::string say(Lang lang, std::string_view id, Args args = {});
/// The message `id` in both languages, from the same arguments.
[[nodiscard]] Text both(std::string_view id, Args args = {});
/// Fills a template's {name} fields from `args` (for templates the catalogue hands over whole).
[[nodiscard]] std::string fill(std::string_view template_text, Args args);

/// One entry of the catalogue: its id and its two templates.
struct Entry {
  std::string id;
  Text text;
};
/// Every entry, in id order (for tests and for handing a group of words to the report page).
[[nodiscard]] const std::vector<Entry>& entries();
/// The entries whose id starts with `prefix` + "." (e.g. "page" gives the report page's words).
[[nodiscard]] std::vector<Entry> entries_under(std::string_view prefix);
/// The words of the entry directly under `prefix` whose English is `english` (e.g. units "beds"
/// under "units" -> 张 / beds; an index built once); `english` in both languages when there is none.
[[nodiscard]] Text by_english(std::string_view prefix, const std::string& english);

}  // namespace carecap::text
