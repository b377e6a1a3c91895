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
  content.title = {"敏感性分析：" + name, "carecap sweep: " + name};
  content.subtitle = {std::to_string(runs) + "次运行，" + label_text(design).zh, std::to_string(runs) + " runs, design " + design};
  content.source_path = view.path();

  // The swept parameters and the range of the values drawn.
  const ReportArray values = view.read("samples", "parameter_value");
  const auto& parameters = values.dimension("parameter").labels;
  Table parameter_table{"parameters", {"抽样参数", "Swept parameters"},
                        {"分布：" + view.file().root_text("parameter_distributions_zh").value_or(values.source),
                         "distributions: " + values.source},
                        {{{"参数", "parameter"}, {}, 0},
                         {{"最小值", "minimum"}, {}, 3},
                         {{"中位数", "median"}, {}, 3},
                         {{"最大值", "maximum"}, {}, 3}},
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

  Table outcome_table{"outcome_quantiles", {"结果分位数", "Outcome quantiles"},
                      {"全部运行的分位数（第7类插值）。", "quantiles over all runs (type 7)."},
                      {{{"结果", "outcome"}, {}, 0}, {{"单位", "units"}, {}, 0}},
                      {}};
  for (const auto& q : quantiles) outcome_table.columns.push_back({label_text(q), {}, 1});
  for (const std::string& outcome : view.file().series_names("outcome_quantiles")) {
    const ReportArray a = view.read("outcome_quantiles", outcome);
    std::vector<Cell> row{Text{a.label_zh.empty() ? outcome : a.label_zh, outcome}, units_text(a.units)};
    for (double v : a.values) row.emplace_back(v);
    outcome_table.rows.push_back(row);
    outcome_table.row_decimals.push_back(decimals_for(a.values, a.units));
  }
  content.sections.push_back({"parameters", {"参数与结果分布", "Parameters and outcomes"}, {}, {}, {},
                              {parameter_table, outcome_table}});

  Section fans{"fans", {"扇形图", "Fan charts"},
               {"深色带为25%-75%，浅色带为5%-95%，线为中位数。", "dark band: 25-75%; light band: 5-95%; line: median."},
               {}, {}, {}};
  Table fan_table{"fans", {"指标分位数（按年份）", "Indicator quantiles by year"}, {},
                  {{{"指标", "indicator"}, {}, 0}, {{"单位", "units"}, {}, 0}, {{"年份", "year"}, {}, -1}}, {}};
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
    c.x_name = {"年份", "year"};
    c.x_labels = year_labels;
    c.y_name = {units_text(a.units).zh, a.units};
    c.small = true;
    c.bands.push_back({{"5%-95%", "5-95%"}, row_of("p5"), row_of("p95"), "rgba(31,95,139,0.15)"});
    c.bands.push_back({{"25%-75%", "25-75%"}, row_of("p25"), row_of("p75"), "rgba(31,95,139,0.35)"});
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
    Section sobol{"sobol", {"索博尔敏感性指数", "Sobol sensitivity indices"},
                  {"一阶指数：该参数单独解释的方差份额；总效应指数：含交互作用。区间为自助法95%置信区间。",
                   "first order: the share of variance the parameter explains alone; total: with its interactions. "
                   "Intervals: 95% bootstrap."},
                  {}, {}, {}};
    Table table{"sobol", {"索博尔敏感性指数", "Sobol indices"}, {},
                {{{"结果", "outcome"}, {}, 0},
                 {{"参数", "parameter"}, {}, 0},
                 {{"一阶指数", "first order"}, {}, 3},
                 {{"一阶下限", "first order, low"}, {}, 3},
                 {{"一阶上限", "first order, high"}, {}, 3},
                 {{"总效应指数", "total"}, {}, 3},
                 {{"总效应下限", "total, low"}, {}, 3},
                 {{"总效应上限", "total, high"}, {}, 3}},
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
      c.x_name = {"参数", "parameter"};
      c.x_labels = names;
      c.y_name = {"指数", "index"};
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
