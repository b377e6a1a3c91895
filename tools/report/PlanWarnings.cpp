// carecap. SPDX-License-Identifier: MIT
#include "tools/report/PlanWarnings.hpp"

#include <cmath>
#include <limits>

#include "text/TextArg.hpp"
#include "tools/report/ReportText.hpp"

namespace carecap::report {
namespace {

constexpr const char* kGroup = "plan_check";

/// The plan check's findings as the run stored them (tools/run/PlanCheckReport: each finding's
/// figures and its sentence in both languages, worded once by tools/run/PlanFindingText).
struct Findings {
  std::vector<std::string> ids, kinds, units, compared_with, verdicts;
  std::vector<Text> figures, texts;
  std::vector<double> plan, other, year;
  [[nodiscard]] std::size_t size() const { return ids.size(); }
};

/// Texts of `zh_name` and `en_name` as Text; none when the file lacks them.
std::vector<Text> texts_of(const OutputView& view, const char* zh_name, const char* en_name) {
  const auto zh = view.text_or_none(kGroup, zh_name), en = view.text_or_none(kGroup, en_name);
  std::vector<Text> out;
  for (std::size_t i = 0; i < zh.size() && i < en.size(); ++i) out.push_back({zh[i], en[i]});
  return out;
}

Findings read_findings(const OutputView& view) {
  const auto& f = view.file();
  const auto ids = view.labels(kGroup, "finding");
  const auto kinds = f.read_text(kGroup, "finding_kind"), units = f.read_text(kGroup, "finding_units"),
             compared = f.read_text(kGroup, "compared_with"), verdicts = f.read_text(kGroup, "verdict");
  const auto plan = view.read(kGroup, "plan_figure").values, other = view.read(kGroup, "compared_figure").values,
             years = view.read(kGroup, "finding_year").values;
  const auto figures = texts_of(view, "figure_zh", "figure_en"), texts = texts_of(view, "text_zh", "text_en");
  Findings out;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (verdicts[i].empty()) continue;  // a plan check without findings holds one placeholder entry
    out.ids.push_back(ids[i]);
    out.kinds.push_back(kinds[i]);
    out.units.push_back(units[i]);
    out.compared_with.push_back(compared[i]);
    // Files written before the words were stored (tools/run/PlanFindingText) name the verdict
    // CONTRADICTION; their sentences are not shown (only figures, from the catalogue).
    out.verdicts.push_back(verdicts[i] == "CONTRADICTION" ? "contradiction" : verdicts[i]);
    out.figures.push_back(i < figures.size() ? figures[i] : text::same(ids[i]));
    out.plan.push_back(plan[i]);
    out.other.push_back(other[i]);
    out.year.push_back(years[i]);
    out.texts.push_back(i < texts.size() ? texts[i]
                                         : text::both("plan.check.other", {{"figure", out.figures.back()},
                                                                           {"year", text::same(std::to_string(static_cast<int>(years[i])))},
                                                                           {"plan", text::same(grouped(plan[i], 2))},
                                                                           {"other", text::same(grouped(other[i], 2))}}));
  }
  return out;
}

Text kind_text(const std::string& kind) {
  if (kind == "base_fact") return text::both("plan.kind.base_fact");
  if (kind == "forecast") return text::both("plan.kind.forecast");
  if (kind == "target") return text::both("plan.kind.target");
  if (kind == "consistency") return text::both("plan.kind.consistency");
  if (kind == "workforce") return text::both("plan.kind.workforce");
  return text::same(kind);
}

Text verdict_text(const std::string& verdict) {
  if (verdict == "agrees") return text::both("plan.verdict.agrees");
  if (verdict == "differs") return text::both("plan.verdict.differs");
  if (verdict == "contradiction") return text::both("plan.verdict.contradiction");
  if (verdict == "not_modelled") return text::both("plan.verdict.not_modelled");
  return text::same(verdict);
}

Text compared_with_text(const std::string& label) {
  if (label == "model") return text::both("plan.compared_with.model");
  if (label == "model base") return text::both("plan.compared_with.model_base");
  if (label == "scenario supply") return text::both("plan.compared_with.scenario_supply");
  if (label == "plan forecast") return text::both("plan.compared_with.plan_forecast");
  if (label == "plan target") return text::both("plan.compared_with.plan_target");
  if (label == "plan population") return text::both("plan.compared_with.plan_population");
  if (label == "plan enrolled") return text::both("plan.compared_with.plan_enrolled");
  if (label == "model demand") return text::both("plan.compared_with.model_demand");
  if (label == "demand model") return text::both("plan.compared_with.demand_model");
  if (label == "project list") return text::both("plan.compared_with.project_list");
  if (label == "scenario assumption") return text::both("plan.compared_with.scenario_assumption");
  if (label == "model need") return text::both("plan.compared_with.model_need");
  if (label == "not modelled") return text::both("plan.compared_with.not_modelled");
  return text::same(label);
}

/// A finding's figures as the table shows them: shares in percent, places per child per 100
/// children, with their units and the decimals they are published with.
struct Shown {
  double scale = 1;
  Text units;
  int decimals = 0;
};
Shown shown_as(const std::string& units) {
  if (units == "1") return {100, text::both("plan.units.percent"), 1};
  if (units == "places per child") return {100, text::both("plan.units.places_per_100_children"), 0};
  if (units == "persons" || units == "births per year") return {1, text::both("plan.units.persons"), 0};
  if (units == "persons per year") return {1, text::both("plan.units.persons_per_year"), 0};
  if (units == "beds") return {1, text::both("plan.units.beds"), 0};
  if (units == "places") return {1, text::both("plan.units.places"), 0};
  if (units == "projects") return {1, text::both("plan.units.projects"), 0};
  if (units == "beds per 1,000 persons aged 60+") return {1, text::both("plan.units.beds_per_1000_elderly"), 1};
  if (units == "places per 1,000 persons") return {1, text::both("plan.units.places_per_1000_people"), 2};
  if (units == "persons per 10,000 persons aged 60+") return {1, text::both("plan.units.persons_per_10000_elderly"), 1};
  if (units == "persons per 1,000 persons aged 60+") return {1, text::both("plan.units.persons_per_1000_elderly"), 1};
  if (units == "persons per 100 beds") return {1, text::both("plan.units.persons_per_100_beds"), 1};
  if (units == "person-times") return {1, text::both("plan.units.person_times"), 0};
  return {1, text::same(units), 2};
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

std::map<int, std::map<std::string, StatedFigure>> targets_by_year(const std::map<std::string, StatedFigure>& stated) {
  std::map<int, std::map<std::string, StatedFigure>> out;
  for (const auto& [name, figure] : stated)
    if (name.rfind("targets", 0) == 0 && name.find('.') != std::string::npos)
      out[figure.year][name.substr(name.find('.') + 1)] = figure;
  return out;
}

std::vector<Warning> plan_warnings(const OutputView& view) {
  std::vector<Warning> out;
  if (!view.file().has_group(kGroup)) return out;
  const Findings f = read_findings(view);
  const Text end = text::both("plan.check.sentence_end");
  for (const char* severity : {"contradiction", "differs"})
    for (std::size_t i = 0; i < f.size(); ++i)
      if (f.verdicts[i] == severity) out.push_back({severity, {f.texts[i].zh + end.zh, f.texts[i].en + end.en}});
  return out;
}

std::vector<Table> plan_check_tables(const OutputView& view) {
  if (!view.file().has_group(kGroup)) return {};
  const Findings f = read_findings(view);
  const std::string document = view.file().read_series(kGroup, "plan_figure").source;
  Table t{"plan_check",
          text::both("plan.table.title"),
          text::both("plan.table.note", {{"document", text::same(document)}}),
          {{text::both("plan.table.kind"), {}, 0},
           {text::both("plan.table.figure"), {}, 0},
           {text::both("plan.table.year"), {}, 0},
           {text::both("plan.table.plan"), {}, 2},
           {text::both("plan.table.compared"), {}, 2},
           {text::both("plan.table.compared_with"), {}, 0},
           {text::both("plan.table.units"), {}, 0},
           {text::both("plan.table.verdict"), {}, 0},
           {text::both("plan.table.message"), {}, 0}},
          {}};
  for (std::size_t i = 0; i < f.size(); ++i) {
    const Shown s = shown_as(f.units[i]);
    // The year as words: this table's numbers take each row's decimals (row_decimals), a year none.
    t.rows.push_back({kind_text(f.kinds[i]), f.figures[i], text::same(std::to_string(static_cast<int>(f.year[i]))),
                      f.plan[i] * s.scale, f.other[i] * s.scale, compared_with_text(f.compared_with[i]), s.units,
                      verdict_text(f.verdicts[i]), f.texts[i]});
    t.row_decimals.push_back(s.decimals);
  }
  return {t};
}

}  // namespace carecap::report
