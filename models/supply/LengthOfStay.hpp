// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <boost/random/exponential_distribution.hpp>

#include "sim/RandomStreams.hpp"

namespace carecap::supply {

/// Distribution of the time a resident stays in a bed.
enum class StayDistribution { exponential, weibull, lognormal };

/// Length of stay: a distribution with a given mean; the stay ends in death or discharge.
struct LengthOfStay {
  StayDistribution distribution = StayDistribution::exponential;  // family
  double mean_years = 2.0;     // mean stay, years (assumption unless the scenario cites a source)
  double shape = 1.0;          // Weibull shape k, or log-normal sigma of log(stay); unused for exponential
  double death_share = 0.7;    // share of stays ending in death (the rest are discharges), fraction
};

/// draw_stay for the Weibull and log-normal families.
[[nodiscard]] double draw_shaped_stay(const LengthOfStay& stay, sim::RandomEngine& engine);

/// Draws one stay, years, with the distribution's mean equal to mean_years (Boost.Random). The
/// exponential family, drawn for every arrival of most scenarios, is inline.
[[nodiscard]] inline double draw_stay(const LengthOfStay& stay, sim::RandomEngine& engine) {
  if (stay.distribution == StayDistribution::exponential)
    return boost::random::exponential_distribution<double>(1.0 / stay.mean_years)(engine);
  return draw_shaped_stay(stay, engine);
}

/// Draws the remaining stay of a resident found in a bed at a random time in steady state: a
/// length-biased stay (density proportional to s f(s)) times a uniform fraction. Exponential:
/// the stay itself; Weibull(k, scale): scale G^(1/k), G ~ Gamma(1 + 1/k); log-normal(m, s):
/// log-normal(m + s^2, s). Its mean is E[S^2] / (2 E[S]).
[[nodiscard]] double draw_remaining_stay(const LengthOfStay& stay, sim::RandomEngine& engine);

}  // namespace carecap::supply
