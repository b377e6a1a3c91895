// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <memory>
#include <set>
#include <string>
#include <toml++/toml.h>

#include "scenarios/loader/ScenarioDocument.hpp"

namespace carecap::scenarios {

/// A TOML file other than a scenario (a study or a sweep), parsed whole, with its text.
struct TomlFile {
  std::string path;
  std::string text;
  std::shared_ptr<const toml::table> table;
};

/// Parses `path`, a `kind` file (e.g. text::both("errors.file.kind.study")); throws InputError
/// ("FILE: cannot open ..." or "FILE:LINE: malformed TOML: ...").
[[nodiscard]] TomlFile read_toml_file(const std::string& path, const text::Text& kind);

/// Throws InputError naming FILE:LINE and `prefix`.key for a key of `table` not in `allowed`.
void check_keys(const toml::table& table, const std::set<std::string>& allowed, const std::string& file,
                const std::string& prefix);

/// The value `prefix`.key of `table`, for the checked accessors of ScenarioValue.
[[nodiscard]] std::optional<ScenarioValue> find_value(const toml::table& table, const std::string& key,
                                                      const std::string& file, const std::string& prefix);
/// As find_value; throws InputError "FILE: prefix.key: missing required key" when absent.
[[nodiscard]] ScenarioValue require_value(const toml::table& table, const std::string& key, const std::string& file,
                                          const std::string& prefix);

}  // namespace carecap::scenarios
