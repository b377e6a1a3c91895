// carecap. SPDX-License-Identifier: MIT
#include "sim/RandomStreams.hpp"

#include <random>

namespace carecap::sim {

RandomEngine RandomStreams::stream(std::uint64_t replication, std::uint64_t purpose) const {
  // std::seed_seq's mixing is fully specified by the C++ standard, so the same three numbers
  // give the same engine state on every platform and thread.
  auto low = [](std::uint64_t v) { return static_cast<std::uint32_t>(v & 0xffffffffu); };
  auto high = [](std::uint64_t v) { return static_cast<std::uint32_t>(v >> 32); };
  std::seed_seq sequence{low(seed_), high(seed_), low(replication), high(replication),
                         low(purpose), high(purpose)};
  return RandomEngine(sequence);
}

}  // namespace carecap::sim
