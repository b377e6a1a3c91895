// carecap. SPDX-License-Identifier: MIT
#include "tools/RunSummary.hpp"

#include <iomanip>
#include <sstream>
#include <string>

#include "sim/ReplicationSummary.hpp"

namespace carecap::tools {
namespace {

/// A summary line: a series of a group, and for a (year, X) series the X label to show.
struct Line {
  const char* group;
  const char* series;
  const char* label;  // nullptr for (year) series
  int decimals;
};

constexpr Line kLines[] = {
    {"", "n_total", nullptr, 0},
    {"", "n_age_0_2", nullptr, 0},
    {"", "n_age_60_plus", nullptr, 0},
    {"", "n_age_80_plus", nullptr, 0},
    {"", "share_age_60_plus", nullptr, 2},
    {"", "new_births", nullptr, 0},
    {"", "total_fertility_rate", nullptr, 2},
    {"demand", "n_beds_needed", "general", 0},
    {"demand", "n_beds_needed", "nursing", 0},
    {"demand", "n_beds_needed", "dementia", 0},
    {"demand", "n_day_care_places_needed", nullptr, 0},
    {"demand", "n_care_workers_needed", nullptr, 0},
    {"demand", "beds_per_1000_elderly", "demand", 1},
    {"demand", "beds_per_1000_elderly", "supply", 1},
    {"demand", "nursing_bed_share", "demand", 1},
    {"demand", "nursing_bed_share", "supply", 1},
    {"demand", "childcare_places_per_1000_people", "demand", 2},
    {"demand", "enrollment_rate", "demand", 1},
};

const ResultGroup* find_group(const std::vector<ResultGroup>& groups, const std::string& name) {
  for (const auto& g : groups)
    if (g.name == name) return &g;
  return nullptr;
}

const ResultSeries* find_series(const ResultGroup& group, const std::string& name) {
  for (const auto& s : group.series)
    if (s.name == name) return &s;
  return nullptr;
}

/// Index of `label` in the second dimension of `series` (declared by its own group).
int label_index(const ResultGroup& group, const ResultSeries& series, const std::string& label) {
  for (const auto& d : group.dimensions)
    if (d.name == series.dimensions.at(1))
      for (std::size_t i = 0; i < d.labels.size(); ++i)
        if (d.labels[i] == label) return static_cast<int>(i);
  return -1;
}

}  // namespace

void print_run_summary(std::ostream& out, const std::vector<std::vector<ResultGroup>>& reps) {
  const ResultGroup& root = reps.front().front();
  const std::vector<int>& all_years = root.dimensions.front().values;
  std::vector<int> years{all_years.front()};
  for (int y : {2025, 2030, 2035, 2040, 2050, 2075, all_years.back()})
    if (y > years.back() && y <= all_years.back()) years.push_back(y);
  const bool several = reps.size() > 1;
  const int width = several ? 26 : 14;

  out << "1 July stocks, yearly flows; units in the results file"
      << (several ? "; mean [5th-95th percentile] of " + std::to_string(reps.size()) + " replications\n" : "\n");
  out << std::left << std::setw(42) << "indicator";
  for (int y : years) out << std::right << std::setw(width) << y;
  out << "\n";
  for (const Line& line : kLines) {
    const ResultGroup* group = find_group(reps.front(), line.group);
    const ResultSeries* series = group ? find_series(*group, line.series) : nullptr;
    if (!series) continue;
    const int stride = line.label ? static_cast<int>(series->values.size() / all_years.size()) : 1;
    const int offset = line.label ? label_index(*group, *series, line.label) : 0;
    if (offset < 0) continue;  // e.g. no supply basis without a capacity simulation
    std::vector<std::vector<double>> samples;
    for (const auto& rep : reps) {
      const ResultSeries& s = *find_series(*find_group(rep, line.group), line.series);
      std::vector<double> by_year;
      for (std::size_t t = 0; t < all_years.size(); ++t) by_year.push_back(s.values[t * stride + offset]);
      samples.push_back(by_year);
    }
    const auto stats = sim::summarise_replications(samples);
    const std::string name = std::string(line.series) + (line.label ? std::string("[") + line.label + "]" : "");
    out << std::left << std::setw(42) << name;
    for (int y : years) {
      const auto t = static_cast<std::size_t>(y - all_years.front());
      std::ostringstream cell;
      cell << std::fixed << std::setprecision(line.decimals) << stats[0][t];
      if (several) cell << " [" << stats[1][t] << "-" << stats[3][t] << "]";
      out << std::right << std::setw(width) << cell.str();
    }
    out << "\n";
  }
}

}  // namespace carecap::tools
