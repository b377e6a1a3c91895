// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <string>

namespace carecap::serve {

/// Where the server listens: `--listen ADDR:PORT` ("127.0.0.1:8080", "0.0.0.0:8080",
/// "[::1]:8080", "localhost:0"; port 0: a free port chosen by the system).
struct ListenAddress {
  std::string host = "127.0.0.1";  // without brackets
  int port = 8080;                 // 0..65535

  /// Whether only this machine can reach it: 127.0.0.0/8, ::1 or localhost. Any other address
  /// needs a token (ServeSettings).
  [[nodiscard]] bool is_loopback() const;
};

/// Parses `--listen`: ADDR:PORT, [IPV6]:PORT or ADDR alone (the default port). Throws InputError
/// naming --listen and what was found when it is none of these or the port is out of range.
[[nodiscard]] ListenAddress parse_listen_address(const std::string& text);

}  // namespace carecap::serve
