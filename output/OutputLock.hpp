// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <string>
#include <vector>

namespace carecap::output {

/// The claim of one writer on an output (a results file, a sweep checkpoint, a report, a
/// workbook or a CSV folder) for the whole command: an exclusive flock(2) on the lock file
/// OUTPUT.lock beside it, which records this host, process id and command line. A lock file
/// rather than the output itself, because the output is replaced by a rename (a lock on the old
/// inode would not hold the new one), may not exist yet, or is a folder. The lock is released
/// and its file removed when the object goes; a process killed with SIGKILL loses its flock with
/// it, so the file it leaves never blocks: the next writer takes it over and removes it.
class OutputLock {
public:
  /// Claims `output`; throws InputError (exit 2), one line naming the other writer (host, pid,
  /// command) when another process holds it, or naming the reason when the lock file cannot be
  /// made (e.g. a folder that is not writable).
  explicit OutputLock(const std::string& output);
  ~OutputLock();
  OutputLock(const OutputLock&) = delete;
  OutputLock& operator=(const OutputLock&) = delete;
  OutputLock(OutputLock&& other) noexcept;
  OutputLock& operator=(OutputLock&&) = delete;

  /// The lock file of `output`: OUTPUT.lock (a trailing '/' of a folder's name dropped).
  [[nodiscard]] static std::string lock_path(const std::string& output);

private:
  std::string path_;  // the lock file
  int fd_ = -1;
};

/// What every command does with a results, report or text output before any work: refuses it
/// when it is one of `inputs` (check_not_an_input), checks the path (check_output_path), then
/// claims it and checks again under the claim (another writer may have just finished it).
[[nodiscard]] OutputLock claim_output(const std::string& path, bool overwrite, const std::vector<std::string>& inputs);

}  // namespace carecap::output
