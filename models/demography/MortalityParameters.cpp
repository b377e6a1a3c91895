// carecap. SPDX-License-Identifier: MIT
#include "models/demography/MortalityParameters.hpp"

#include <boost/math/tools/roots.hpp>
#include <cmath>
#include <string>

#include "models/demography/LifeTable.hpp"
#include "sim/Errors.hpp"

namespace carecap::demography {
namespace {

AgeVector scaled(const AgeVector& mx, double factor) {
  AgeVector out{};
  for (int a = 0; a < kAgeCount; ++a) out[a] = mx[a] * factor;
  return out;
}

/// Solves k with e0(k * base) = target by TOMS 748 on log k (e0 falls as k rises).
AgeVector solve_level(const AgeVector& base, Sex sex, double target_e0, int year) {
  auto gap = [&](double log_k) {
    return build_life_table(scaled(base, std::exp(log_k)), sex).life_expectancy() - target_e0;
  };
  const double lo = std::log(1e-4), hi = std::log(1e3);
  if (gap(lo) < 0.0 || gap(hi) > 0.0) {
    throw RuntimeFault("mortality: e0 target " + std::to_string(target_e0) + " for " +
                       kSexNames[static_cast<int>(sex)] + " in " + std::to_string(year) +
                       " cannot be reached by scaling the base mx schedule");
  }
  std::uintmax_t iterations = 200;
  auto [a, b] = boost::math::tools::toms748_solve(gap, lo, hi, boost::math::tools::eps_tolerance<double>(50),
                                                  iterations);
  return scaled(base, std::exp(0.5 * (a + b)));
}

}  // namespace

AgeSexTable mx_in_year(const MortalityParameters& mortality, int year) {
  if (const auto* by_year = std::get_if<MxByYear>(&mortality.schedule)) return by_year->mx.at(year);
  AgeSexTable mx;
  if (const auto* level = std::get_if<MxLevelForE0>(&mortality.schedule)) {
    for (Sex s : kSexes) {
      mx[s] = solve_level(level->base_mx[s], s, level->e0_path[static_cast<int>(s)].at(year), year);
    }
    return mx;
  }
  const auto& improvement = std::get<MxImprovement>(mortality.schedule);
  const double factor = std::pow(1.0 - improvement.improvement_per_year, year - improvement.base_year);
  for (Sex s : kSexes) mx[s] = scaled(improvement.base_mx[s], factor);
  return mx;
}

}  // namespace carecap::demography
