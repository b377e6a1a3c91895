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

/// Mean over replications of a line's value in `year` (NaN when absent).
double line_mean(const std::vector<std::vector<ResultGroup>>& reps, const Line& line, int year) {
  return mean_in(reps, query_of(line, reps.front()), year);
}

std::string fixed(double x, int decimals) {
  std::ostringstream out;
  out << std::fixed << std::setprecision(decimals) << x;
  return out.str();
}

/// Sum of a series of group `group` over all its values, mean over replications (NaN when absent).
double total_of(const std::vector<std::vector<ResultGroup>>& reps, const std::string& group, const std::string& series,
                std::size_t from = 0, std::size_t count = std::string::npos) {
  double sum = 0;
  for (const auto& rep : reps) {
    const ResultGroup* g = find_group(rep, group);
    const ResultSeries* s = g ? find_series(*g, series) : nullptr;
    if (!s) return std::numeric_limits<double>::quiet_NaN();
    for (std::size_t k = from; k < s->values.size() && k < from + std::min(count, s->values.size()); ++k) sum += s->values[k];
  }
  return sum / static_cast<double>(reps.size());
}

/// How the beds were occupied at the start, and how local care use compares with the national default.
void print_start(std::ostream& out, const std::vector<std::vector<ResultGroup>>& reps, int first) {
  const ResultGroup* capacity = find_group(reps.front(), "capacity");
  if (!capacity || capacity->text_series.empty()) return;
  std::string start;
  for (const auto& t : capacity->text_series)
    if (t.name == "start" && !t.values.empty()) start = t.values.front();
  const double residents = total_of(reps, "capacity", "n_initial_residents");
  const double elders = line_mean(reps, Line{"", "n_age_60_plus", nullptr, 0}, first);
  // The demand the national default propensities give: each bed type's base-year stock divided by its factor.
  double national = 0;
  for (std::size_t b = 0; b < 3; ++b) {
    const double stock = total_of(reps, "demand", "n_beds_needed", b, 1);
    const double factor = total_of(reps, "capacity", "institution_use_factor", b, 1);
    if (factor > 0) national += stock / factor;
  }
  out << "- Start (1 January " << first << "): " << fixed(residents, 0) << " residents in beds, "
      << fixed(elders > 0 ? 100.0 * residents / elders : 0.0, 2) << "% of people aged 60+; ";
  if (start == "demand_steady_state") {
    out << "no occupancy stated, so beds start as the base year's demand would fill them (national care use: "
        << fixed(elders > 0 ? 100.0 * national / elders : 0.0, 2) << "% of people aged 60+ seek a bed).\n";
  } else {
    out << (start == "observed_residents" ? "the observed residents (facilities file)" : "capacity.initial_occupancy of the beds")
        << ", " << fixed(national > 0 ? residents / national : 0.0, 1) << " times the national default of "
        << fixed(elders > 0 ? 100.0 * national / elders : 0.0, 2) << "%; care use calibrated to them.\n";
  }
}

/// The main findings in plain words: elders, beds against demand, childcare places against children.
void print_findings(std::ostream& out, const std::vector<std::vector<ResultGroup>>& reps, int first, int mid, int last) {
  auto v = [&](const char* group, const char* series, const char* label, int year) {
    return line_mean(reps, Line{group, series, label, 0}, year);
  };
  out << "\nFindings (means of the replications; assumptions in the scenario file):\n";
  out << "- Elders aged 60+: " << fixed(v("", "n_age_60_plus", nullptr, first), 0) << " in " << first << ", "
      << fixed(v("", "n_age_60_plus", nullptr, mid), 0) << " in " << mid << ", " << fixed(v("", "n_age_60_plus", nullptr, last), 0)
      << " in " << last << " (" << fixed(v("", "share_age_60_plus", nullptr, last), 1) << "% of the population).\n";
  const double beds = v("capacity", "n_beds", nullptr, mid);
  if (!std::isnan(beds)) {
    const double occupied = v("capacity", "n_occupied_beds", nullptr, mid);
    out << "- Beds in " << mid << ": " << fixed(beds, 0) << " open, " << fixed(occupied, 0) << " occupied on average ("
        << fixed(beds > 0 ? 100.0 * (beds - occupied) / beds : 0.0, 0) << "% idle); "
        << fixed(v("capacity", "n_waiting", nullptr, mid), 0) << " people waiting; "
        << fixed(v("demand", "beds_per_1000_elderly", "supply", mid), 1) << " beds per 1,000 elders supplied against "
        << fixed(v("demand", "beds_per_1000_elderly", "demand", mid), 1) << " sought.\n";
  }
  print_start(out, reps, first);
  const double places = v("childcare_capacity", "n_places", nullptr, mid);
  if (!std::isnan(places)) {
    const double children = v("", "n_age_0_2", nullptr, mid);
    out << "- Childcare in " << mid << ": " << fixed(places, 0) << " places for " << fixed(children, 0)
        << " children under 3 (" << fixed(children > 0 ? 100.0 * places / children : 0.0, 0) << " per 100); "
        << fixed(v("demand", "place_utilisation", "supply", mid), 0) << "% of places used; "
        << fixed(v("childcare_capacity", "new_gave_up", nullptr, mid), 0) << " children a year leave the waiting list unserved; "
        << fixed(v("demand", "affordable_place_share", "supply", mid), 0) << "% of places affordable.\n";
  }
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
  print_findings(out, reps, years.front(), years.size() > 1 ? years[1] : years.front(), years.back());
}

}  // namespace carecap::tools
