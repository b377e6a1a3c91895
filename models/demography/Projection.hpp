// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <cstdint>

#include "models/demography/ProjectionMonitor.hpp"
#include "models/demography/RateSchedule.hpp"
#include "sim/RandomStreams.hpp"

namespace carecap::demography {

/// Purposes of the random streams of a stochastic projection (see sim::RandomStreams).
enum class DemographyStream : std::uint64_t { births = 1, deaths = 2, migration = 3 };

/// Cohort-component projection in expected values, 1 January to 1 January:
///  survivors = population x survival ratio; births = sum of ASFR x mean female population at
///  the start and (survived) end of the year, split by the male birth share and survived to age 0
///  by L0/l0; net migrants are added at year end, never taking an age below zero.
/// Calls monitor.record_year once per year of `rates`.
void project_deterministic(const AgeSexTable& base_population, const RateSchedule& rates,
                           ProjectionMonitor& monitor);

/// The same projection with demographic chance: births ~ Poisson(expected), the male count among
/// them ~ Binomial(births, male share), survivors ~ Binomial(persons, survival ratio); net
/// migrants are rounded to whole persons at random (down, or up with probability equal to the
/// fraction), so their mean is kept. The base population is rounded to whole persons.
/// Draws come from the streams (seed, replication, DemographyStream) only.
void project_stochastic(const AgeSexTable& base_population, const RateSchedule& rates,
                        const sim::RandomStreams& streams, std::uint64_t replication,
                        ProjectionMonitor& monitor);

}  // namespace carecap::demography
