// carecap. SPDX-License-Identifier: MIT
#include "tools/serve/ScratchFolder.hpp"

#include <unistd.h>

#include <atomic>

namespace carecap::serve {
namespace fs = std::filesystem;

ScratchFolder::ScratchFolder(const fs::path& root, const std::string& purpose) {
  static std::atomic<unsigned> counter{0};
  path_ = root / ("." + purpose + "-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
  fs::create_directories(path_);
}

ScratchFolder::~ScratchFolder() {
  if (kept_) return;
  std::error_code ignored;
  fs::remove_all(path_, ignored);
}

}  // namespace carecap::serve
