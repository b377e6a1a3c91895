// carecap. SPDX-License-Identifier: MIT
#include "tools/report/PlanWarnings.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "sim/NumberText.hpp"
#include "tools/report/ReportText.hpp"
#include "tools/report/RunView.hpp"

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

using sim::percent_change;
std::string pct(double fraction, int decimals = 1) { return sim::percent(fraction, decimals); }

/// A difference of two shares in percentage points, signed: {"-10.8 个百分点", "-10.8 percentage points"}.
Text points(double x, double reference) {
  const double d = 100.0 * (x - reference);
  const std::string n = (d >= 0 ? "+" : "") + grouped(d, 1);
  return {n + "个百分点", n + " percentage points"};
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

/// Targets the plan check reads as "at least" (models/plan/PlanCheck.cpp targets()).
bool at_least_target(const std::string& id) {
  return id == "target_nursing_bed_share" || id == "target_childcare_places" || id == "target_childcare_places_per_1000_people";
}

/// Whether an "at least" target is reached (with the plan check's rounding: 0.005% of a share, half a place).
bool met(const Findings& f, std::size_t i) {
  if (!at_least_target(f.ids[i]) || !std::isfinite(f.other[i])) return false;
  const double within = f.units[i] == "1" ? 5e-5 : f.units[i] == "places" ? 0.5 : 0.005;
  return f.other[i] >= f.plan[i] - within;
}

/// The verdict as the report shows it: an "at least" target that is reached agrees.
std::string verdict_of(const Findings& f, std::size_t i) { return met(f, i) ? "agrees" : f.verdicts[i]; }

/// Where the compared figure comes from: a target is held against the scenario's supply, not a model result.
Text compared_text(const Findings& f, std::size_t i) {
  if (f.kinds[i] == "target" && f.compared_with[i] == "model") return {"情景供给", "scenario supply"};
  return label_text(f.compared_with[i]);
}

/// What the messages need beyond a finding's two figures: the plan's stated figures and the
/// projection's values (means of the replications) of the run.
struct Context {
  std::map<std::string, StatedFigure> stated;
  std::vector<int> years;
  std::map<std::string, std::vector<double>> series;  // by year: elders, population, children, beds, sought
  std::string start;                                  // capacity/start

  double stated_value(const std::string& name) const {
    const auto at = stated.find(name);
    return at == stated.end() ? std::numeric_limits<double>::quiet_NaN() : at->second.value;
  }
  double at(const std::string& name, int year) const {
    const auto s = series.find(name);
    const auto y = std::find(years.begin(), years.end(), year);
    if (s == series.end() || y == years.end()) return std::numeric_limits<double>::quiet_NaN();
    return s->second[static_cast<std::size_t>(y - years.begin())];
  }
};

Context context_of(const OutputView& view) {
  Context c;
  c.stated = stated_figures(view);
  RunView run{view, view.coordinates("", "year"), {}, false, false, false, {}};
  c.years = run.years;
  c.series["elders"] = run.by_year("", "n_age_60_plus");
  c.series["population"] = run.by_year("", "n_total");
  c.series["children"] = run.by_year("", "n_age_0_2");
  if (view.has("capacity", "n_beds")) {
    c.series["beds"] = run.by_year("capacity", "n_beds");
    const auto start = view.text_or_none("capacity", "start");
    if (!start.empty()) c.start = start.front();
  }
  return c;
}

/// The figure's years as a message names them: "2025年", "2021-2025年".
std::string years_zh(const Findings& f, std::size_t i, const Context& c) {
  const std::string year = std::to_string(static_cast<int>(f.year[i]));
  if (f.ids[i] == "forecast_age_60_plus_increase" || f.ids[i] == "forecast_births") {
    const double facts = c.stated.empty() ? std::numeric_limits<double>::quiet_NaN() : [&] {
      for (const auto& [name, s] : c.stated)
        if (name.rfind("facts.", 0) == 0) return static_cast<double>(s.year);
      return std::numeric_limits<double>::quiet_NaN();
    }();
    if (std::isfinite(facts)) return std::to_string(static_cast<int>(facts) + 1) + "-" + year + "年";
  }
  return year + "年";
}

/// A finding in both languages with the same numbers and derivation. The English is the plan
/// check's message, but differences of shares are given in percentage points in both languages;
/// the Chinese is built from the stored figures (plan_figure, compared_figure, stated_value and the
/// run's series), "模型" for model results and "情景供给" for the scenario's supply.
Text message_of(const Findings& f, std::size_t i, const Context& c) {
  const std::string& id = f.ids[i];
  const double p = f.plan[i], o = f.other[i];
  const int year = static_cast<int>(f.year[i]);
  const std::string y = std::to_string(year);
  const bool share = f.units[i] == "1";
  const std::string u = share ? "" : units_text(f.units[i]).zh;
  std::string name = figure_zh(id, f.figures[i]);
  for (const char* suffix : {"（预测）", "（目标）"})  // the sentence says 规划预测 or 规划目标
    if (const auto at = name.find(suffix); at != std::string::npos && (f.kinds[i] == "forecast" || f.kinds[i] == "target"))
      name.erase(at);
  std::string en = f.messages[i];
  std::string zh;
  if (f.kinds[i] == "base_fact" && id != "start_use" && id != "start_transient") {
    const int decimals = id == "childcare_places_per_1000_people" ? 2 : 0;
    auto show = [&](double x) { return share ? pct(x, 2) : grouped(x, decimals); };
    zh = name + "（" + y + "年末）：规划 " + show(p) + u + "，模型基年 " + show(o) + u +
         (verdict_of(f, i) == "agrees" ? "（一致）" : "（未能复现：请核对情景的基年数据）");
  } else if (id == "start_use") {
    const int first = c.years.empty() ? year + 1 : c.years.front();
    zh = std::to_string(first) + "年1月1日在住老人" + grouped(p) + "人（" +
         (c.start == "observed_residents" ? "观测入住人数" : c.start == "occupancy_share" ? "入住率假设×床位" : "基年需求：未给出入住率") +
         "）；全国默认机构照护使用对应" + grouped(o) + "人" +
         (c.start == "demand_steady_state" || o <= 0 ? "" : "（" + grouped(p / o, 1) + "倍：照护使用已按在住老人校准）");
  } else if (id == "start_transient") {
    const int first = c.years.empty() ? year + 1 : c.years.front();
    const double beds = c.at("beds", first + 2) / c.at("beds", first) - 1, elders = c.at("elders", first + 2) / c.at("elders", first) - 1;
    auto signed_pct = [](double r) { return (r >= 0 ? "+" : "") + pct(r); };
    zh = std::to_string(first) + "年至" + std::to_string(first + 2) + "年在住床位变化" + signed_pct(o / p - 1) + "，而床位（" +
         signed_pct(beds) + "）与60岁及以上人口（" + signed_pct(elders) + "）基本不变：为起始阶段的过渡，并非结论；来自" +
         (c.start == "observed_residents" ? "机构名录的在住人数" : c.start == "occupancy_share" ? "capacity.initial_occupancy" : "基年需求下的起始状态");
  } else if (f.kinds[i] == "forecast") {
    if (share) {  // the difference of two shares: percentage points in both languages
      const Text d = points(o, p);
      en = f.figures[i] + ": plan forecasts " + pct(p) + ", the model projects " + pct(o) + " (" + d.en + ")";
      zh = name + "（" + years_zh(f, i, c) + "）：规划预测 " + pct(p) + "，模型预测 " + pct(o) + "（" + d.zh + "）";
    } else {
      zh = name + "（" + years_zh(f, i, c) + "）：规划预测 " + grouped(p) + u + "，模型预测 " + grouped(o) + u + "（" + percent_change(o, p) + "）";
    }
  } else if (f.kinds[i] == "target") {
    const bool at_least = at_least_target(id), reached = verdict_of(f, i) == "agrees";
    const int decimals = id == "target_beds_per_1000_elderly" ? 1 : id == "target_childcare_places_per_1000_people" ? 2 : 0;
    auto show = [&](double x) { return share ? pct(x) : grouped(x, decimals); };
    zh = name + "（" + y + "年）：规划目标" + (at_least ? "不低于 " : " ") + show(p) + u + "，情景供给 " + show(o) + u;
    if (reached) {
      zh += at_least ? "（已达目标）" : "";
      if (at_least && f.verdicts[i] != "agrees") en += " (target met)";
    } else if (share) {
      const Text d = points(o, p);
      zh += std::string(at_least ? "（未达目标，" : "（") + d.zh + "）";
      en = f.figures[i] + ": plan targets " + (at_least ? "at least " : "") + pct(p) + ", the scenario's supply gives " + pct(o) +
           " (" + (at_least ? "short of the target, " : "") + d.en + ")";
    } else {
      zh += at_least ? "（未达目标）" : "（" + percent_change(o, p) + "）";
    }
  } else if (id.rfind("elderly_implied_by_bed_rate", 0) == 0) {
    const double beds = c.stated_value("targets.elderly_care_beds"), rate = c.stated_value("targets.beds_per_1000_elderly");
    const double model = c.at("elders", year);
    zh = name + "（" + y + "年）：" + grouped(beds) + "张床位按每千名老年人" + grouped(rate, 1) + "张计，对应60岁及以上老年人口" +
         grouped(p) + "人";
    if (f.compared_with[i] == "plan forecast")
      zh += "，但规划预测为" + grouped(o) + "人" + (o > 0 ? "（每千人" + grouped(beds / o * 1000.0, 1) + "张）" : "");
    if (std::isfinite(model))
      zh += "；模型预测为" + grouped(model) + "人" + (model > 0 ? "（每千人" + grouped(beds / model * 1000.0, 1) + "张）" : "");
  } else if (id == "bed_target_arithmetic") {
    const double base_beds = c.stated_value("facts.elderly_care_beds"), added = c.stated_value("targets.elderly_care_beds_added");
    const int facts = c.stated.count("facts.elderly_care_beds") ? c.stated.at("facts.elderly_care_beds").year : year;
    zh = name + "：" + std::to_string(facts) + "年床位" + grouped(base_beds) + "张 + 新增" + grouped(added) + "张 = " + grouped(p) +
         "张" + (std::abs(p - o) <= 0.5 ? "，与目标一致" : "，不等于目标" + grouped(o) + "张");
  } else if (id == "bed_additions_vs_list") {
    const double base_beds = c.stated_value("facts.elderly_care_beds"), target = c.stated_value("targets.elderly_care_beds");
    zh = name + "（" + y + "年）：规划到" + y + "年新增" + grouped(p) + "张床位";
    if (std::isfinite(base_beds) && std::isfinite(target)) zh += "（由" + grouped(base_beds) + "张增至" + grouped(target) + "张）";
    zh += "，而其项目清单列出新建或改建床位" + grouped(o) + "张";
    // The beds derived from investment are only in the message: "(and 448 more for projects ...)".
    if (const auto at = en.find("(and "); at != std::string::npos)
      zh += "（另有未注明床位数的项目按投资折算" + en.substr(at + 5, en.find(' ', at + 5) - at - 5) + "张）";
    if (const double beds = c.at("beds", year); std::isfinite(beds))
      zh += "；情景供给" + y + "年有床位" + grouped(beds) + "张";
  } else if (id == "population_implied_by_base_places") {
    const double places = c.stated_value("facts.childcare_places"), rate = c.stated_value("facts.childcare_places_per_1000_people");
    zh = name + "（" + y + "年）：" + grouped(places) + "个托位按每千人口" + grouped(rate, 2) + "个计，对应常住人口" + grouped(p) +
         "人；" + (f.compared_with[i] == "plan population" ? "规划" : "模型基年") + "的常住人口为" + grouped(o) + "人（" +
         percent_change(p, o) + "）";
  } else if (id == "population_implied_by_forecast") {
    const double elders = c.stated_value("forecast.age_60_plus"), share_60 = c.stated_value("forecast.share_60_plus");
    const double people = c.stated_value("facts.population");
    zh = name + "（" + y + "年）：规划预测60岁及以上老年人口" + grouped(elders) + "人、占常住人口" + pct(share_60) +
         "，对应常住人口" + grouped(p) + "人";
    if (std::isfinite(people))
      zh += "（比规划" + std::to_string(c.stated.at("facts.population").year) + "年的" + grouped(people) + "人" + percent_change(p, people) + "）";
    zh += "；模型预测为" + grouped(o) + "人（" + percent_change(o, p) + "）";
  } else if (id == "population_implied_by_place_rate") {
    const double places = c.stated_value("targets.childcare_places"), rate = c.stated_value("targets.childcare_places_per_1000_people");
    zh = name + "（" + y + "年）：" + grouped(places) + "个托位按每千人口" + grouped(rate, 1) + "个计，对应常住人口" + grouped(p) +
         "人；规划" + std::to_string(c.stated.count("facts.population") ? c.stated.at("facts.population").year : year) +
         "年的常住人口为" + grouped(o) + "人";
    if (const double model = c.at("population", year); std::isfinite(model))
      zh += "；模型预测" + y + "年为" + grouped(model) + "人";
  } else if (id == "childcare_places_per_child") {
    const double children_model = c.at("children", year);
    double places = c.stated_value("targets.childcare_places");
    if (!std::isfinite(places)) places = c.stated_value("targets.childcare_places_per_1000_people") * c.at("population", year) / 1000.0;
    const double children = places / p, enrolled = c.stated_value("facts.childcare_enrolled");
    const int facts = c.stated.empty() ? year : [&] {
      for (const auto& [n, s] : c.stated)
        if (n.rfind("facts.", 0) == 0) return s.year;
      return year;
    }();
    const std::string fy = std::to_string(facts);
    zh = name + "（" + y + "年）：" + grouped(places) + "个托位对应" + grouped(children) + "名3岁以下婴幼儿（" + fy + "年），每百名" +
         grouped(100.0 * p) + "个";
    if (std::isfinite(enrolled)) zh += "；" + fy + "年在托" + grouped(enrolled) + "人（每百名" + grouped(100.0 * enrolled / children) + "人）";
    if (f.compared_with[i] == "model demand" && std::isfinite(children_model)) {
      const double sought = o * children_model;
      zh += "；模型预测" + y + "年婴幼儿" + grouped(children_model) + "人（每百名" + grouped(100.0 * places / children_model) +
            "个托位），其家庭按需求模型需要托位" + grouped(sought) + "个（目标为其" + percent_change(places, sought) + "）";
    }
    if (const double rate = c.stated_value("targets.childcare_places_per_1000_people"); std::isfinite(rate))
      zh += "；目标按每千人口设定（" + grouped(rate, 1) + "个），而非按婴幼儿，对婴幼儿的覆盖随年龄结构变化";
  } else {  // a finding this report does not know: its figures, on the basis of the English message
    zh = name + "（" + y + "年）：规划 " + shown(p, f.units[i]) + u + "，" + label_text(f.compared_with[i]).zh + " " +
         shown(o, f.units[i]) + u;
    if (share && std::isfinite(o)) zh += "（" + points(o, p).zh + "）";
    else if (p != 0 && std::isfinite(o)) zh += "（" + percent_change(o, p) + "）";
  }
  return {zh + "。", en};
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
  const Context c = context_of(view);
  for (const char* severity : {"contradiction", "differs"})
    for (std::size_t i = 0; i < f.ids.size(); ++i)
      if (verdict_of(f, i) == severity) out.push_back({severity, message_of(f, i, c)});
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
  const Context c = context_of(view);
  for (std::size_t i = 0; i < f.ids.size(); ++i)
    t.rows.push_back({label_text(f.kinds[i]), Text{figure_zh(f.ids[i], f.figures[i]), f.figures[i]}, f.year[i], f.plan[i],
                      f.other[i], compared_text(f, i), units_text(f.units[i]), label_text(verdict_of(f, i)),
                      message_of(f, i, c)});
  return {t};
}

}  // namespace carecap::report
