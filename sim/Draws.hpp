// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <boost/random/exponential_distribution.hpp>
#include <boost/random/uniform_01.hpp>

#include "sim/RandomStreams.hpp"

namespace carecap::sim {

/// An exponential draw with mean 1 (Boost.Random); scale it for other means.
inline double unit_exponential(RandomEngine& engine) { return boost::random::exponential_distribution<double>(1.0)(engine); }

/// A uniform draw in [0, 1) (Boost.Random).
inline double uniform(RandomEngine& engine) { return boost::random::uniform_01<double>()(engine); }

}  // namespace carecap::sim
