// carecap. SPDX-License-Identifier: MIT
#include "tools/report/StartTable.hpp"

#include <cmath>

#include "text/TextArg.hpp"
#include "tools/report/ReportText.hpp"

namespace carecap::report {

std::optional<Table> start_table(const RunView& run) {
  for (const char* name : {"start", "n_initial_residents", "institution_use_factor"})
    if (!run.capacity || !run.demand || !run.view.has("capacity", name)) return std::nullopt;
  const std::vector<std::string> kinds = run.view.file().read_text("capacity", "start");
  if (kinds.empty()) return std::nullopt;
  StartFigures start;
  start.kind = kinds.front();
  const std::vector<int> capacity_years = run.view.coordinates("capacity", "capacity_year");
  start.year = capacity_years.empty() ? run.years.front() : capacity_years.front();
  for (double v : run.view.read("capacity", "n_initial_residents").values) start.residents += v;
  double elders = run.at_year(run.by_year("", "n_age_60_plus"), start.year);
  if (std::isnan(elders)) elders = run.by_year("", "n_age_60_plus").front();
  // The stock the national default propensities give (the demand before calibration).
  double national = 0;
  for (double v : run.view.read("capacity", "n_beds_needed_national_use").values) national += v;
  start.share_60_plus = elders > 0 ? 100.0 * start.residents / elders : 0.0;
  start.national_share = elders > 0 ? 100.0 * national / elders : 0.0;
  start.ratio = national > 0 ? start.residents / national : 0.0;

  Table t{"start", text::both("tables.start.title"),
          text::both("tables.start.note", {{"sentence", start_text(start)}}),
          {{text::both("tables.start.column.item"), {}, 0},
           {text::both("tables.start.column.units"), {}, 0},
           {text::both("tables.start.column.value"), {}, 0}},
          {}};
  t.rows.push_back({text::both("tables.start.row.kind"), std::monostate{}, label_text(start.kind)});
  t.row_decimals.push_back(0);
  t.rows.push_back({text::both("tables.start.row.residents", {{"year", std::to_string(start.year)}}), units_text("persons"),
                    start.residents});
  t.row_decimals.push_back(0);
  t.rows.push_back({text::both("tables.start.row.share_60_plus"), units_text("percent"), start.share_60_plus});
  t.row_decimals.push_back(2);
  t.rows.push_back({text::both("tables.start.row.national_share"), units_text("percent"), start.national_share});
  t.row_decimals.push_back(2);
  t.rows.push_back({text::both("tables.start.row.ratio"), units_text("times"), start.ratio});
  t.row_decimals.push_back(1);
  const ReportArray factors = run.view.read("capacity", "institution_use_factor");
  const std::vector<std::string>& bed_types = factors.dimension("bed_type").labels;
  for (std::size_t b = 0; b < bed_types.size() && b < factors.values.size(); ++b) {
    t.rows.push_back({text::both("tables.start.row.factor", {{"type", label_text(bed_types[b])}}), units_text("times"),
                      factors.values[b]});
    t.row_decimals.push_back(3);
  }
  return t;
}

}  // namespace carecap::report
