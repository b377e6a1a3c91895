// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <cstddef>
#include <functional>
#include <string>

namespace carecap::output {

/// Makes the file `path` whole or not at all: `write` fills a temporary file beside it (the name
/// it is given, temporary_name(path)), which is then renamed to `path` in one step, so that a
/// reader opening `path` sees the old file or the new one, whole. Without `overwrite` the rename
/// never replaces a file that appeared at `path` meanwhile (rename_path): InputError. If `write`
/// throws or the rename fails, the temporary file is removed and the error goes on (a failed
/// rename: RuntimeFault naming `path`). Once `path` is complete, what killed writers of it left
/// is removed (remove_stale_temporaries). Checking whether `path` may be replaced, and claiming
/// it (OutputLock), is the caller's (check_output_path).
void replace_file(const std::string& path, const std::function<void(const std::string& temporary)>& write, bool overwrite);

/// Renames `from` to `to` in one step. With `overwrite`, a file at `to` is replaced; without,
/// nothing at `to` is ever replaced (renameat2 with RENAME_NOREPLACE; on a file system without
/// it, link + unlink for a file). Returns 0, or the errno: EEXIST when `to` exists.
[[nodiscard]] int rename_path(const std::string& from, const std::string& to, bool overwrite);

/// Swaps the two existing paths `a` and `b` in one step (renameat2 with RENAME_EXCHANGE), so that
/// `b`'s name never holds nothing. Returns 0, or the errno (EINVAL: the file system cannot).
[[nodiscard]] int exchange_paths(const std::string& a, const std::string& b);

/// The name under which this process builds `path`: PATH.tmp-HOST-PID, beside it, so that the
/// rename stays on one file system and a writer on another node of a shared file system never
/// takes the same name.
[[nodiscard]] std::string temporary_name(const std::string& path);

/// Removes the temporaries of `path` (files or folders) that processes of this host no longer
/// running left behind (killed with SIGKILL, or a machine that slept and was switched off).
/// Those of running processes, of other hosts and of other users are kept: their writers may
/// still be at work. (Processes are told apart by host name and process id: two containers with
/// the same host name, separate process ids and one shared folder could mistake each other's.)
void remove_stale_temporaries(const std::string& path);

/// Writes `size` bytes to the file `temporary` (created or truncated), flushed and closed; throws
/// RuntimeFault naming `path` and the system's reason if any step fails (disk full, size limit).
void write_bytes(const std::string& temporary, const char* data, std::size_t size, const std::string& path);

}  // namespace carecap::output
