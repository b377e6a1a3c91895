// carecap. SPDX-License-Identifier: MIT
#include "output/TextFile.hpp"

#include "output/ReplaceFile.hpp"
#include "output/ResultsFile.hpp"

namespace carecap::output {

void write_text_file(const std::string& path, const std::string& content, bool overwrite) {
  check_output_path(path, overwrite);
  replace_file(path, [&](const std::string& temporary) { write_bytes(temporary, content.data(), content.size(), path); },
               overwrite);
}

}  // namespace carecap::output
