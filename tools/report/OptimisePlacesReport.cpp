// carecap. SPDX-License-Identifier: MIT
#include "tools/report/OptimisePlacesReport.hpp"

#include <cmath>
#include <string>
#include <vector>

#include "text/TextArg.hpp"
#include "tools/report/OptimiseDatasets.hpp"
#include "tools/report/ReportText.hpp"

namespace carecap::report {
namespace {

constexpr const char* kGroup = "optimise";

/// A (year, month_band, region) dataset summed over regions: [year][band].
std::vector<std::vector<double>> by_year_and_band(const OutputView& view, const std::string& name) {
  const ReportArray a = view.read(kGroup, name);
  const std::size_t years = a.dimension("year").size(), bands = a.dimension("month_band").size();
  const std::size_t regions = a.dimension("region").size();
  std::vector<std::vector<double>> out(years, std::vector<double>(bands, 0.0));
  for (std::size_t y = 0; y < years; ++y)
    for (std::size_t b = 0; b < bands; ++b)
      for (std::size_t r = 0; r < regions; ++r) out[y][b] += a.values[(y * bands + b) * regions + r];
  return out;
}

}  // namespace

std::optional<Table> optimise_places_table(const OutputView& view) {
  if (!view.has(kGroup, "required_places")) return std::nullopt;
  const std::vector<int> years = view.coordinates(kGroup, "year");
  const auto required = by_year_and_band(view, "required_places");
  const auto published = by_year_and_band(view, "n_places_published");
  const std::vector<std::string> bands = view.labels(kGroup, "month_band");
  // The childcare terms (childcare_service_level; files without it: the elders' terms, their defaults).
  double days = optimise_value(view, "service_level", "service_term", "wait_days");
  double share = optimise_value(view, "service_level", "service_term", "max_share_waiting");
  const double probability = optimise_value(view, "service_level", "service_term", "probability");
  if (view.has(kGroup, "childcare_service_level")) {
    days = optimise_value(view, "childcare_service_level", "service_term", "wait_days");
    share = optimise_value(view, "childcare_service_level", "service_term", "max_share_waiting");
  }
  // Bands anyone needs or has places in (months 0-5 have none in the plans).
  std::vector<std::size_t> shown;
  for (std::size_t b = 0; b < bands.size(); ++b) {
    double any = 0;
    for (std::size_t y = 0; y < years.size(); ++y) any += required[y][b] + published[y][b];
    if (any > 0) shown.push_back(b);
  }
  const Text units = units_text("places");
  Table t{"optimise_places", text::both("report.optimise.places.title"),
          text::both("report.optimise.places.note",
                     {{"days", same(grouped(days))}, {"share", whole_percent(share)}, {"probability", whole_percent(probability)}}),
          {{text::both("report.common.year"), {}, kPlainInteger}},
          {}};
  for (std::size_t b : shown)
    t.columns.push_back({text::both("report.optimise.places.required", {{"band", label_text(bands[b])}}), units, 0});
  t.columns.push_back({text::both("report.optimise.places.required_total"), units, 0});
  for (std::size_t b : shown)
    t.columns.push_back({text::both("report.optimise.places.published", {{"band", label_text(bands[b])}}), units, 0});
  t.columns.push_back({text::both("report.optimise.places.published_total"), units, 0});
  for (std::size_t y = 0; y < years.size(); ++y) {
    std::vector<Cell> row{static_cast<double>(years[y])};
    for (const auto* grid : {&required, &published}) {
      double total = 0;
      for (std::size_t b : shown) {
        row.emplace_back((*grid)[y][b]);
        total += (*grid)[y][b];
      }
      row.emplace_back(total);
    }
    t.rows.push_back(std::move(row));
  }
  return t;
}

}  // namespace carecap::report
