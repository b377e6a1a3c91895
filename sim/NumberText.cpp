// carecap. SPDX-License-Identifier: MIT
#include "sim/NumberText.hpp"

#include <cmath>
#include <cstdio>

namespace carecap::sim {

std::string grouped(double value, int decimals) {
  if (std::isnan(value)) return "-";
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, std::abs(value));
  std::string s = buffer;
  const std::size_t point = s.find('.');
  for (auto at = static_cast<long>(point == std::string::npos ? s.size() : point) - 3; at > 0; at -= 3)
    s.insert(static_cast<std::size_t>(at), ",");
  return (value < 0 && s.find_first_not_of("0.,") != std::string::npos ? "-" : "") + s;
}

std::string percent(double fraction, int decimals) { return grouped(100.0 * fraction, decimals) + "%"; }

std::string percent_change(double value, double reference) {
  if (reference == 0) return value == 0 ? "+0.0%" : "no percentage of 0";
  const double r = (value - reference) / reference;
  return (r >= 0 ? "+" : "") + percent(r);
}

}  // namespace carecap::sim
