// carecap. SPDX-License-Identifier: MIT
#include "tools/report/OptimiseDatasets.hpp"

#include <cmath>
#include <limits>

#include "tools/report/ReportText.hpp"

namespace carecap::report {

double optimise_value(const OutputView& view, const std::string& name, const std::string& dimension,
                      const std::string& label) {
  const ReportArray a = view.read("optimise", name);
  const auto& labels = a.dimension(dimension).labels;
  for (std::size_t i = 0; i < labels.size(); ++i)
    if (labels[i] == label) return a.values[i];
  return std::numeric_limits<double>::quiet_NaN();
}

std::string failed_years(const OutputView& view, const std::string& name, const std::vector<int>& years) {
  const auto met = view.read("optimise", name).values;
  std::string failed;
  for (std::size_t y = 0; y < met.size() && y < years.size(); ++y)
    if (met[y] < 0.5) failed += (failed.empty() ? "" : ", ") + std::to_string(years[y]);
  return failed;
}

Text whole_percent(double fraction) {
  const double p = 100 * fraction;
  return same(grouped(p, std::abs(p - std::round(p)) < 1e-9 ? 0 : 1) + "%");
}

}  // namespace carecap::report
