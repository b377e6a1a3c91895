// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <filesystem>
#include <string>
#include <system_error>

#include "text/Catalogue.hpp"

namespace carecap::scenarios {

/// Why a path cannot be read as an input file.
struct FileProblem {
  bool missing = false;  // no such file
  text::Text words;      // "does not exist", "is a folder or a special file, not a file", or the system's reason
  /// Whether there is a problem (false: a regular file).
  explicit operator bool() const { return !words.en.empty(); }
};

/// Why `path` cannot be read as an input file, in words for a message in both languages; none
/// when it is a regular file. Never throws: a path the system refuses is bad input too.
[[nodiscard]] inline FileProblem file_problem(const std::filesystem::path& path) {
  std::error_code error;
  const std::filesystem::file_status status = std::filesystem::status(path, error);
  if (status.type() == std::filesystem::file_type::not_found) return {true, text::both("errors.file.does_not_exist")};
  if (error) return {false, text::both("errors.file.cannot_be_used", {{"reason", error.message()}})};
  if (!std::filesystem::is_regular_file(status)) return {false, text::both("errors.file.not_a_file")};
  return {};
}

}  // namespace carecap::scenarios
