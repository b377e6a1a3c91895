// carecap. SPDX-License-Identifier: MIT
#include "models/demography/LifeTable.hpp"

#include <algorithm>

namespace carecap::demography {

double andreev_kingkade_a0(double m0, Sex sex) {
  // Andreev, E. M. & Kingkade, W. W. (2015), Demographic Research 33(13), Table 3 (mx form).
  if (sex == Sex::male) {
    if (m0 < 0.02300) return 0.14929 - 1.99545 * m0;
    if (m0 < 0.08307) return 0.02832 + 3.26201 * m0;
    return 0.29915;
  }
  if (m0 < 0.01724) return 0.14903 - 2.05527 * m0;
  if (m0 < 0.06891) return 0.04667 + 3.88089 * m0;
  return 0.31411;
}

LifeTable build_life_table(const AgeVector& mx, Sex sex) {
  LifeTable t;
  t.mx = mx;
  t.ax.fill(0.5);
  t.ax[0] = andreev_kingkade_a0(mx[0], sex);
  t.lx[0] = 1.0;
  for (int x = 0; x < kOpenAge; ++x) {
    t.qx[x] = std::min(1.0, mx[x] / (1.0 + (1.0 - t.ax[x]) * mx[x]));
    const double deaths = t.lx[x] * t.qx[x];
    t.lx[x + 1] = t.lx[x] - deaths;
    t.Lx[x] = t.lx[x + 1] + t.ax[x] * deaths;
  }
  t.qx[kOpenAge] = 1.0;
  t.ax[kOpenAge] = 1.0 / mx[kOpenAge];
  t.Lx[kOpenAge] = t.lx[kOpenAge] / mx[kOpenAge];
  t.Tx[kOpenAge] = t.Lx[kOpenAge];
  for (int x = kOpenAge - 1; x >= 0; --x) t.Tx[x] = t.Tx[x + 1] + t.Lx[x];
  return t;
}

AgeVector survival_ratios(const LifeTable& table) {
  AgeVector s{};
  s[0] = table.Lx[0] / table.lx[0];
  for (int x = 1; x < kOpenAge; ++x) s[x] = table.Lx[x - 1] > 0.0 ? table.Lx[x] / table.Lx[x - 1] : 0.0;
  const double t99 = table.Tx[kOpenAge - 1];
  s[kOpenAge] = t99 > 0.0 ? table.Tx[kOpenAge] / t99 : 0.0;
  return s;
}

}  // namespace carecap::demography
