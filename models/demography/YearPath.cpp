// carecap. SPDX-License-Identifier: MIT
#include "models/demography/YearPath.hpp"

#include <algorithm>
#include <string>

#include "sim/Errors.hpp"

namespace carecap::demography {

double YearPath::at(int year) const {
  if (anchors_.empty() || year < first_year() || year > last_year())
    throw RuntimeFault("year path asked for " + std::to_string(year) + " outside its anchors");
  auto upper = std::lower_bound(anchors_.begin(), anchors_.end(), year,
                                [](const auto& anchor, int y) { return anchor.first < y; });
  if (upper->first == year) return upper->second;
  auto lower = upper - 1;
  const double weight = static_cast<double>(year - lower->first) / (upper->first - lower->first);
  return lower->second + weight * (upper->second - lower->second);
}

}  // namespace carecap::demography
