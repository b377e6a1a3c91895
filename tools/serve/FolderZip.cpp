// carecap. SPDX-License-Identifier: MIT
#include "tools/serve/FolderZip.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <list>
#include <optional>
#include <vector>

#include "sim/Errors.hpp"
#include "text/Catalogue.hpp"
#include "tools/serve/ResultDownloads.hpp"

namespace carecap::serve {
namespace fs = std::filesystem;
namespace {

[[noreturn]] void zip_failed(const std::string& what) {
  throw RuntimeFault(text::both("serve.study.zip_failed", {{"what", what}}));
}

/// A file descriptor, closed with the object.
struct OpenFile {
  int fd;
  explicit OpenFile(const fs::path& path) : fd(::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC)) {}
  ~OpenFile() {
    if (fd >= 0) ::close(fd);
  }
  OpenFile(const OpenFile&) = delete;
  OpenFile& operator=(const OpenFile&) = delete;
};

/// The bytes of the regular file `path`, opened without following a symbolic link (O_NOFOLLOW):
/// nullopt when it is a link or not a regular file by the time it is opened.
std::optional<std::string> read_regular_file(const fs::path& path) {
  const OpenFile file(path);
  struct stat info {};
  if (file.fd < 0 || ::fstat(file.fd, &info) != 0 || !S_ISREG(info.st_mode)) return std::nullopt;
  std::string bytes;
  char buffer[1 << 16];
  for (ssize_t got; (got = ::read(file.fd, buffer, sizeof buffer)) != 0;) {
    if (got < 0) return std::nullopt;
    bytes.append(buffer, static_cast<std::size_t>(got));
  }
  return bytes;
}

/// A zip archive written into a memory buffer, discarded unless finished.
class MemoryZip {
public:
  MemoryZip() {
    zip_error_init(&error_);
    source_ = zip_source_buffer_create(nullptr, 0, 0, &error_);
    if (!source_) zip_failed(zip_error_strerror(&error_));
    zip_source_keep(source_);  // kept past zip_close, to be read back
    archive_ = zip_open_from_source(source_, ZIP_TRUNCATE, &error_);
    if (!archive_) {
      zip_source_free(source_);
      zip_failed(zip_error_strerror(&error_));
    }
  }
  ~MemoryZip() {
    if (archive_) zip_discard(archive_);
    zip_source_free(source_);
    zip_error_fini(&error_);
  }
  MemoryZip(const MemoryZip&) = delete;
  MemoryZip& operator=(const MemoryZip&) = delete;

  /// Adds `bytes` (kept alive by the caller until finish()) as `entry`, modified at `mtime`.
  void add(const std::string& entry, const std::string& bytes, std::time_t mtime) {
    zip_source_t* data = zip_source_buffer(archive_, bytes.data(), bytes.size(), 0);
    if (!data) zip_failed(zip_strerror(archive_));
    const zip_int64_t index = zip_file_add(archive_, entry.c_str(), data, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
    if (index < 0) {
      zip_source_free(data);
      zip_failed(zip_strerror(archive_));
    }
    zip_file_set_mtime(archive_, static_cast<zip_uint64_t>(index), mtime, 0);
  }

  /// Writes the archive and returns its bytes.
  std::string finish() {
    if (zip_close(archive_) != 0) zip_failed(zip_strerror(archive_));
    archive_ = nullptr;
    if (zip_source_open(source_) != 0) zip_failed(zip_error_strerror(zip_source_error(source_)));
    zip_source_seek(source_, 0, SEEK_END);
    const zip_int64_t size = zip_source_tell(source_);
    zip_source_seek(source_, 0, SEEK_SET);
    std::string bytes(static_cast<std::size_t>(std::max<zip_int64_t>(size, 0)), '\0');
    const zip_int64_t got = zip_source_read(source_, bytes.data(), bytes.size());
    zip_source_close(source_);
    if (size < 0 || got != size) zip_failed(zip_error_strerror(zip_source_error(source_)));
    return bytes;
  }

private:
  zip_error_t error_{};
  zip_source_t* source_ = nullptr;
  zip_t* archive_ = nullptr;
};

}  // namespace

bool is_scenario_file(const fs::path& relative) {
  for (const fs::path& part : relative)
    if (part.string().empty() || part.string().front() == '.') return false;
  const std::string file = relative.filename().string();
  const std::string extension = relative.extension().string();
  return extension == ".toml" || extension == ".csv" || file == "form.json" || file.rfind("README", 0) == 0;
}

std::string folder_zip(const fs::path& folder, const std::string& name) {
  std::vector<fs::path> files;  // relative to the folder, in a stable order
  std::error_code error;
  // The iterator does not enter linked folders; linked files are left out by symlink_status.
  for (fs::recursive_directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
    const fs::path relative = it->path().lexically_relative(folder);
    if (it->symlink_status(error).type() == fs::file_type::regular && is_scenario_file(relative)) files.push_back(relative);
  }
  if (error) zip_failed(error.message());
  std::sort(files.begin(), files.end());

  MemoryZip zip;
  std::list<std::string> contents;  // alive until finish(): libzip reads them as it writes
  std::size_t total = 0;
  for (const fs::path& relative : files) {
    std::optional<std::string> bytes = read_regular_file(folder / relative);
    if (!bytes) continue;  // replaced by a link or removed since it was listed
    total += bytes->size();
    if (total > kMaxZipInputBytes)
      throw InputError(text::both("serve.study.folder_too_large", {{"mib", kMaxZipInputBytes >> 20}}));
    struct stat info {};
    const std::time_t mtime = ::lstat((folder / relative).c_str(), &info) == 0 ? info.st_mtime : std::time(nullptr);
    contents.push_back(std::move(*bytes));
    zip.add(name + "/" + relative.generic_string(), contents.back(), mtime);
  }
  return zip.finish();
}

void serve_folder_zip(const Workspace& workspace, const ScenarioFolder& folder, httplib::Response& response) {
  const std::string zip = folder_zip(workspace.folder(folder.name), folder.name);
  const bool ascii = std::all_of(folder.name.begin(), folder.name.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  response.set_header("Content-Disposition", attachment(ascii ? folder.name + ".zip" : "scenario.zip", folder.name + ".zip"));
  response.set_header("Cache-Control", "no-store");
  response.set_content(zip, "application/zip");
}

}  // namespace carecap::serve
