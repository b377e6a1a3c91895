// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <cstddef>
#include <functional>
#include <string>

namespace carecap::output {

/// Makes the file `path` whole or not at all: `write` fills a temporary file beside it (the name
/// it is given), which is then renamed to `path`. If `write` throws or the rename fails, the
/// temporary file is removed and the error goes on (a failed rename: RuntimeFault naming `path`).
/// Checking whether `path` may be replaced is the caller's (check_output_path).
void replace_file(const std::string& path, const std::function<void(const std::string& temporary)>& write);

/// Writes `size` bytes to the file `temporary` (created or truncated), flushed and closed; throws
/// RuntimeFault naming `path` and the system's reason if any step fails (disk full, size limit).
void write_bytes(const std::string& temporary, const char* data, std::size_t size, const std::string& path);

}  // namespace carecap::output
