// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <filesystem>
#include <optional>
#include <string>

#include "tools/serve/ListenAddress.hpp"

namespace carecap::serve {

/// What `carecap serve` was started with, checked (tools/cli/ServeCommand).
struct ServeSettings {
  std::filesystem::path workspace;    // the folder of scenario folders
  ListenAddress listen;               // 127.0.0.1:8080 unless --listen
  std::optional<std::string> token;   // from --token-file; required off loopback
};

}  // namespace carecap::serve
