// carecap. SPDX-License-Identifier: MIT
#include "tools/run/RunSummary.hpp"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <limits>
#include <sstream>
#include <string>

#include "sim/ReplicationSummary.hpp"
#include "text/MessageId.hpp"
#include "tools/run/OutcomeFormat.hpp"
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
  const char* name_id;  // its plain name in the catalogue (text/messages/cli.toml)
};

constexpr Line kLines[] = {
    {"", "n_total", nullptr, 0, text::say_id("cli.summary.population.n_total")},
    {"", "n_age_0_2", nullptr, 0, text::say_id("cli.summary.population.n_age_0_2")},
    {"", "n_age_60_plus", nullptr, 0, text::say_id("cli.summary.population.n_age_60_plus")},
    {"", "n_age_80_plus", nullptr, 0, text::say_id("cli.summary.population.n_age_80_plus")},
    {"", "share_age_60_plus", nullptr, 2, text::say_id("cli.summary.population.share_age_60_plus")},
    {"", "new_births", nullptr, 0, text::say_id("cli.summary.population.new_births")},
    {"", "total_fertility_rate", nullptr, 2, text::say_id("cli.summary.population.total_fertility_rate")},
    {"demand", "n_beds_needed", "general", 0, text::say_id("cli.summary.demand.n_beds_needed.general")},
    {"demand", "n_beds_needed", "nursing", 0, text::say_id("cli.summary.demand.n_beds_needed.nursing")},
    {"demand", "n_beds_needed", "dementia", 0, text::say_id("cli.summary.demand.n_beds_needed.dementia")},
    {"demand", "n_day_care_places_needed", nullptr, 0, text::say_id("cli.summary.demand.n_day_care_places_needed")},
    {"demand", "n_care_workers_needed", nullptr, 0, text::say_id("cli.summary.demand.n_care_workers_needed")},
    {"demand", "beds_per_1000_elderly", "demand", 1, text::say_id("cli.summary.demand.beds_per_1000_elderly.demand")},
    {"demand", "beds_per_1000_elderly", "supply", 1, text::say_id("cli.summary.demand.beds_per_1000_elderly.supply")},
    {"demand", "nursing_bed_share", "demand", 1, text::say_id("cli.summary.demand.nursing_bed_share.demand")},
    {"demand", "nursing_bed_share", "supply", 1, text::say_id("cli.summary.demand.nursing_bed_share.supply")},
    {"demand", "childcare_places_per_1000_people", "demand", 2, text::say_id("cli.summary.demand.childcare_places_per_1000_people.demand")},
    {"demand", "childcare_places_per_1000_people", "supply", 2, text::say_id("cli.summary.demand.childcare_places_per_1000_people.supply")},
    {"demand", "enrollment_rate", "demand", 1, text::say_id("cli.summary.demand.enrollment_rate.demand")},
    {"demand", "enrollment_rate", "supply", 1, text::say_id("cli.summary.demand.enrollment_rate.supply")},
    {"demand", "place_utilisation", "supply", 1, text::say_id("cli.summary.demand.place_utilisation.supply")},
    {"demand", "affordable_place_share", "supply", 1, text::say_id("cli.summary.demand.affordable_place_share.supply")},
    {"capacity", "n_beds", nullptr, 0, text::say_id("cli.summary.beds.n_beds")},
    {"capacity", "n_occupied_beds", nullptr, 0, text::say_id("cli.summary.beds.n_occupied_beds")},
    {"capacity", "n_idle_beds", nullptr, 0, text::say_id("cli.summary.beds.n_idle_beds")},
    {"capacity", "n_waiting", nullptr, 0, text::say_id("cli.summary.beds.n_waiting")},
    {"capacity", "new_turned_away", nullptr, 0, text::say_id("cli.summary.beds.new_turned_away")},
    {"capacity", "new_gave_up", nullptr, 0, text::say_id("cli.summary.beds.new_gave_up")},
    {"capacity", "new_died_waiting", nullptr, 0, text::say_id("cli.summary.beds.new_died_waiting")},
    {"capacity", "cum_capital_cost_wan_yuan", nullptr, 0, text::say_id("cli.summary.beds.cum_capital_cost_wan_yuan")},
    {"childcare_capacity", "n_places", nullptr, 0, text::say_id("cli.summary.childcare.n_places")},
    {"childcare_capacity", "n_enrolled", nullptr, 0, text::say_id("cli.summary.childcare.n_enrolled")},
    {"childcare_capacity", "n_waiting", nullptr, 0, text::say_id("cli.summary.childcare.n_waiting")},
    {"childcare_capacity", "new_gave_up", nullptr, 0, text::say_id("cli.summary.childcare.new_gave_up")},
    {"childcare_capacity", "cum_capital_cost_wan_yuan", nullptr, 0, text::say_id("cli.summary.childcare.cum_capital_cost_wan_yuan")},
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

/// `text` padded with spaces to `width` terminal columns (CJK characters take two), on the left
/// when `right` (numbers) or on the right (names).
std::string padded(const std::string& text, std::size_t width, bool right) {
  const std::size_t w = display_width(text);
  const std::string fill(w < width ? width - w : 0, ' ');
  return right ? fill + text : text + fill;
}

}  // namespace

void print_run_summary(std::ostream& out, const std::vector<std::vector<ResultGroup>>& reps,
                       const std::vector<RunFinding>& findings, text::Lang lang) {
  const ResultGroup& root = reps.front().front();
  const std::vector<int>& all_years = root.dimensions.front().values;
  std::vector<int> years{all_years.front()};
  for (int y : {2025, 2030, 2035, 2040, 2050, 2075, all_years.back()})
    if (y > years.back() && y <= all_years.back()) years.push_back(y);
  const bool several = reps.size() > 1;
  const std::size_t width = several ? 26 : 14;

  std::vector<std::pair<std::string, std::vector<std::string>>> rows;  // name, cells
  for (const Line& line : kLines) {
    const ResultGroup* group = find_group(reps.front(), line.group);
    const ResultSeries* series = group ? find_series(*group, line.series) : nullptr;
    if (!series) continue;
    std::vector<std::vector<double>> samples;
    for (const auto& rep : reps) samples.push_back(query_values(rep, query_of(line, rep), years));
    if (samples.front().empty()) continue;  // e.g. no supply basis without a capacity simulation
    const auto stats = sim::summarise_replications(samples);
    std::vector<std::string> cells;
    for (std::size_t t = 0; t < years.size(); ++t) {
      std::ostringstream cell;
      if (std::isnan(stats[0][t])) {
        cell << "-";
      } else {
        cell << std::fixed << std::setprecision(line.decimals) << stats[0][t];
        if (several) cell << " [" << stats[1][t] << "-" << stats[3][t] << "]";
      }
      cells.push_back(cell.str());
    }
    rows.emplace_back(text::say(lang, line.name_id), std::move(cells));
  }
  std::string heading = text::say(lang, "cli.summary.indicator");
  std::size_t name_width = display_width(heading);
  for (const auto& row : rows) name_width = std::max(name_width, display_width(row.first));
  name_width += 2;

  out << text::say(lang, "cli.summary.basis")
      << (several ? text::say(lang, "cli.summary.replications", {{"count", reps.size()}}) : std::string()) << "\n";
  out << padded(heading, name_width, false);
  for (int y : years) out << padded(std::to_string(y), width, true);
  out << "\n";
  for (const auto& [name, cells] : rows) {
    out << padded(name, name_width, false);
    for (const std::string& cell : cells) out << padded(cell, width, true);
    out << "\n";
  }
  out << "\n" << text::say(lang, "cli.summary.findings") << "\n";
  for (const RunFinding& finding : findings) out << "- " << (lang == text::Lang::zh ? finding.zh : finding.en) << "\n";
}

}  // namespace carecap::tools
