// carecap. SPDX-License-Identifier: MIT
#include "output/ReplaceFile.hpp"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>  // renameat2 (glibc >= 2.28, _GNU_SOURCE)
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "sim/Errors.hpp"
#include "text/Catalogue.hpp"

namespace carecap::output {

namespace {

/// This host's name, as temporary names carry it ("localhost" if the system gives none).
const std::string& host_name() {
  static const std::string host = [] {
    std::array<char, 256> name{};
    if (::gethostname(name.data(), name.size() - 1) != 0 || name[0] == '\0') return std::string("localhost");
    std::string text(name.data());
    for (char& c : text)
      if (c == '/' || c == '\\') c = '_';
    return text;
  }();
  return host;
}

/// The temporaries of `path` start with this; the writer's process id follows.
std::string temporary_prefix(const std::string& path) { return path + ".tmp-" + host_name() + "-"; }

}  // namespace

std::string temporary_name(const std::string& path) { return temporary_prefix(path) + std::to_string(::getpid()); }

void remove_stale_temporaries(const std::string& path) {
  namespace fs = std::filesystem;
  const fs::path target(path);
  const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
  const std::string prefix = temporary_prefix(target.filename().string());
  std::error_code error;
  for (fs::directory_iterator entry(folder, error), end; !error && entry != end; entry.increment(error)) {
    const std::string name = entry->path().filename().string();
    if (name.size() <= prefix.size() || name.compare(0, prefix.size(), prefix) != 0) continue;
    const std::string digits = name.substr(prefix.size());
    if (digits.size() > 9 || digits[0] == '0' || digits.find_first_not_of("0123456789") != std::string::npos) continue;
    const auto pid = static_cast<pid_t>(std::stol(digits));
    if (pid == ::getpid() || ::kill(pid, 0) == 0 || errno != ESRCH) continue;  // running, or not ours to judge
    struct stat status {};
    if (::lstat(entry->path().c_str(), &status) != 0 || status.st_uid != ::geteuid()) continue;  // another user's
    std::error_code ignored;
    fs::remove_all(entry->path(), ignored);
  }
}

int rename_path(const std::string& from, const std::string& to, bool overwrite) {
  if (overwrite) return ::rename(from.c_str(), to.c_str()) == 0 ? 0 : errno;
  if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) return 0;
  if (errno != EINVAL && errno != ENOSYS) return errno;
  struct stat status {};  // a file system without RENAME_NOREPLACE: link never replaces
  if (::lstat(from.c_str(), &status) != 0) return errno;
  if (S_ISDIR(status.st_mode)) return EINVAL;
  if (::link(from.c_str(), to.c_str()) != 0) return errno;
  ::unlink(from.c_str());
  return 0;
}

int exchange_paths(const std::string& a, const std::string& b) {
  return ::renameat2(AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE) == 0 ? 0 : errno;
}

void replace_file(const std::string& path, const std::function<void(const std::string& temporary)>& write, bool overwrite) {
  const std::string temporary = temporary_name(path);
  try {
    write(temporary);
    const int error = rename_path(temporary, path, overwrite);
    if (error == EEXIST)
      throw InputError(text::both("errors.output.appeared", {{"path", path}}));
    if (error != 0)
      throw RuntimeFault(text::both("errors.output.cannot_replace", {{"path", path}, {"temporary", temporary},
                                                                    {"reason", std::strerror(error)}}));
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove(temporary, ignored);
    throw;
  }
  remove_stale_temporaries(path);
}

void write_bytes(const std::string& temporary, const char* data, std::size_t size, const std::string& path) {
  errno = 0;
  std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
  if (out) out.write(data, static_cast<std::streamsize>(size));
  if (out) out.flush();
  if (out) out.close();  // sets failbit if the last buffered bytes cannot be written
  if (!out) {
    const int cause = errno;
    throw RuntimeFault(cause != 0 ? text::both("errors.output.cannot_write_because",
                                               {{"path", path}, {"temporary", temporary}, {"reason", std::strerror(cause)}})
                                  : text::both("errors.output.cannot_write", {{"path", path}, {"temporary", temporary}}));
  }
}

}  // namespace carecap::output
