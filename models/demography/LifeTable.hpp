// carecap. SPDX-License-Identifier: MIT
#pragma once
#include "models/demography/AgeSex.hpp"

namespace carecap::demography {

/// Period life table by single year of age from central death rates mx, with the conventions
/// that reproduce UN WPP 2024 (shared/data/wpp2024_china/README.md):
///  - a0 from Andreev & Kingkade (2015), ax = 0.5 at ages 1..99;
///  - qx = mx / (1 + (1 - ax) mx), capped at 1; lx from a radix l0 = 1;
///  - Lx = l(x+1) + ax dx; open interval 100+: L100 = l100 / m100; Tx summed from the top.
struct LifeTable {
  AgeVector mx{};  // central death rate, deaths per person-year
  AgeVector ax{};  // mean years lived in the interval by those dying in it, years
  AgeVector qx{};  // probability of dying in the interval
  AgeVector lx{};  // survivors to exact age x, per one birth
  AgeVector Lx{};  // person-years lived in the interval, per one birth
  AgeVector Tx{};  // person-years lived above age x, per one birth

  /// Life expectancy at exact age x, years.
  [[nodiscard]] double life_expectancy(int age = 0) const { return Tx[age] / lx[age]; }
};

/// Builds the life table of one sex from its mx schedule (every mx must be finite, >= 0, and
/// m100 > 0).
[[nodiscard]] LifeTable build_life_table(const AgeVector& mx, Sex sex);

/// Andreev-Kingkade (2015) a0 for an infant death rate m0.
[[nodiscard]] double andreev_kingkade_a0(double m0, Sex sex);

/// Cohort survival ratios used by the projection, from a life table:
///  [0]     births of the year to age 0 on 1 January next: L0 / l0;
///  [x]     age x-1 to age x, x = 1..99: Lx / L(x-1);
///  [100]   ages 99 and 100+ to 100+: T100 / T99.
[[nodiscard]] AgeVector survival_ratios(const LifeTable& table);

}  // namespace carecap::demography
