// carecap. SPDX-License-Identifier: MIT
#include "output/ReplaceFile.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "sim/Errors.hpp"

namespace carecap::output {

void replace_file(const std::string& path, const std::function<void(const std::string& temporary)>& write) {
  const std::string temporary = path + ".tmp-" + std::to_string(::getpid());
  try {
    write(temporary);
    std::error_code error;
    std::filesystem::rename(temporary, path, error);
    if (error) throw RuntimeFault(path + ": cannot replace it with " + temporary + ": " + error.message());
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove(temporary, ignored);
    throw;
  }
}

void write_bytes(const std::string& temporary, const char* data, std::size_t size, const std::string& path) {
  errno = 0;
  std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
  if (out) out.write(data, static_cast<std::streamsize>(size));
  if (out) out.flush();
  if (out) out.close();  // sets failbit if the last buffered bytes cannot be written
  if (!out) {
    const int cause = errno;
    throw RuntimeFault(path + ": cannot write " + temporary +
                       (cause != 0 ? ": " + std::string(std::strerror(cause)) : std::string()));
  }
}

}  // namespace carecap::output
