// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <algorithm>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include "tools/report/OutputView.hpp"
#include "tools/report/PlanWarnings.hpp"

namespace carecap::report {

/// A run's results file as its report reads it: the projection's years, which groups the run has,
/// the plan's stated figures, and series summed to those years (means over replications).
struct RunView {
  const OutputView& view;
  std::vector<int> years;
  std::vector<std::string> year_labels;
  bool demand = false, capacity = false, childcare = false;
  std::map<std::string, StatedFigure> stated;

  /// A series over capacity years (or any other year dimension) placed on the projection's years.
  [[nodiscard]] std::vector<double> on_years(const std::vector<double>& values, const std::vector<int>& from) const {
    std::vector<double> out(years.size(), std::numeric_limits<double>::quiet_NaN());
    for (std::size_t i = 0; i < from.size() && i < values.size(); ++i) {
      const auto at = std::find(years.begin(), years.end(), from[i]);
      if (at != years.end()) out[static_cast<std::size_t>(at - years.begin())] = values[i];
    }
    return out;
  }
  /// A series summed to years (projection years), keeping only the listed labels.
  [[nodiscard]] std::vector<double> by_year(const std::string& group, const std::string& name,
                                            const std::map<std::string, std::vector<std::string>>& only = {},
                                            const std::string& statistic = "mean") const {
    const ReportArray a = view.read(group, name, statistic);
    for (const auto& d : a.dimensions)
      if (d.name == "year" || d.name == "capacity_year") return on_years(a.sum_to(d.name, only), d.values);
    return a.values;
  }
  [[nodiscard]] double at_year(const std::vector<double>& values, int year) const {
    const auto at = std::find(years.begin(), years.end(), year);
    return at == years.end() ? std::numeric_limits<double>::quiet_NaN() : values[static_cast<std::size_t>(at - years.begin())];
  }
  /// A stated figure; "nursing_beds_target" is derived: the nursing share target x the bed target.
  [[nodiscard]] const StatedFigure* statement(const std::string& name) const {
    const auto at = stated.find(name);
    return at == stated.end() ? nullptr : &at->second;
  }
};

}  // namespace carecap::report
