// carecap. SPDX-License-Identifier: MIT
#include "scenarios/loader/MessageWords.hpp"

#include <sstream>

namespace carecap::scenarios {

std::string line_of(const toml::source_region& source, const std::string& file) {
  if (source.begin.line == 0) return file + ": ";
  return file + ":" + std::to_string(source.begin.line) + ": ";
}

text::Text describe(const toml::node& node) {
  std::ostringstream out;
  switch (node.type()) {
    case toml::node_type::table: return text::both("errors.found.table");
    case toml::node_type::string: out << node.as_string()->get(); break;
    default: node.visit([&out](auto&& value) { out << value; });
  }
  std::string words;
  for (char c : out.str()) {
    if (c == '\n' || c == '\r' || c == '\t') {
      if (!words.empty() && words.back() != ' ') words += ' ';
    } else {
      words += c;
    }
  }
  if (words.size() > 60) {  // cut at a character's first byte, so that the message stays UTF-8
    std::size_t cut = 57;
    while (cut > 0 && (static_cast<unsigned char>(words[cut]) & 0xC0) == 0x80) --cut;
    words = words.substr(0, cut) + "...";
  }
  if (node.is_string()) return text::both("errors.found.string", {{"value", words}});
  return text::same(words);
}

text::Text alternatives(const std::vector<std::string>& words, bool quoted) {
  text::Text list;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string word = quoted ? "\"" + words[i] + "\"" : words[i];
    if (i > 0) {
      const bool last = i + 1 == words.size();
      list.zh += last ? text::say(text::Lang::zh, "errors.list.or") : text::say(text::Lang::zh, "errors.list.comma");
      list.en += last ? text::say(text::Lang::en, "errors.list.or") : text::say(text::Lang::en, "errors.list.comma");
    }
    list.zh += word;
    list.en += word;
  }
  return list;
}

text::Text spaced(const text::Text& words) {
  const bool latin = !words.zh.empty() && static_cast<unsigned char>(words.zh.front()) < 0x80;
  return {latin ? " " + words.zh : words.zh, words.en};
}

text::Text expected_got(const std::string& where, const text::Text& expected, const text::Text& found) {
  return text::both("errors.expected_got",
                    {{"where", text::same(where)}, {"expected", spaced(expected)}, {"found", spaced(found)}});
}

}  // namespace carecap::scenarios
