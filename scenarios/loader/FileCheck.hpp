// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <algorithm>
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

/// While one is alive, the loads of this thread read only files inside `root` (symbolic links
/// resolved): a scenario posted to `carecap serve` cannot make the server read, or say whether
/// there is, any file outside its workspace (`base = "/etc/..."`, `../../`, a link out).
class ReadConfinement {
public:
  explicit ReadConfinement(const std::filesystem::path& root)
      : previous_(current()) {
    std::error_code ignored;
    current() = std::filesystem::weakly_canonical(std::filesystem::absolute(root), ignored);
  }
  ~ReadConfinement() { current() = previous_; }
  ReadConfinement(const ReadConfinement&) = delete;
  ReadConfinement& operator=(const ReadConfinement&) = delete;

  /// Whether `path` may be read: always without a confinement.
  [[nodiscard]] static bool admits(const std::filesystem::path& path) {
    if (current().empty()) return true;
    std::error_code error;
    const std::filesystem::path real = std::filesystem::weakly_canonical(std::filesystem::absolute(path), error);
    if (error) return false;
    const auto [root_end, ignored] = std::mismatch(current().begin(), current().end(), real.begin(), real.end());
    return root_end == current().end();
  }

private:
  static std::filesystem::path& current() {
    thread_local std::filesystem::path root;
    return root;
  }
  std::filesystem::path previous_;
};

/// Why `path` cannot be read as an input file, in words for a message in both languages; none
/// when it is a regular file. Never throws: a path the system refuses is bad input too.
[[nodiscard]] inline FileProblem file_problem(const std::filesystem::path& path) {
  if (!ReadConfinement::admits(path)) return {false, text::both("errors.file.outside_workspace")};
  std::error_code error;
  const std::filesystem::file_status status = std::filesystem::status(path, error);
  if (status.type() == std::filesystem::file_type::not_found) return {true, text::both("errors.file.does_not_exist")};
  if (error) return {false, text::both("errors.file.cannot_be_used", {{"reason", error.message()}})};
  if (!std::filesystem::is_regular_file(status)) return {false, text::both("errors.file.not_a_file")};
  return {};
}

}  // namespace carecap::scenarios
