// carecap. SPDX-License-Identifier: MIT
#include "tools/run/RunSummary.hpp"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <limits>
#include <sstream>
#include <string>

#include "sim/ReplicationSummary.hpp"
#include "tools/run/ResultLookup.hpp"

namespace carecap::tools {
namespace {

/// A summary line: a series of a group; for a (year, X) series the X label to show; a series over
/// more dimensions is summed over all but the year.
struct Line {
  const char* group;
  const char* series;
  const char* label;  // nullptr: the (year) value, or the sum over the other dimensions
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
    {"demand", "childcare_places_per_1000_people", "supply", 2},
    {"demand", "enrollment_rate", "demand", 1},
    {"demand", "enrollment_rate", "supply", 1},
    {"demand", "place_utilisation", "supply", 1},
    {"demand", "affordable_place_share", "supply", 1},
    {"capacity", "n_beds", nullptr, 0},
    {"capacity", "n_occupied_beds", nullptr, 0},
    {"capacity", "n_idle_beds", nullptr, 0},
    {"capacity", "n_waiting", nullptr, 0},
    {"capacity", "new_turned_away", nullptr, 0},
    {"capacity", "new_gave_up", nullptr, 0},
    {"capacity", "new_died_waiting", nullptr, 0},
    {"capacity", "cum_capital_cost_wan_yuan", nullptr, 0},
    {"childcare_capacity", "n_places", nullptr, 0},
    {"childcare_capacity", "n_enrolled", nullptr, 0},
    {"childcare_capacity", "n_waiting", nullptr, 0},
    {"childcare_capacity", "new_gave_up", nullptr, 0},
    {"childcare_capacity", "cum_capital_cost_wan_yuan", nullptr, 0},
};

/// The query of a line: its series, restricted to the label of its second dimension when it has one.
ResultQuery query_of(const Line& line, const std::vector<ResultGroup>& replication) {
  ResultQuery query{line.group, line.series, "", {}};
  if (!line.label) return query;
  const ResultGroup* group = find_group(replication, line.group);
  const ResultSeries* series = group ? find_series(*group, line.series) : nullptr;
  if (series && series->dimensions.size() > 1) query.label_dimension = series->dimensions[1];
  query.labels = {line.label};
  return query;
}

}  // namespace

void print_run_summary(std::ostream& out, const std::vector<std::vector<ResultGroup>>& reps,
                       const std::vector<RunFinding>& findings) {
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
    std::vector<std::vector<double>> samples;
    for (const auto& rep : reps) samples.push_back(query_values(rep, query_of(line, rep), years));
    if (samples.front().empty()) continue;  // e.g. no supply basis without a capacity simulation
    const auto stats = sim::summarise_replications(samples);
    // Childcare lines name their group: their series share names with the bed simulation's.
    const std::string name = (std::string(line.group) == "childcare_capacity" ? "childcare/" : "") +
                             std::string(line.series) + (line.label ? std::string("[") + line.label + "]" : "");
    out << std::left << std::setw(42) << name;
    for (std::size_t t = 0; t < years.size(); ++t) {
      std::ostringstream cell;
      if (std::isnan(stats[0][t])) {
        cell << "-";
      } else {
        cell << std::fixed << std::setprecision(line.decimals) << stats[0][t];
        if (several) cell << " [" << stats[1][t] << "-" << stats[3][t] << "]";
      }
      out << std::right << std::setw(width) << cell.str();
    }
    out << "\n";
  }
  out << "\nFindings (means of the replications; assumptions in the scenario file):\n";
  for (const RunFinding& finding : findings) out << "- " << finding.en << "\n";
}

}  // namespace carecap::tools
