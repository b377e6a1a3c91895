// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <any>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

namespace carecap::scenarios {

/// Tables already read and checked, for loading a scenario again with other values: a sweep
/// loads its scenario once per run, and reading WPP's tables (17,000 rows of death rates) was
/// most of a run's time. An entry is found by how a table was read and the file's path, so a
/// run whose values name another file reads that one. Files are taken not to change while the
/// cache lives (a sweep records their SHA-256 once, at its start). Safe to share between threads.
class TableCache {
public:
  /// The table kept under `key`, or `read()`'s result, kept for the next call. A read that
  /// throws keeps nothing. Two threads reading the same table at once both read it; the first
  /// result is kept (equal to the second: reading is deterministic).
  template <class Table, class Read>
  [[nodiscard]] Table get(const std::string& key, Read&& read);

  /// The SHA-256 of the file at `path`, computed once (sha256_of_file).
  [[nodiscard]] std::string sha256(const std::string& path);

private:
  std::mutex mutex_;
  std::map<std::string, std::any> tables_;  // each a std::shared_ptr<const Table>
  std::map<std::string, std::string> digests_;
};

template <class Table, class Read>
Table TableCache::get(const std::string& key, Read&& read) {
  using Kept = std::shared_ptr<const Table>;
  Kept kept;
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    if (const auto found = tables_.find(key); found != tables_.end()) kept = std::any_cast<Kept>(found->second);
  }
  if (!kept) {
    kept = std::make_shared<const Table>(std::forward<Read>(read)());
    const std::lock_guard<std::mutex> lock(mutex_);
    kept = std::any_cast<Kept>(tables_.emplace(key, kept).first->second);
  }
  return *kept;
}

}  // namespace carecap::scenarios
