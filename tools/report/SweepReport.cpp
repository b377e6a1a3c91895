// carecap. SPDX-License-Identifier: MIT
#include "tools/report/SweepReport.hpp"

#include <algorithm>
#include <cmath>

#include "sim/Quantiles.hpp"
#include "sim/Errors.hpp"
#include "text/TextArg.hpp"
#include "tools/report/ReportSources.hpp"
#include "tools/report/ReportText.hpp"

namespace carecap::report {
namespace {

/// The column of one quantile label (p5 ... p95) in a dataset whose first dimension is `quantile`.
std::size_t quantile_index(const std::vector<std::string>& labels, const std::string& wanted, const std::string& path) {
  const auto at = std::find(labels.begin(), labels.end(), wanted);
  if (at == labels.end())
    throw InputError(text::both("errors.report.no_quantile", {{"path", same(path)}, {"quantile", same(wanted)}}));
  return static_cast<std::size_t>(at - labels.begin());
}

}  // namespace

ReportContent sweep_report(const OutputView& view) {
  for (const char* group : {"samples", "outcome_quantiles", "fans"}) view.require_group(group, "sweep");
  const std::string name = view.file().root_text("sweep_name").value_or("?");
  const auto runs = view.file().root_integer("runs").value_or(0);
  const std::string design = view.file().root_text("design").value_or("?");
  const auto quantiles = view.labels("fans", "quantile");
  const auto years = view.coordinates("fans", "year");
  std::vector<std::string> year_labels;
  for (int y : years) year_labels.push_back(std::to_string(y));

  ReportContent content;
  content.kind = "sweep";
  content.title = text::both("report.sweep.title", {{"name", name}});
  content.subtitle = text::both("report.sweep.subtitle",
                                {{"runs", same(std::to_string(runs))}, {"design", Text{label_text(design).zh, design}}});
  content.source_path = view.path();

  // The swept parameters and the range of the values drawn.
  const ReportArray values = view.read("samples", "parameter_value");
  const auto& parameters = values.dimension("parameter").labels;
  const Text distributions{view.file().root_text("parameter_distributions_zh").value_or(values.source), values.source};
  Table parameter_table{"parameters", text::both("report.sweep.parameters.title"),
                        text::both("report.sweep.parameters.note", {{"distributions", distributions}}),
                        {{text::both("report.common.parameter"), {}, 0},
                         {text::both("report.sweep.parameters.minimum"), {}, 3},
                         {text::both("report.sweep.parameters.median"), {}, 3},
                         {text::both("report.sweep.parameters.maximum"), {}, 3}},
                        {}};
  const std::size_t n_parameters = parameters.size();
  for (std::size_t p = 0; p < n_parameters; ++p) {
    std::vector<double> drawn;
    for (std::size_t r = 0; r * n_parameters + p < values.values.size(); ++r) drawn.push_back(values.values[r * n_parameters + p]);
    std::sort(drawn.begin(), drawn.end());
    const double median = drawn.empty() ? std::nan("") : sim::quantile_type7(drawn, 0.5);
    const auto [low, high] = std::minmax_element(drawn.begin(), drawn.end());
    parameter_table.rows.push_back({same(parameters[p]), drawn.empty() ? std::nan("") : *low, median,
                                    drawn.empty() ? std::nan("") : *high});
  }

  Table outcome_table{"outcome_quantiles", text::both("report.sweep.outcomes.title"), text::both("report.sweep.outcomes.note"),
                      {{text::both("report.common.outcome"), {}, 0}, {text::both("report.common.units"), {}, 0}},
                      {}};
  for (const auto& q : quantiles) outcome_table.columns.push_back({label_text(q), {}, 1});
  for (const std::string& outcome : view.file().series_names("outcome_quantiles")) {
    const ReportArray a = view.read("outcome_quantiles", outcome);
    std::vector<Cell> row{Text{a.label_zh.empty() ? outcome : a.label_zh, outcome}, units_text(a.units)};
    for (double v : a.values) row.emplace_back(v);
    outcome_table.rows.push_back(row);
    outcome_table.row_decimals.push_back(decimals_for(a.values, a.units));
  }
  content.sections.push_back({"parameters", text::both("report.sweep.parameters.section"), {}, {}, {},
                              {parameter_table, outcome_table}});

  Section fans{"fans", text::both("report.sweep.fans.title"), text::both("report.sweep.fans.note"), {}, {}, {}};
  Table fan_table{"fans", text::both("report.sweep.fans.table"), {},
                  {{text::both("report.common.indicator"), {}, 0},
                   {text::both("report.common.units"), {}, 0},
                   {text::both("report.common.year"), {}, -1}},
                  {}};
  for (const auto& q : quantiles) fan_table.columns.push_back({label_text(q), {}, 1});
  for (const std::string& indicator : view.file().series_names("fans")) {
    const ReportArray a = view.read("fans", indicator);
    const std::size_t n = years.size();
    auto row_of = [&](const std::string& q) {
      const std::size_t k = quantile_index(quantiles, q, view.path());
      return std::vector<double>(a.values.begin() + static_cast<std::ptrdiff_t>(k * n),
                                 a.values.begin() + static_cast<std::ptrdiff_t>((k + 1) * n));
    };
    Chart c;
    c.id = "fan_" + indicator;
    c.title = {indicator_text(indicator, "").zh, indicator};
    c.x_name = text::both("report.common.year");
    c.x_labels = year_labels;
    c.y_name = {units_text(a.units).zh, a.units};
    c.small = true;
    c.bands.push_back({text::both("report.sweep.fans.band_5_95"), row_of("p5"), row_of("p95"), "rgba(31,95,139,0.15)"});
    c.bands.push_back({text::both("report.sweep.fans.band_25_75"), row_of("p25"), row_of("p75"), "rgba(31,95,139,0.35)"});
    c.series.push_back({label_text("p50"), row_of("p50"), "line", "#1f5f8b"});
    fans.charts.push_back(c);
    for (std::size_t t = 0; t < n; ++t) {
      std::vector<Cell> row{indicator_text(indicator, ""), units_text(a.units), static_cast<double>(years[t])};
      for (std::size_t k = 0; k < quantiles.size(); ++k) row.emplace_back(a.values[k * n + t]);
      fan_table.rows.push_back(row);
    }
  }
  fans.tables.push_back(fan_table);
  content.sections.push_back(fans);

  // An outcome's Chinese name: its label in outcome_quantiles (the sobol group's datasets have none).
  auto outcome_zh = [&](const std::string& outcome) {
    if (view.has("outcome_quantiles", outcome)) {
      const std::string zh = view.read("outcome_quantiles", outcome).label_zh;
      if (!zh.empty()) return zh;
    }
    return indicator_text(outcome, "").zh;
  };
  if (view.file().has_group("sobol")) {
    Section sobol{"sobol", text::both("report.sweep.sobol.title"), text::both("report.sweep.sobol.note"), {}, {}, {}};
    Table table{"sobol", text::both("report.sweep.sobol.table"), {},
                {{text::both("report.common.outcome"), {}, 0},
                 {text::both("report.common.parameter"), {}, 0},
                 {label_text("first_order"), {}, 3},
                 {text::both("report.sweep.sobol.first_order_low"), {}, 3},
                 {text::both("report.sweep.sobol.first_order_high"), {}, 3},
                 {label_text("total"), {}, 3},
                 {text::both("report.sweep.sobol.total_low"), {}, 3},
                 {text::both("report.sweep.sobol.total_high"), {}, 3}},
                {}};
    for (const std::string& outcome : view.file().series_names("sobol")) {
      const ReportArray a = view.read("sobol", outcome);  // sobol_index, estimate, parameter
      const std::size_t P = a.dimension("parameter").size(), E = a.dimension("estimate").size();
      const auto& names = a.dimension("parameter").labels;
      auto at = [&](std::size_t index, std::size_t estimate, std::size_t p) { return a.values[(index * E + estimate) * P + p]; };
      Chart c;
      c.id = "sobol_" + outcome;
      c.kind = "bar";
      c.title = {outcome_zh(outcome), outcome};
      c.x_name = text::both("report.common.parameter");
      c.x_labels = names;
      c.y_name = text::both("report.sweep.sobol.index");
      c.small = true;
      std::vector<double> first(P), total(P);
      for (std::size_t p = 0; p < P; ++p) {
        first[p] = at(0, 0, p);
        total[p] = at(1, 0, p);
        table.rows.push_back({Text{outcome_zh(outcome), outcome}, same(names[p]), at(0, 0, p), at(0, 1, p), at(0, 2, p), at(1, 0, p),
                              at(1, 1, p), at(1, 2, p)});
      }
      c.series.push_back({label_text("first_order"), first, "bar", "#1f5f8b"});
      c.series.push_back({label_text("total"), total, "bar", "#e59866"});
      sobol.charts.push_back(c);
    }
    sobol.tables.push_back(table);
    content.sections.push_back(sobol);
  }
  content.sources = sources_table(view);
  return content;
}

}  // namespace carecap::report
