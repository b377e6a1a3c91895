// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <cstdint>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

namespace carecap::output {

/// The record of one finished run of a sweep: its index in the design and its values.
struct SweepRecord {
  std::uint64_t run = 0;
  std::vector<double> values;
};

/// An append-only file of finished sweep runs (OUTPUT.partial), so that a sweep killed at any
/// moment loses at most the runs in flight. Layout: a header (magic, the sweep's fingerprint,
/// record width, run count), then records (run index, values, FNV-1a checksum). A record cut
/// short by a kill, or failing its checksum, ends the readable part; opening for append cuts
/// the file there. Values are stored as their bytes, so a resumed sweep reduces exactly the
/// numbers an uninterrupted one would.
class SweepCheckpoint {
public:
  /// Creates `path` (replacing any file there) with a header, written under a temporary name
  /// and renamed, so that `path` never holds part of a header.
  static SweepCheckpoint create(const std::string& path, const std::string& fingerprint, std::size_t width, std::size_t runs);
  /// Opens an existing checkpoint to append; throws InputError when it is not a checkpoint of
  /// the sweep with `fingerprint` (a different sweep, file or version) or not of this shape.
  static SweepCheckpoint resume(const std::string& path, const std::string& fingerprint, std::size_t width, std::size_t runs);

  /// The runs already recorded (after resume).
  [[nodiscard]] const std::vector<bool>& done() const { return done_; }
  /// Appends records and flushes them to the file (to the operating system, which keeps them
  /// through a kill of this process); throws RuntimeFault when the write fails.
  void append(const std::vector<SweepRecord>& records);

  /// Calls `visit` for every record of a checkpoint file, in file order (each run once).
  static void read_all(const std::string& path, std::size_t width, const std::function<void(const SweepRecord&)>& visit);

  /// The fingerprint in the header of a checkpoint file, or "" when `path` is not one.
  [[nodiscard]] static std::string fingerprint_of(const std::string& path);

  /// Whether `path` holds no checkpoint: no file, an empty one, or one cut short inside its
  /// header (a kill while an older carecap wrote it in place). Such a file holds no run and is
  /// treated as absent. A file of header size or more, or one that does not start as a
  /// checkpoint does, is not absent (it is a checkpoint, or someone else's file).
  [[nodiscard]] static bool is_absent(const std::string& path);

  /// Throws RuntimeFault unless `path` is a checkpoint with `fingerprint`: checked when the
  /// checkpoint is read back for the final reduction, so that runs of another sweep that replaced
  /// it are never reduced into this sweep's results.
  static void check_fingerprint(const std::string& path, const std::string& fingerprint);

private:
  SweepCheckpoint(std::string path, std::size_t width, std::size_t runs) : path_(std::move(path)), width_(width), done_(runs, false) {}
  std::string path_;
  std::size_t width_;
  std::vector<bool> done_;
  std::ofstream out_;
};

}  // namespace carecap::output
