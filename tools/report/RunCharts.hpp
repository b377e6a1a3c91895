// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "text/Catalogue.hpp"
#include "tools/report/ReportContent.hpp"
#include "tools/report/RunView.hpp"

namespace carecap::report {

// What the run report's charts share: the colours that mean demand, supply, shortfall and idle
// capacity in every chart, and the year charts and plan marks of its sections.
inline constexpr const char* kDemandColor = "#c0392b";
inline constexpr const char* kSupplyColor = "#1f5f8b";
inline constexpr const char* kShortfall = "rgba(192,57,43,0.22)";
inline constexpr const char* kIdle = "rgba(120,120,120,0.18)";
inline const std::vector<std::string> kBedTypes{"general", "nursing", "dementia"};

/// An empty line chart over the run's years.
inline Chart line_chart(const RunView& run, std::string id, Text title, Text y_name) {
  Chart c;
  c.id = std::move(id);
  c.title = std::move(title);
  c.x_name = text::both("report.common.year");
  c.x_labels = run.year_labels;
  c.y_name = std::move(y_name);
  return c;
}

/// The plan's stated figure `statement` as a diamond at its year (nothing when the plan states none).
inline void mark(const RunView& run, Chart& chart, const std::string& statement, Text name) {
  const StatedFigure* s = run.statement(statement);
  if (s == nullptr) return;
  chart.marks.push_back({std::move(name), std::to_string(s->year), s->value});
}

/// The shortfall (demand above supply) and idle capacity (supply above demand) as bands.
inline void add_gap_bands(Chart& chart, const std::vector<double>& demand, const std::vector<double>& supply) {
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  ChartBand shortfall{text::both("report.run.chart.shortfall"), {}, {}, kShortfall};
  ChartBand idle{text::both("report.run.chart.idle"), {}, {}, kIdle};
  for (std::size_t i = 0; i < demand.size(); ++i) {
    const bool both = std::isfinite(demand[i]) && std::isfinite(supply[i]);
    shortfall.low.push_back(both ? supply[i] : kNaN);
    shortfall.high.push_back(both ? std::max(demand[i], supply[i]) : kNaN);
    idle.low.push_back(both ? demand[i] : kNaN);
    idle.high.push_back(both ? std::max(demand[i], supply[i]) : kNaN);
  }
  chart.bands.push_back(shortfall);
  chart.bands.push_back(idle);
}

/// The beds section: all beds and each bed type, demand against supply, with where the capacity
/// simulation serves each type's demand (BedsSection.cpp).
[[nodiscard]] Section beds_section(const RunView& run);

}  // namespace carecap::report
