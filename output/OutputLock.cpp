// carecap. SPDX-License-Identifier: MIT
#include "output/OutputLock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>

#include "output/InputGuard.hpp"
#include "output/ResultsFile.hpp"
#include "sim/Errors.hpp"
#include "text/Catalogue.hpp"

namespace carecap::output {
namespace {

/// This host's name ("localhost" if the system gives none).
std::string host_name() {
  std::array<char, 256> name{};
  if (::gethostname(name.data(), name.size() - 1) != 0 || name[0] == '\0') return "localhost";
  return name.data();
}

/// This process's command line, arguments separated by spaces (from /proc; "" if unreadable).
std::string command_line() {
  std::ifstream in("/proc/self/cmdline", std::ios::binary);
  std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  while (!text.empty() && text.back() == '\0') text.pop_back();
  for (char& c : text)
    if (c == '\0' || c == '\n' || c == '\r') c = ' ';
  return text;
}

/// What the holder of a lock file wrote in it, on one line ("" if nothing).
std::string holder_of(int fd) {
  std::string text(4096, '\0');
  const ssize_t got = ::pread(fd, text.data(), text.size(), 0);
  text.resize(got > 0 ? static_cast<std::size_t>(got) : 0);
  while (!text.empty() && (text.back() == '\n' || text.back() == '\0')) text.pop_back();
  for (char& c : text)
    if (c == '\n' || c == '\r' || c == '\0') c = ' ';
  return text;
}

}  // namespace

std::string OutputLock::lock_path(const std::string& output) {
  std::string trimmed = output;
  while (trimmed.size() > 1 && trimmed.back() == '/') trimmed.pop_back();
  return trimmed + ".lock";
}

OutputLock::OutputLock(const std::string& output) : path_(lock_path(output)) {
  // A holder removes the lock file before it lets go, so a file opened just before that is no
  // longer the one at path_: after taking the flock, check that it still is, else start again.
  for (int attempt = 0; attempt < 100; ++attempt) {
    const int fd = ::open(path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd < 0)
      throw InputError(text::both("errors.lock.cannot_make", {{"path", output}, {"lock", path_}, {"reason", std::strerror(errno)}}));
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
      const int cause = errno;
      const std::string holder = holder_of(fd);
      ::close(fd);
      if (cause != EWOULDBLOCK)
        throw InputError(text::both("errors.lock.cannot_lock", {{"path", output}, {"lock", path_}, {"reason", std::strerror(cause)}}));
      throw InputError(holder.empty() ? text::both("errors.lock.taken_unnamed", {{"path", output}, {"lock", path_}})
                                      : text::both("errors.lock.taken", {{"path", output}, {"holder", holder}}));
    }
    struct stat held {}, named {};
    if (::fstat(fd, &held) == 0 && ::stat(path_.c_str(), &named) == 0 && held.st_dev == named.st_dev &&
        held.st_ino == named.st_ino) {
      const std::string record = "host " + host_name() + ", pid " + std::to_string(::getpid()) + ", command: " + command_line() + "\n";
      if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, record.data(), record.size(), 0) != static_cast<ssize_t>(record.size())) {
        // The claim holds without the record; the message of a refused writer just names none.
      }
      fd_ = fd;
      return;
    }
    ::close(fd);  // removed by its last holder meanwhile: claim the new one
  }
  throw InputError(text::both("errors.lock.replaced", {{"path", output}, {"lock", path_}}));
}

OutputLock::OutputLock(OutputLock&& other) noexcept : path_(std::move(other.path_)), fd_(other.fd_) { other.fd_ = -1; }

OutputLock::~OutputLock() {
  if (fd_ < 0) return;
  ::unlink(path_.c_str());  // while still held, so that no one takes over a file about to vanish
  ::close(fd_);
}

OutputLock claim_output(const std::string& path, bool overwrite, const std::vector<std::string>& inputs) {
  check_not_an_input(path, inputs);
  check_output_path(path, overwrite);  // a missing folder is named as such, before a lock file is tried there
  OutputLock claim(path);
  check_output_path(path, overwrite);
  return claim;
}

}  // namespace carecap::output
