// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <string>

namespace carecap::output {

/// Writes `content` to `path` whole or not at all: to a temporary name beside it, then renamed.
/// An existing file is replaced only when `overwrite` is true (otherwise InputError); a failure
/// to write is a RuntimeFault naming `path`, and leaves no temporary file.
void write_text_file(const std::string& path, const std::string& content, bool overwrite);

}  // namespace carecap::output
