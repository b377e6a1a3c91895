// carecap. SPDX-License-Identifier: MIT
#pragma once
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

/// Draws one stay, years, with the distribution's mean equal to mean_years (Boost.Random).
[[nodiscard]] double draw_stay(const LengthOfStay& stay, sim::RandomEngine& engine);

/// Draws the remaining stay of a resident found in a bed at a random time in steady state: a
/// length-biased stay (density proportional to s f(s)) times a uniform fraction. Exponential:
/// the stay itself; Weibull(k, scale): scale G^(1/k), G ~ Gamma(1 + 1/k); log-normal(m, s):
/// log-normal(m + s^2, s). Its mean is E[S^2] / (2 E[S]).
[[nodiscard]] double draw_remaining_stay(const LengthOfStay& stay, sim::RandomEngine& engine);

}  // namespace carecap::supply
