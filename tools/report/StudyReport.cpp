// carecap. SPDX-License-Identifier: MIT
#include "tools/report/StudyReport.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <sstream>

#include "sim/Errors.hpp"
#include "tools/report/ReportSources.hpp"
#include "tools/report/ReportText.hpp"

namespace carecap::report {
namespace {

/// A scalar outcome over scenarios, with its names.
struct OutcomeColumn {
  std::string name;
  Text label;
  std::string units;
  std::vector<double> values;
  std::vector<double> differences;
};


}  // namespace

ReportContent study_report(const OutputView& view) {
  for (const char* group : {"comparison", "difference_from_baseline", "indicators"}) view.require_group(group, "study");
  const auto scenarios = view.labels("comparison", "scenario");
  if (scenarios.empty()) throw InputError(view.path() + ": /scenario is empty; expected a carecap study file");
  const std::string name = view.file().root_text("study_name").value_or("?");
  std::vector<std::string> descriptions(scenarios.size());
  {
    std::istringstream lines(view.file().root_text("scenario_descriptions").value_or(""));
    std::string line;
    for (std::size_t i = 0; i < scenarios.size() && std::getline(lines, line); ++i) {
      const auto colon = line.find(": ");
      descriptions[i] = colon == std::string::npos ? line : line.substr(colon + 2);
    }
  }

  std::vector<OutcomeColumn> outcomes;
  for (const std::string& outcome : view.file().series_names("comparison")) {
    const ReportArray a = view.read("comparison", outcome);
    const ReportArray d = view.read("difference_from_baseline", outcome);
    outcomes.push_back({outcome, {a.label_zh.empty() ? outcome : a.label_zh, outcome}, a.units, a.values, d.values});
  }
  auto find = [&](const std::string& outcome) -> const std::vector<double>* {
    for (const auto& o : outcomes)
      if (o.name == outcome) return &o.values;
    return nullptr;
  };

  ReportContent content;
  content.kind = "study";
  content.title = {"规划方案比较：" + name, "carecap study: " + name};
  content.subtitle = {std::to_string(scenarios.size()) + "个方案（第一个为基准），共同随机数",
                      std::to_string(scenarios.size()) + " scenarios (the first is the baseline), common random numbers"};
  content.source_path = view.path();

  // Ranking: least unmet demand (person-years waiting, then deaths while waiting), then least cost.
  const std::vector<double> zero(scenarios.size(), 0.0);
  const auto* waiting = find("waiting_person_years");
  const auto* capital = find("capital_cost_wan_yuan");
  const auto* operating = find("operating_cost_wan_yuan");
  const auto* idle = find("idle_bed_years");
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  auto value = [&](const std::vector<double>* v, std::size_t i) { return v ? (*v)[i] : kNaN; };
  auto cost = [&](std::size_t i) { return value(capital, i) + value(operating, i); };
  std::vector<std::size_t> order(scenarios.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    // Not modelled (NaN) ranks last.
    const double wa = value(waiting, a), wb = value(waiting, b);
    if (std::isnan(wa) != std::isnan(wb)) return std::isnan(wb);
    if (!std::isnan(wa) && std::abs(wa - wb) > 1e-9 * std::max(1.0, std::abs(wa))) return wa < wb;
    const double ca = cost(a), cb = cost(b);
    if (std::isnan(ca) != std::isnan(cb)) return std::isnan(cb);
    return ca < cb;
  });
  Table ranking{"ranking", {"方案排序", "Ranking of the scenarios"},
                {"按未满足需求（等候人·年）从少到多排序，相同时按总成本（投资＋运营）从低到高。",
                 "ordered by unmet demand (person-years waiting), least first; ties by total cost (capital + operating), "
                 "least first."},
                {{{"排名", "rank"}, {}, 0},
                 {{"方案", "scenario"}, {}, 0},
                 {{"说明", "description"}, {}, 0},
                 {{"等候人·年", "person-years waiting"}, units_text("person-years"), 1},
                 {{"空置床位·年", "idle bed-years"}, units_text("bed-years"), 0},
                 {{"总成本", "total cost"}, units_text("10,000 yuan"), 0}},
                {}};
  for (std::size_t r = 0; r < order.size(); ++r) {
    const std::size_t i = order[r];
    ranking.rows.push_back({static_cast<double>(r + 1),
                            Text{scenarios[i] + (i == 0 ? "（基准）" : ""), scenarios[i] + (i == 0 ? " (baseline)" : "")},
                            same(descriptions[i]), value(waiting, i), value(idle, i), cost(i)});
  }

  Table comparison{"comparison", {"方案结果比较", "Outcomes by scenario"},
                   {"随机重复的均值；首次达标年份为空表示模拟期内未达标。", "means of the replications; an empty first year: "
                                                                               "not reached within the simulated years."},
                   {{{"方案", "scenario"}, {}, 0}},
                   {}};
  Table difference{"difference", {"与基准方案的差异", "Difference from the baseline"},
                   {"方案值 − 基准值（首次达标年份：相差年数）。", "scenario minus baseline (first years: years later)."},
                   {{{"方案", "scenario"}, {}, 0}},
                   {}};
  for (const auto& o : outcomes) {
    comparison.columns.push_back({o.label, units_text(o.units), decimals_for(o.values, o.units)});
    const std::string difference_units = o.units == "calendar year" ? "years" : o.units;  // years later
    difference.columns.push_back({o.label, units_text(difference_units), decimals_for(o.differences, difference_units)});
  }
  for (std::size_t i = 0; i < scenarios.size(); ++i) {
    std::vector<Cell> row{same(scenarios[i])}, diff{same(scenarios[i])};
    for (const auto& o : outcomes) {
      row.emplace_back(o.values[i]);
      diff.emplace_back(o.differences[i]);
    }
    comparison.rows.push_back(row);
    difference.rows.push_back(diff);
  }
  Section overview{"ranking", {"方案排序", "Ranking"}, {}, {}, {}, {ranking}};
  // Bars of the key outcomes, one small chart each.
  for (const char* key : {"waiting_person_years", "idle_bed_years", "capital_cost_wan_yuan", "operating_cost_wan_yuan",
                          "nursing_share_in_target_year"})
    for (const auto& o : outcomes)
      if (o.name == key) {
        Chart c;
        c.id = std::string("outcome_") + key;
        c.kind = "bar";
        c.title = o.label;
        c.x_name = {"方案", "scenario"};
        c.x_labels = scenarios;
        c.y_name = {units_text(o.units).zh, o.units};
        c.series.push_back({o.label, o.values, "bar", "#1f5f8b"});
        c.small = true;
        overview.charts.push_back(c);
      }
  content.sections.push_back(overview);

  Section trends{"indicators", {"各方案指标走势", "Indicators by scenario"},
                 {"每个小图一个指标，每条线一个方案（粗线为基准）。", "one small chart per indicator, one line per scenario "
                                                                    "(the thick line is the baseline)."},
                 {}, {}, {}};
  const auto years = view.coordinates("indicators", "year");
  std::vector<std::string> year_labels;
  for (int y : years) year_labels.push_back(std::to_string(y));
  Table long_table{"indicators_by_year", {"各方案指标（按年份）", "Indicators by scenario and year"}, {},
                   {{{"指标", "indicator"}, {}, 0}, {{"单位", "units"}, {}, 0}, {{"方案", "scenario"}, {}, 0}}, {}};
  for (int y : years) long_table.columns.push_back({same(std::to_string(y)), {}, 0});
  for (const std::string& indicator : view.file().series_names("indicators")) {
    const ReportArray a = view.read("indicators", indicator);
    const std::size_t n_years = years.size();
    Chart c;
    c.id = "indicator_" + indicator;
    c.title = indicator_text(indicator, "");
    c.title.en = indicator;
    c.x_name = {"年份", "year"};
    c.x_labels = year_labels;
    c.y_name = {units_text(a.units).zh, a.units};
    c.small = true;
    for (std::size_t s = 0; s < scenarios.size(); ++s) {
      std::vector<double> line(a.values.begin() + static_cast<std::ptrdiff_t>(s * n_years),
                               a.values.begin() + static_cast<std::ptrdiff_t>((s + 1) * n_years));
      c.series.push_back({same(scenarios[s]), line, s == 0 ? "baseline" : "line", ""});
      std::vector<Cell> row{indicator_text(indicator, ""), units_text(a.units), same(scenarios[s])};
      for (double v : line) row.emplace_back(v);
      long_table.rows.push_back(row);
    }
    trends.charts.push_back(c);
  }
  trends.tables.push_back(long_table);
  content.sections.push_back(trends);
  content.sections.push_back({"outcomes", {"结果明细", "Outcomes in full"}, {}, {}, {}, {comparison, difference}});
  content.sources = sources_table(view);
  return content;
}

}  // namespace carecap::report
