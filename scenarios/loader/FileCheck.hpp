// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <filesystem>
#include <string>
#include <system_error>

namespace carecap::scenarios {

/// Why `path` cannot be read as an input file, in words for a message ("does not exist", "is a
/// folder or a special file, not a file", or the system's reason, e.g. "File name too long");
/// empty when it is a regular file. Never throws: a path the system refuses is bad input too.
[[nodiscard]] inline std::string file_problem(const std::filesystem::path& path) {
  std::error_code error;
  const std::filesystem::file_status status = std::filesystem::status(path, error);
  if (status.type() == std::filesystem::file_type::not_found) return "does not exist";
  if (error) return "cannot be used: " + error.message();
  if (!std::filesystem::is_regular_file(status)) return "is a folder or a special file, not a file";
  return {};
}

}  // namespace carecap::scenarios
