// carecap. SPDX-License-Identifier: MIT
// Helpers for tests that run the carecap binary and inspect what it printed and wrote.
#pragma once
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "TestSupport.hpp"

namespace carecap::testing {

namespace fs = std::filesystem;

inline const fs::path kSourceDir{CARECAP_SOURCE_DIR};
inline const fs::path kChinaScenario = kSourceDir / "scenarios" / "china.toml";
inline const std::string kBinary{CARECAP_BINARY};

/// A temporary directory for one case.
struct CaseDir : TempDir {
  CaseDir() : TempDir("carecap_cli_") {}
};

inline std::string quoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

inline std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline void write_file(const fs::path& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  out << content;
}

/// What one invocation of the carecap binary did.
struct Outcome {
  int status = -1;  // exit status, or -1 if it did not exit normally
  std::string out;
  std::string err;
};

/// The locale a test runs the binary in, as a shell prefix of environment settings: the tests
/// that check English words run it in the C locale (run_carecap), so that they do not depend on
/// the machine's LANG (text::lang_from_environment); kChineseLocale is the planner's.
inline const std::string kEnglishLocale = "LC_ALL=C ";
inline const std::string kChineseLocale = "env -u LC_ALL -u LC_MESSAGES LANG=zh_CN.UTF-8 ";

/// Runs carecap with `args` in directory `cwd` in `locale` (kEnglishLocale or kChineseLocale),
/// capturing stdout and stderr (to files kept outside every directory the tests inspect).
/// `launcher`, if given, is a shell command prefix that runs the binary (see kFileSizeLimit).
inline Outcome run_carecap_in(const std::string& locale, const std::vector<std::string>& args,
                              const fs::path& cwd = kSourceDir, const std::string& launcher = "") {
  const CaseDir capture;
  std::string command = "cd " + quoted(cwd.string()) + " && " + locale + launcher + quoted(kBinary);
  for (const std::string& arg : args) command += " " + quoted(arg);
  command += " >" + quoted((capture.path() / "stdout").string()) + " 2>" + quoted((capture.path() / "stderr").string());
  const int raw = std::system(command.c_str());
  Outcome outcome;
  outcome.status = raw != -1 && WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  outcome.out = read_file(capture.path() / "stdout");
  outcome.err = read_file(capture.path() / "stderr");
  return outcome;
}

/// Runs carecap as run_carecap_in does, in the C locale: English words, whatever the machine's LANG.
inline Outcome run_carecap(const std::vector<std::string>& args, const fs::path& cwd = kSourceDir,
                           const std::string& launcher = "") {
  return run_carecap_in(kEnglishLocale, args, cwd, launcher);
}

inline bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

inline bool starts_with(const std::string& text, const std::string& start) { return text.rfind(start, 0) == 0; }

/// A launcher that runs the binary under a file-size limit of `kib` KiB with SIGXFSZ ignored, so
/// that a write beyond it fails with EFBIG, as on a full disk. (bash's ulimit -f counts 1024-byte
/// blocks.)
inline std::string file_size_limit(int kib) {
  return "/bin/bash -c " + quoted("trap '' XFSZ; ulimit -f " + std::to_string(kib) + "; exec \"$@\"") +
         " carecap_with_file_size_limit ";
}
inline const std::string kFileSizeLimit = file_size_limit(64);

/// The headers and attributes of every object of an HDF5 file as h5dump prints them, without
/// the first line (the file's name) and the value of `created_utc` (the time of writing).
inline std::string attributes_of(const fs::path& file) {
  const CaseDir capture;
  const fs::path listing = capture.path() / "attributes";
  const std::string command = "h5dump -A " + quoted(file.string()) +
                              " | sed -e 1d -e '/\"[0-9]\\{4\\}-[0-9][0-9]-[0-9][0-9]T[0-9:]*Z\"/d' >" +
                              quoted(listing.string());
  if (std::system(command.c_str()) != 0) return "h5dump failed on " + file.string();
  return read_file(listing);
}

/// 0 when two carecap outputs are equal: h5diff finds every dataset and every attribute of the
/// objects below the root equal, and the root's attributes are equal but for `created_utc`
/// (h5diff can only skip all of an object's attributes, so those are compared with h5dump).
inline int h5diff(const fs::path& a, const fs::path& b) {
  const std::string command = "h5diff --exclude-attribute / " + quoted(a.string()) + " " + quoted(b.string()) + " >/dev/null 2>&1";
  const int raw = std::system(command.c_str());
  if (!WIFEXITED(raw)) return -1;
  if (WEXITSTATUS(raw) != 0) return WEXITSTATUS(raw);
  return attributes_of(a) == attributes_of(b) ? 0 : 1;
}

/// Exactly one line: non-empty, one newline, at the end.
inline bool is_one_line(const std::string& text) {
  return !text.empty() && text.back() == '\n' && std::count(text.begin(), text.end(), '\n') == 1;
}

inline std::vector<std::string> entries_of(const fs::path& directory) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(directory)) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

inline bool has_temporary_file(const fs::path& directory) {
  const auto names = entries_of(directory);
  return std::any_of(names.begin(), names.end(), [](const std::string& n) { return contains(n, ".tmp-"); });
}

}  // namespace carecap::testing
