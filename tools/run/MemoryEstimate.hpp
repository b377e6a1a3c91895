// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <cstdint>
#include <string>

#include "scenarios/loader/Scenario.hpp"
#include "tools/run/ScenarioRun.hpp"
#include "text/Catalogue.hpp"

namespace carecap::tools {

/// Share of physical memory (or of the cgroup's memory.max, when lower) a command may plan to
/// use when --max-memory is not given.
inline constexpr double kDefaultMemoryShare = 0.8;

/// Parses a --max-memory size: a number with an optional K, M, G or T (powers of 1024; an
/// optional trailing B or iB), e.g. 4G, 512M, 1.5G, 1073741824. Throws InputError "--max-memory:
/// expected a size like 4G or 512M, got TEXT" for anything else, zero, or above 2^60 bytes.
[[nodiscard]] std::uint64_t parse_memory_size(const std::string& text);

/// Sets the limit the estimate is checked against (bytes; 0: the default).
void set_memory_limit(std::uint64_t bytes);

/// The limit in force and how it was set, e.g. "--max-memory 4.0 GiB" or "80% of 23.4 GiB of
/// physical memory".
struct MemoryLimit {
  std::uint64_t bytes = 0;
  text::Text origin;  // in both languages
};
[[nodiscard]] MemoryLimit memory_limit();

/// Estimated peak memory of run_scenario on `threads` threads (0: all cores) and of writing its
/// results file, in bytes (formula and calibration: docs/reliability.md, "Memory limits").
/// With NaturalTrend::simulate, a plan's natural trend is simulated beside it.
[[nodiscard]] std::uint64_t run_memory_bytes(const scenarios::Scenario& scenario, int threads,
                                             NaturalTrend natural_trend = NaturalTrend::skip);

/// Estimated peak memory of a sweep process: `threads` runs at a time, each of `scenario` on one
/// thread, plus the runs' records (`runs` x `width` outcomes).
[[nodiscard]] std::uint64_t sweep_memory_bytes(const scenarios::Scenario& scenario, std::size_t runs,
                                               std::size_t width, int threads);

/// Throws InputError "WHAT: needs an estimated X GiB of memory (DETAIL), above the limit of Y GiB
/// (ORIGIN); expected ..." when `estimate` is above memory_limit().
/// Both languages travel with the error (sim/Errors.hpp); `detail` says what the estimate is of.
void check_memory(std::uint64_t estimate, const std::string& what, const text::Text& detail);

/// check_memory of run_memory_bytes, naming the scenario and its replications and threads.
void check_run_memory(const scenarios::Scenario& scenario, int threads, NaturalTrend natural_trend = NaturalTrend::skip);

}  // namespace carecap::tools
