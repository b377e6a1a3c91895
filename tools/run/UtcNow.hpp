// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <chrono>
#include <ctime>
#include <string>

namespace carecap::tools {

/// The current time as ISO 8601 UTC ("2026-11-23T10:00:00Z"), recorded in output files.
inline std::string utc_now() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
  return text;
}

}  // namespace carecap::tools
