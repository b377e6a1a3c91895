// carecap. SPDX-License-Identifier: MIT
#include "tools/RunSummary.hpp"

#include <iomanip>
#include <map>
#include <sstream>
#include <string>

#include "models/demography/Indicators.hpp"
#include "sim/ReplicationSummary.hpp"

namespace carecap::tools {

void print_run_summary(std::ostream& out, const std::vector<demography::ProjectionResult>& reps) {
  const std::vector<std::string> shown{"n_total", "n_age_0_2", "n_age_60_plus", "n_age_65_plus", "n_age_80_plus",
                                       "share_age_60_plus", "new_births", "total_fertility_rate"};
  std::map<std::string, std::array<std::vector<double>, 4>> stats;  // name -> [statistic][year]
  std::vector<std::vector<demography::IndicatorSeries>> all;
  for (const auto& rep : reps) all.push_back(demography::compute_indicators(rep));
  for (std::size_t i = 0; i < all.front().size(); ++i) {
    std::vector<std::vector<double>> samples;
    for (const auto& rep : all) samples.push_back(rep[i].values);
    stats[all.front()[i].name] = sim::summarise_replications(samples);
  }
  const auto& first = reps.front();
  // The years plans are written for (2025-2035), the 2050 horizon and the last year.
  std::vector<int> years{first.base_year};
  for (int y : {2025, 2030, 2035, 2040, 2050, 2075, first.end_year()})
    if (y > years.back() && y <= first.end_year()) years.push_back(y);

  out << "1 July populations (persons), births in the year (persons), TFR (children per woman)";
  out << (reps.size() > 1 ? "; mean [5th-95th percentile] of " + std::to_string(reps.size()) + " replications\n" : "\n");
  out << std::left << std::setw(22) << "indicator";
  for (int y : years) out << std::right << std::setw(reps.size() > 1 ? 26 : 14) << y;
  out << "\n";
  for (const std::string& name : shown) {
    out << std::left << std::setw(22) << name;
    const auto& s = stats.at(name);
    for (int y : years) {
      const auto i = static_cast<std::size_t>(y - first.base_year);
      std::ostringstream cell;
      const int precision = name.rfind("n_", 0) == 0 || name.rfind("new_", 0) == 0 ? 0 : 2;
      cell << std::fixed << std::setprecision(precision) << s[0][i];
      if (reps.size() > 1) cell << " [" << s[1][i] << "-" << s[3][i] << "]";
      out << std::right << std::setw(reps.size() > 1 ? 26 : 14) << cell.str();
    }
    out << "\n";
  }
}

}  // namespace carecap::tools
