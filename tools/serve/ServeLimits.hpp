// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <cstddef>

namespace carecap::serve {

/// The largest request body the server reads (a scenario's files as JSON); a larger one is
/// refused with 413 before it is read into memory (cpp-httplib discards it as it arrives).
inline constexpr std::size_t kMaxRequestBytes = std::size_t{8} << 20;  // 8 MiB
/// Runs that go on at the same time; more wait in the queue. Each run uses every core (OpenMP).
inline constexpr int kMaxConcurrentRuns = 1;
/// Runs waiting beyond those running; one more is refused (503) rather than queued.
inline constexpr std::size_t kMaxQueuedRuns = 16;
/// The longest workspace or scenario name, in bytes of UTF-8 (a CJK character is 3).
inline constexpr std::size_t kMaxNameBytes = 64;
/// The port the server listens on when --listen gives none.
inline constexpr int kDefaultPort = 8080;

}  // namespace carecap::serve
