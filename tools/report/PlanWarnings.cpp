// carecap. SPDX-License-Identifier: MIT
#include "tools/report/PlanWarnings.hpp"

#include <cmath>

#include "tools/report/ReportText.hpp"

namespace carecap::report {
namespace {

constexpr const char* kGroup = "plan_check";

/// Chinese names of the plan check's figures, by finding id (PlanCheck.cpp).
std::string figure_zh(const std::string& id, const std::string& english) {
  static const std::map<std::string, std::string> names{
      {"population", "常住人口"},
      {"age_60_plus", "60岁及以上老年人口"},
      {"share_60_plus", "60岁及以上人口占比"},
      {"age_0_2", "3岁以下婴幼儿"},
      {"elderly_care_beds", "养老床位"},
      {"nursing_bed_share", "护理型床位占比"},
      {"childcare_places", "托位"},
      {"childcare_places_per_1000_people", "每千人口托位数"},
      {"childcare_enrolled", "在托婴幼儿"},
      {"forecast_age_60_plus", "60岁及以上老年人口（预测）"},
      {"forecast_share_60_plus", "60岁及以上人口占比（预测）"},
      {"forecast_age_60_plus_increase", "老年人口年均增量（预测）"},
      {"forecast_births", "年均出生人口（预测）"},
      {"target_beds", "养老床位（目标）"},
      {"target_nursing_bed_share", "护理型床位占比（目标）"},
      {"target_beds_per_1000_elderly", "每千名老年人养老床位数（目标）"},
      {"target_childcare_places", "托位数（目标）"},
      {"target_childcare_places_per_1000_people", "每千人口托位数（目标）"},
      {"elderly_implied_by_bed_rate", "床位目标隐含的60岁及以上老年人口"},
      {"bed_target_arithmetic", "基年床位加新增床位"},
      {"bed_additions_vs_list", "规划新增床位与项目清单"},
      {"population_implied_by_base_places", "基年托位隐含的常住人口"},
      {"population_implied_by_forecast", "老年人口预测隐含的常住人口"},
      {"population_implied_by_place_rate", "托位目标隐含的常住人口"},
      {"childcare_places_per_child", "每名3岁以下婴幼儿的托位数"},
  };
  std::string base = id;
  if (const auto cut = base.find_last_of('_'); cut != std::string::npos && base.find_first_not_of("0123456789", cut + 1) == std::string::npos)
    base = base.substr(0, cut);  // a repeated id: elderly_implied_by_bed_rate_2
  const auto at = names.find(base);
  return at == names.end() ? english : at->second;
}

/// A figure as a message shows it: shares (units "1") as percentages.
std::string shown(double value, const std::string& units) {
  if (units == "1") return grouped(100.0 * value, 1) + "%";
  const double magnitude = std::abs(value);
  return grouped(value, magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : 2);
}

struct Findings {
  std::vector<std::string> ids, kinds, figures, units, compared_with, verdicts, messages;
  std::vector<double> plan, other, year;
};

Findings read_findings(const OutputView& view) {
  const auto& f = view.file();
  Findings all{view.labels(kGroup, "finding"),    f.read_text(kGroup, "finding_kind"), f.read_text(kGroup, "figure"),
          f.read_text(kGroup, "finding_units"), f.read_text(kGroup, "compared_with"), f.read_text(kGroup, "verdict"),
          f.read_text(kGroup, "message"),    view.read(kGroup, "plan_figure").values,
          view.read(kGroup, "compared_figure").values, view.read(kGroup, "finding_year").values};
  // A plan check without findings holds one placeholder entry with no verdict (PlanCheckReport.cpp).
  Findings out;
  for (std::size_t i = 0; i < all.ids.size(); ++i) {
    if (all.verdicts[i].empty()) continue;
    out.ids.push_back(all.ids[i]);
    out.kinds.push_back(all.kinds[i]);
    out.figures.push_back(all.figures[i]);
    out.units.push_back(all.units[i]);
    out.compared_with.push_back(all.compared_with[i]);
    out.verdicts.push_back(all.verdicts[i]);
    out.messages.push_back(all.messages[i]);
    out.plan.push_back(all.plan[i]);
    out.other.push_back(all.other[i]);
    out.year.push_back(all.year[i]);
  }
  return out;
}

Text message_of(const Findings& f, std::size_t i) {
  const std::string units_zh = f.units[i] == "1" ? "" : units_text(f.units[i]).zh;
  std::string zh = figure_zh(f.ids[i], f.figures[i]) + "（" + std::to_string(static_cast<int>(f.year[i])) + "年）：规划 " +
                   shown(f.plan[i], f.units[i]) + units_zh + "，" + label_text(f.compared_with[i]).zh + " " +
                   shown(f.other[i], f.units[i]) + units_zh;
  if (f.plan[i] != 0 && std::isfinite(f.other[i]))
    zh += "，相差 " + grouped(100.0 * (f.other[i] - f.plan[i]) / std::abs(f.plan[i]), 1) + "%";
  zh += "。";
  return {zh, f.messages[i]};
}

}  // namespace

std::map<std::string, StatedFigure> stated_figures(const OutputView& view) {
  std::map<std::string, StatedFigure> out;
  if (!view.file().has_group(kGroup)) return out;
  const auto names = view.labels(kGroup, "plan_statement");
  const auto values = view.read(kGroup, "stated_value").values;
  const auto years = view.read(kGroup, "stated_year").values;
  const auto units = view.file().read_text(kGroup, "stated_units");
  for (std::size_t i = 0; i < names.size() && i < values.size() && i < years.size() && i < units.size(); ++i)
    if (std::isfinite(values[i])) out[names[i]] = {static_cast<int>(years[i]), values[i], units[i]};
  return out;
}

std::vector<Warning> plan_warnings(const OutputView& view) {
  std::vector<Warning> out;
  if (!view.file().has_group(kGroup)) return out;
  const Findings f = read_findings(view);
  for (const char* severity : {"contradiction", "differs"})
    for (std::size_t i = 0; i < f.ids.size(); ++i)
      if (f.verdicts[i] == severity) out.push_back({severity, message_of(f, i)});
  return out;
}

std::vector<Table> plan_check_tables(const OutputView& view) {
  if (!view.file().has_group(kGroup)) return {};
  const Findings f = read_findings(view);
  Table t{"plan_check",
          {"规划自洽性核查", "Plan check"},
          {"规划文本中的数字与模型及规划自身其他数字的比较（比例以小数表示）。来源：" + view.file().read_series(kGroup, "plan_figure").source,
           "the plan's figures against the model and against each other (shares as fractions). Source: " +
               view.file().read_series(kGroup, "plan_figure").source},
          {{{"类别", "kind"}, {}, 0},
           {{"指标", "figure"}, {}, 0},
           {{"年份", "year"}, {}, -1},
           {{"规划数", "plan"}, {}, 3},
           {{"对照数", "compared"}, {}, 3},
           {{"对照来源", "compared with"}, {}, 0},
           {{"单位", "units"}, {}, 0},
           {{"结论", "verdict"}, {}, 0},
           {{"说明", "message"}, {}, 0}},
          {}};
  for (std::size_t i = 0; i < f.ids.size(); ++i)
    t.rows.push_back({label_text(f.kinds[i]), Text{figure_zh(f.ids[i], f.figures[i]), f.figures[i]}, f.year[i], f.plan[i],
                      f.other[i], label_text(f.compared_with[i]), units_text(f.units[i]), label_text(f.verdicts[i]),
                      message_of(f, i)});
  return {t};
}

}  // namespace carecap::report
