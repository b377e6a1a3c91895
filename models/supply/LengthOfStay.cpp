// carecap. SPDX-License-Identifier: MIT
#include "models/supply/LengthOfStay.hpp"

#include "sim/Draws.hpp"

#include <boost/random/exponential_distribution.hpp>
#include <boost/random/gamma_distribution.hpp>
#include <boost/random/uniform_01.hpp>
#include <boost/random/lognormal_distribution.hpp>
#include <boost/random/weibull_distribution.hpp>
#include <cmath>

namespace carecap::supply {

double draw_shaped_stay(const LengthOfStay& stay, sim::RandomEngine& engine) {
  switch (stay.distribution) {
    case StayDistribution::weibull: {
      // mean = scale x Gamma(1 + 1/k)
      const double scale = stay.mean_years / std::tgamma(1.0 + 1.0 / stay.shape);
      return boost::random::weibull_distribution<double>(stay.shape, scale)(engine);
    }
    case StayDistribution::lognormal: {
      // Boost's lognormal takes (m, s) of the underlying normal: mean = exp(m + s^2 / 2).
      const double m = std::log(stay.mean_years) - 0.5 * stay.shape * stay.shape;
      return boost::random::lognormal_distribution<double>(m, stay.shape)(engine);
    }
    case StayDistribution::exponential:
    default:
      return boost::random::exponential_distribution<double>(1.0 / stay.mean_years)(engine);
  }
}

double draw_remaining_stay(const LengthOfStay& stay, sim::RandomEngine& engine) {
  const double fraction = sim::uniform(engine);
  switch (stay.distribution) {
    case StayDistribution::weibull: {
      const double scale = stay.mean_years / std::tgamma(1.0 + 1.0 / stay.shape);
      const double g = boost::random::gamma_distribution<double>(1.0 + 1.0 / stay.shape)(engine);
      return fraction * scale * std::pow(g, 1.0 / stay.shape);
    }
    case StayDistribution::lognormal: {
      const double m = std::log(stay.mean_years) - 0.5 * stay.shape * stay.shape;
      return fraction * boost::random::lognormal_distribution<double>(m + stay.shape * stay.shape, stay.shape)(engine);
    }
    case StayDistribution::exponential:
    default:
      return boost::random::exponential_distribution<double>(1.0 / stay.mean_years)(engine);
  }
}

}  // namespace carecap::supply
