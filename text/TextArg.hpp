// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <initializer_list>
#include <string>
#include <string_view>

#include "text/Catalogue.hpp"

namespace carecap::text {

/// A named value of a message that reads differently in each language: a phrase of the
/// catalogue (e.g. "a whole number in 1950..2100", "1950..2100 之间的整数") set into a sentence.
struct TextArg {
  const char* name;
  Text value;
  TextArg(const char* arg_name, Text arg_value) : name(arg_name), value(std::move(arg_value)) {}
};

/// The same words in both languages: a path, a key, a number already written out.
[[nodiscard]] inline Text same(std::string words) { return {words, words}; }

/// The message `id` in both languages, each language's template filled with that language's
/// words of `args` (wrap words that are the same in both with `same`). The same errors as
/// say(): an id the catalogue lacks or a field without its argument is a std::logic_error.
[[nodiscard]] Text both(std::string_view id, std::initializer_list<TextArg> args);

}  // namespace carecap::text
