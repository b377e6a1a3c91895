// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <cstdint>
#include <limits>

namespace carecap::tools {

/// Ranges of the options every running command shares; replications and seed as for
/// projection.replications and projection.seed in a scenario file.
inline constexpr int kMaxReplications = 100000;
inline constexpr std::uint64_t kMaxSeed = std::numeric_limits<std::int64_t>::max();  // TOML integers are int64
inline constexpr int kMaxThreads = 256;  // more is a typo, not a machine

/// Checks a --threads count (0: all cores); throws InputError "--threads: expected a count from
/// 0 to 256, got N" outside 0..kMaxThreads.
void check_thread_count(int threads);

}  // namespace carecap::tools
