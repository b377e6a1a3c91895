// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <boost/random/mersenne_twister.hpp>
#include <cstdint>

namespace carecap::sim {

/// The engine behind every random stream: 64-bit Mersenne Twister from Boost.Random.
using RandomEngine = boost::random::mt19937_64;

/// Derives independent random streams from a run seed. A stream depends only on
/// (seed, replication, purpose), never on which thread or process draws from it, so results do
/// not change with the thread count. `purpose` is a caller-defined code (births, deaths, ...).
class RandomStreams {
public:
  explicit RandomStreams(std::uint64_t seed) : seed_(seed) {}

  /// A freshly seeded engine for one replication and one purpose.
  [[nodiscard]] RandomEngine stream(std::uint64_t replication, std::uint64_t purpose) const;

  [[nodiscard]] std::uint64_t seed() const { return seed_; }

private:
  std::uint64_t seed_;
};

}  // namespace carecap::sim
