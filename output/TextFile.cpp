// carecap. SPDX-License-Identifier: MIT
#include "output/TextFile.hpp"

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "output/ResultsFile.hpp"
#include "sim/Errors.hpp"

namespace carecap::output {

void write_text_file(const std::string& path, const std::string& content, bool overwrite) {
  check_output_path(path, overwrite);
  const std::string temporary = path + ".tmp-" + std::to_string(::getpid());
  std::error_code error;
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << content;
    out.flush();
    if (!out) {
      std::filesystem::remove(temporary, error);
      throw RuntimeFault(path + ": cannot write " + temporary);
    }
  }
  std::filesystem::rename(temporary, path, error);
  if (error) {
    std::error_code ignored;
    std::filesystem::remove(temporary, ignored);
    throw RuntimeFault(path + ": cannot replace it with " + temporary + ": " + error.message());
  }
}

}  // namespace carecap::output
