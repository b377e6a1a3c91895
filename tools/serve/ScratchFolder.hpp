// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <filesystem>
#include <string>

namespace carecap::serve {

/// A new hidden folder in the workspace (ROOT/.PURPOSE-PID-N: not a plain name, so never listed as
/// a scenario), removed with the object unless kept (renamed into place by a save).
class ScratchFolder {
public:
  explicit ScratchFolder(const std::filesystem::path& root, const std::string& purpose = "validate");
  ~ScratchFolder();
  ScratchFolder(const ScratchFolder&) = delete;
  ScratchFolder& operator=(const ScratchFolder&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }
  /// Leaves the folder where it is (its contents were moved away) when the object goes.
  void keep() { kept_ = true; }

private:
  std::filesystem::path path_;
  bool kept_ = false;
};

}  // namespace carecap::serve
