// carecap. SPDX-License-Identifier: MIT
#include "tools/serve/CountyWords.hpp"

#include <algorithm>
#include <toml++/toml.h>

#include "tools/serve/CountyAssets.hpp"
#include "tools/serve/CountySchema.hpp"
#include "tools/serve/FormText.hpp"

namespace carecap::serve {
namespace {

std::string folded(std::string_view text) {
  std::string out = plain_text(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

const toml::table& words_file() {
  static const toml::table file = toml::parse(county_words_toml(), std::string_view("tools/serve/county_words.toml"));
  return file;
}

/// Whether the array `words` holds `cell` (both folded).
bool holds(const toml::node_view<const toml::node>& words, const std::string& cell) {
  if (const toml::array* list = words.as_array())
    for (const toml::node& word : *list)
      if (folded(word.value_or(std::string())) == cell) return true;
  return false;
}

}  // namespace

std::optional<std::string> header_column(std::string_view grid, std::string_view header) {
  const GridSpec* spec = find_grid(grid);
  if (!spec) return std::nullopt;
  const std::string wanted = folded(header);
  for (const ColumnSpec& column : spec->columns) {
    const text::Text label = column_label(grid, column.id);
    if (wanted == folded(column.id) || wanted == folded(label.zh) || wanted == folded(label.en) ||
        holds(words_file()["headers"][grid][column.id], wanted))
      return std::string(column.id);
  }
  return std::nullopt;
}

std::string file_word(std::string_view kind, std::string_view cell) {
  const std::string typed = folded(cell);
  if (const toml::table* words = words_file()["values"][kind].as_table())
    for (const auto& [word, aliases] : *words)
      if (typed == folded(word.str()) || holds(toml::node_view<const toml::node>(aliases), typed))
        return std::string(word.str());
  return plain_text(cell);
}

}  // namespace carecap::serve
