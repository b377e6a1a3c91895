// carecap. SPDX-License-Identifier: MIT
#include "output/InputGuard.hpp"

#include <sys/stat.h>

#include <filesystem>

#include "sim/Errors.hpp"
#include "text/Catalogue.hpp"

namespace carecap::output {
namespace fs = std::filesystem;
namespace {

/// The path resolved (symbolic links, "..", the working directory), or empty if it cannot be.
fs::path resolved(const std::string& path) {
  std::error_code error;
  fs::path result = fs::weakly_canonical(fs::absolute(path, error), error);
  return error ? fs::path() : result;
}

/// Whether `inner` is `outer` or lies below it (both resolved).
bool lies_in(const fs::path& inner, const fs::path& outer) {
  auto i = inner.begin();
  for (auto o = outer.begin(); o != outer.end(); ++o, ++i) {
    if (o->empty() && std::next(o) == outer.end()) break;  // a trailing separator
    if (i == inner.end() || *i != *o) return false;
  }
  return true;
}

}  // namespace

void check_not_an_input(const std::string& output, const std::vector<std::string>& inputs, OutputKind kind) {
  std::string trimmed = output;
  while (trimmed.size() > 1 && trimmed.back() == '/') trimmed.pop_back();
  struct stat out {};
  const bool output_exists = ::stat(trimmed.c_str(), &out) == 0;
  const fs::path output_resolved = resolved(trimmed);
  for (const std::string& input : inputs) {
    struct stat in {};
    const bool same_inode = output_exists && ::stat(input.c_str(), &in) == 0 && in.st_dev == out.st_dev && in.st_ino == out.st_ino;
    const fs::path input_resolved = resolved(input);
    const bool same_path = !output_resolved.empty() && input_resolved == output_resolved;
    if (same_inode || same_path)
      throw InputError(text::both("errors.output.is_input", {{"path", output}, {"input", input}}));
    if (kind == OutputKind::folder && !output_resolved.empty() && !input_resolved.empty() && lies_in(input_resolved, output_resolved))
      throw InputError(text::both("errors.output.holds_input", {{"path", output}, {"input", input}}));
  }
}

}  // namespace carecap::output
