// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <toml++/toml.h>
#include <vector>

#include "models/demography/YearPath.hpp"
#include "text/Catalogue.hpp"

namespace carecap::scenarios {

/// Mutually exclusive forms of part of a section (e.g. ASFR by year, or a profile scaled to a
/// TFR path): when a variant file names a key of one form, the base files' keys of the other
/// forms of the same choice are dropped.
using FormChoice = std::vector<std::set<std::string>>;

/// The keys a section of a scenario file may hold.
struct SectionSchema {
  std::string name;
  std::set<std::string> common_keys;
  std::vector<FormChoice> choices;
  bool repeatable = false;  // may also be given as an array of tables ([[name]]), each with these keys
};

/// One value of the merged scenario, with the file and line it came from.
class ScenarioValue {
public:
  ScenarioValue(const toml::node* node, std::string key, std::string file)
      : node_(node), key_(std::move(key)), file_(std::move(file)) {}

  [[nodiscard]] std::string as_string() const;
  /// A string that is one of `allowed`; returns its index in `allowed`.
  [[nodiscard]] std::size_t as_choice(const std::vector<std::string>& allowed) const;
  [[nodiscard]] std::int64_t as_integer(std::int64_t lowest, std::int64_t highest) const;
  [[nodiscard]] double as_number(double lowest, double highest) const;
  [[nodiscard]] toml::date as_date() const;
  [[nodiscard]] bool as_boolean() const;
  /// A file path, relative to the directory of the scenario file that holds the key; must exist.
  [[nodiscard]] std::string as_existing_path() const;
  /// A name that becomes a default output file name ("NAME.h5" in the current folder): not
  /// empty, at most 100 bytes, no '/', '\\' or control characters, not starting with '.' or '-'
  /// (so that it never names a file outside the folder, nor an option).
  [[nodiscard]] std::string as_file_name() const;
  /// An array of exactly `count` numbers, each in range.
  [[nodiscard]] std::vector<double> as_number_list(std::size_t count, double lowest, double highest) const;
  /// An inline table with exactly the given keys (no other), each a number in range; values in
  /// the order of `keys`.
  [[nodiscard]] std::vector<double> as_keyed_numbers(const std::vector<std::string>& keys, double lowest,
                                                     double highest) const;
  /// An inline table with exactly the given keys, each one of the `allowed` strings.
  [[nodiscard]] std::vector<std::string> as_keyed_strings(const std::vector<std::string>& keys,
                                                          const std::vector<std::string>& allowed) const;
  /// An array of strings, each one of `allowed`.
  [[nodiscard]] std::vector<std::string> as_string_list(const std::vector<std::string>& allowed) const;
  /// An inline table with exactly the given keys, each a non-empty array of strings among `allowed`.
  [[nodiscard]] std::vector<std::vector<std::string>> as_keyed_string_lists(const std::vector<std::string>& keys,
                                                                           const std::vector<std::string>& allowed) const;
  /// An array of [year, value] pairs with strictly increasing years and values in range.
  [[nodiscard]] demography::YearPath as_year_path(double lowest, double highest) const;

  /// "FILE:LINE: section.key: " for error messages.
  [[nodiscard]] std::string where() const;
  [[nodiscard]] const std::string& key() const { return key_; }
  /// The scenario file (or overlay) that set the value.
  [[nodiscard]] const std::string& file() const { return file_; }
  /// The TOML value itself (owned by the document or file it came from).
  [[nodiscard]] const toml::node* node() const { return node_; }

private:
  /// Throws InputError "WHERE expected EXPECTED, got FOUND" in both languages.
  [[noreturn]] void fail(const text::Text& expected, const text::Text& found) const;
  /// The items of an inline table holding exactly `keys`, in that order (fails otherwise).
  [[nodiscard]] std::vector<const toml::node*> keyed_items(const std::vector<std::string>& keys,
                                                           const text::Text& expected) const;
  const toml::node* node_;
  std::string key_;   // dotted, e.g. "fertility.asfr_file"
  std::string file_;  // scenario file that set the value
};

/// Sections and keys laid over a scenario after its files, as a study variant or a sweep sample
/// changes it: a table of [section] tables, like a scenario file without `base`.
struct ScenarioOverlay {
  std::shared_ptr<const toml::table> table;  // kept alive by the document (its nodes carry their lines)
  std::string file;                          // names the overlay in messages, e.g. "study.toml (variant delayed)"
};

/// Most base files below a scenario (`base` of `base` ...): a deeper chain is refused naming the
/// file that would be base number kMaxBaseDepth + 1 (a deep chain is a mistake, and each level
/// costs stack while the chain is read).
inline constexpr int kMaxBaseDepth = 32;

/// A scenario file merged with its chain of `base = "..."` files and then any overlays, checked
/// against a schema.
class ScenarioDocument {
public:
  /// Parses `path` and its bases, then lays `overlays` over them in order; throws InputError on a
  /// missing file, malformed TOML, a cycle of bases, or a section or key that the schema does not
  /// know (in a file or an overlay).
  ScenarioDocument(const std::string& path, const std::vector<SectionSchema>& schema,
                   const std::vector<ScenarioOverlay>& overlays = {});

  /// The value of section.key, if any file of the chain sets it.
  [[nodiscard]] std::optional<ScenarioValue> find(const std::string& section, const std::string& key) const;
  /// The value of section.key; throws InputError naming the top file when no file sets it.
  [[nodiscard]] ScenarioValue require(const std::string& section, const std::string& key) const;

  /// Whether any file of the chain has a [section] table (or [[section]] tables).
  [[nodiscard]] bool has_section(const std::string& section) const {
    return merged_.count(section) > 0 || repeated_.count(section) > 0;
  }

  /// The tables of a repeatable section: the number of its [[section]] tables (the last file that
  /// gives them replaces the bases'), 1 for a [section] table, 0 when absent.
  [[nodiscard]] std::size_t table_count(const std::string& section) const;
  /// The value of key in table `index` of a repeatable section (a [section] table is table 0); its
  /// messages name it "section[index].key" when given as [[section]] tables.
  [[nodiscard]] std::optional<ScenarioValue> find_in(const std::string& section, std::size_t index, const std::string& key) const;
  /// The same; throws InputError naming the file and line of the table when the key is missing.
  [[nodiscard]] ScenarioValue require_in(const std::string& section, std::size_t index, const std::string& key) const;

  /// Each section's `source` with its Chinese text `source_zh` (allowed wherever `source` is),
  /// unchecked: scenarios/loader/LabelLoader reads them.
  [[nodiscard]] std::vector<std::pair<ScenarioValue, ScenarioValue>> source_values() const;

  /// Every scenario file read, the variant first, then its bases.
  [[nodiscard]] const std::vector<std::string>& files() const { return files_; }
  /// The text of every file read, each preceded by a "# file: PATH" line.
  [[nodiscard]] const std::string& text() const { return text_; }

private:
  void load(const std::string& path, const std::vector<SectionSchema>& schema, std::set<std::string>& chain);
  /// Lays the sections of `table` (read from `file`) over what is merged so far.
  void merge(const toml::table& table, const std::string& file, const std::vector<SectionSchema>& schema);
  struct Entry {
    const toml::node* node;
    std::string file;
  };
  std::vector<std::shared_ptr<const toml::table>> tables_;
  std::map<std::string, std::map<std::string, Entry>> merged_;  // section -> key -> entry
  struct RepeatedTable {
    const toml::table* node;                 // the [[section]] table (its line names it in messages)
    std::string file;
    std::map<std::string, Entry> keys;
  };
  std::map<std::string, std::vector<RepeatedTable>> repeated_;  // [[section]] tables of repeatable sections
  std::vector<std::string> files_;
  std::string text_;
};

}  // namespace carecap::scenarios
