// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <string>

#include "text/Lang.hpp"

namespace carecap::tools {

/// Options of `carecap serve`, as given on the command line.
struct ServeOptions {
  std::string workspace = ".";             // the folder of scenario folders
  std::string listen = "127.0.0.1:8080";   // ADDR:PORT; port 0: a free port
  std::string token_file;                  // required for an address other than loopback
  text::Lang lang = text::Lang::en;        // of what the command prints (--lang, else the locale)
};

/// Checks the options (an address other than loopback without --token-file is refused: InputError
/// naming the option, before anything listens), binds, prints the URL to open as its first line,
/// and serves the workspace (tools/serve/ScenarioServer) until SIGINT or SIGTERM; a run under way
/// is finished first.
void serve_command(const ServeOptions& options);

}  // namespace carecap::tools
