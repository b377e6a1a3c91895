// carecap. SPDX-License-Identifier: MIT
#pragma once
#include "models/demography/AgeSex.hpp"
#include "models/demography/PopulationGroups.hpp"

namespace carecap::demography {

/// A single-age, two-sex population that reproduces every figure of `groups` exactly (to
/// rounding of doubles), made by adjusting a standard population (e.g. China 2020):
///  1. age totals: the standard's both-sex count at each age times a factor f(age); f minimises
///     the squared second differences of f (a smooth adjustment: no steps at group borders)
///     plus 1e-6 x the squared distance from the total's scale, subject to the group totals
///     (equality constraints; solved as one KKT system, dense, 101 ages);
///  2. sexes: at each age the standard's odds male:female times one factor k, solved so that
///     males / females = sex_ratio / 100 (the standard's own sex pattern by age otherwise).
/// Throws InputError when the groups cannot be met with non-negative counts (e.g. inconsistent
/// totals, or a group the standard has nobody in).
[[nodiscard]] AgeSexTable synthesize_population(const PopulationGroups& groups, const AgeSexTable& standard);

}  // namespace carecap::demography
