// carecap. SPDX-License-Identifier: MIT
#include "tools/report/StudyReport.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>
#include <set>
#include <sstream>

#include "sim/Errors.hpp"
#include "text/MessageId.hpp"
#include "text/TextArg.hpp"
#include "tools/report/ReportSources.hpp"
#include "tools/report/ReportText.hpp"

namespace carecap::report {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// A scalar outcome over scenarios as the tables show it: shares in percent.
struct OutcomeColumn {
  std::string name;
  Text label;         // zh: the file's label_zh; en: the outcome's id (as the file names it)
  std::string units;  // as shown
  std::vector<double> values;
  std::vector<double> differences;
  std::string difference_units;
};

/// The order of a study's outcomes in its tables (the file lists them alphabetically): the plan's
/// targets, unmet demand, capacity, cost, childcare, the target years and figures
/// (tools/study/StudyComparison.cpp, tools/run/RunOutcomes.cpp); others after them.
const std::vector<std::string>& outcome_order() {
  static const std::vector<std::string> order{
      "targets_met", "targets_set", "beds_target_met", "nursing_share_target_met", "beds_per_1000_target_met",
      "places_target_met", "places_per_1000_target_met", "waiting_person_years", "turned_away", "gave_up_waiting",
      "died_waiting", "idle_bed_years", "admissions", "capital_cost_wan_yuan", "operating_cost_wan_yuan",
      "cost_per_admission_yuan", "cost_per_occupied_bed_year_yuan", "childcare_waiting_child_years", "childcare_gave_up",
      "idle_place_years", "childcare_admissions", "childcare_capital_cost_wan_yuan", "public_spending_wan_yuan",
      "persons_served", "public_cost_per_person_served_yuan", "first_year_beds_target_met",
      "first_year_nursing_share_target_met", "first_year_beds_per_1000_target_met", "first_year_places_target_met",
      "first_year_places_per_1000_target_met", "beds_in_target_year", "nursing_share_in_target_year",
      "beds_per_1000_elderly_in_target_year", "places_per_1000_people_in_target_year",
      "places_per_100_children_in_target_year"};
  return order;
}

/// The columns a planner reads first (the key table and the bar charts), with English names.
const std::vector<std::pair<std::string, std::string>>& key_outcomes() {
  static const std::vector<std::pair<std::string, std::string>> keys{
      {"targets_met", "targets met"},
      {"nursing_share_in_target_year", "nursing-type share in the target year"},
      {"idle_bed_years", "idle bed-years"},
      {"capital_cost_wan_yuan", "elderly-care capital cost"},
      {"operating_cost_wan_yuan", "elderly-care operating cost"},
      {"waiting_person_years", "person-years waiting"},
      {"childcare_gave_up", "children who gave up waiting"}};
  return keys;
}

/// The plan targets counted by `targets_met`, with the message ids of their short names.
struct TargetName {
  const char* outcome;
  const char* name_id;
};
const TargetName kTargets[] = {{"beds_target_met", text::say_id("report.study.target.beds")},
                               {"nursing_share_target_met", text::say_id("report.study.target.nursing_share")},
                               {"beds_per_1000_target_met", text::say_id("report.study.target.beds_per_1000")},
                               {"places_target_met", text::say_id("report.study.target.places")},
                               {"places_per_1000_target_met", text::say_id("report.study.target.places_per_1000")}};

/// Decimals of a study column by its units: counts of persons, beds, places, their years and money
/// whole (with thousands separators), percentages and ratios per 1,000 one decimal, years plain.
int study_decimals(const std::string& units, const std::vector<double>& values) {
  if (units == "calendar year") return kPlainInteger;
  if (units.rfind("percent", 0) == 0) return 1;
  static const std::set<std::string> whole{"persons",     "person-years", "child-years", "bed-years",
                                           "place-years", "beds",         "places",      "10,000 yuan",
                                           "targets",     "1 met, 0 not", "years",       "yuan per person admitted",
                                           "yuan per occupied bed-year", "yuan per person served"};
  if (whole.count(units)) return 0;
  if (units.find("per 1,000") != std::string::npos || units.find("per 100 ") != std::string::npos) return 1;
  return decimals_for(values, units);
}

/// Fractions (0..1) as percent: "fraction of beds" 0.178 -> "percent of beds" 17.8.
void as_percent(std::string& units, std::vector<double>& values) {
  if (units.rfind("fraction", 0) != 0) return;
  units = "percent" + units.substr(std::string("fraction").size());
  for (double& v : values) v *= 100;
}

/// The sum of the values that are modelled; NaN when none is.
double sum_modelled(std::initializer_list<double> values) {
  double sum = 0;
  bool any = false;
  for (double v : values)
    if (!std::isnan(v)) sum += v, any = true;
  return any ? sum : kNaN;
}

/// -1, 0 or 1 as `a` is less than, about equal to or more than `b`; a NaN counts as more than any number.
int compare(double a, double b) {
  if (std::isnan(a) || std::isnan(b)) return std::isnan(a) == std::isnan(b) ? 0 : std::isnan(a) ? 1 : -1;
  if (std::abs(a - b) <= 1e-9 * std::max(1.0, std::abs(a))) return 0;
  return a < b ? -1 : 1;
}

Column column_of(const Text& name, const std::string& units, const std::vector<double>& values) {
  return {name, units_text(units), study_decimals(units, values)};
}

}  // namespace

ReportContent study_report(const OutputView& view) {
  for (const char* group : {"comparison", "difference_from_baseline", "indicators"}) view.require_group(group, "study");
  const auto ids = view.labels("comparison", "scenario");
  if (ids.empty())
    throw InputError(text::both("errors.report.empty_dimension", {{"path", same(view.path())}, {"dimension", same("scenario")},
                                                                  {"kind", text::both("errors.report.kind.study")}}));
  const std::string study_name = view.file().root_text("study_name").value_or("?");
  const std::string study_zh = view.file().root_text("study_label_zh").value_or("");
  // "NAME: description" lines in English and (files since scenario_descriptions_zh) Chinese.
  auto description_lines = [&](const char* key) {
    std::vector<std::string> out(ids.size());
    std::istringstream lines(view.file().root_text(key).value_or(""));
    std::string line;
    for (std::size_t i = 0; i < ids.size() && std::getline(lines, line); ++i) {
      const auto colon = line.find(": ");
      out[i] = colon == std::string::npos ? line : line.substr(colon + 2);
    }
    return out;
  };
  const std::vector<std::string> descriptions_en = description_lines("scenario_descriptions");
  std::vector<std::string> descriptions_zh = description_lines("scenario_descriptions_zh");
  std::vector<Text> descriptions;
  for (std::size_t i = 0; i < ids.size(); ++i)
    descriptions.push_back({descriptions_zh[i].empty() ? descriptions_en[i] : descriptions_zh[i], descriptions_en[i]});
  // Scenarios in the file's order, the baseline first, then as the study file lists the variants;
  // Chinese names where the study gives them (files before `scenario_label_zh`: the ids).
  std::vector<std::string> labels_zh = view.text_or_none("", "scenario_label_zh");
  labels_zh.resize(ids.size());
  std::vector<Text> names;
  for (std::size_t i = 0; i < ids.size(); ++i) names.push_back({labels_zh[i].empty() ? ids[i] : labels_zh[i], ids[i]});

  std::map<std::string, OutcomeColumn> by_name;
  std::vector<std::string> order;
  for (const std::string& outcome : outcome_order()) order.push_back(outcome);
  for (const std::string& outcome : view.file().series_names("comparison")) {
    const ReportArray a = view.read("comparison", outcome);
    const ReportArray d = view.read("difference_from_baseline", outcome);
    OutcomeColumn column{outcome, {a.label_zh.empty() ? outcome : a.label_zh, outcome}, a.units, a.values, d.values, d.units};
    as_percent(column.units, column.values);
    as_percent(column.difference_units, column.differences);
    if (column.difference_units.rfind("percent", 0) == 0) column.difference_units = "percentage points";
    by_name[outcome] = column;
    if (std::find(order.begin(), order.end(), outcome) == order.end()) order.push_back(outcome);
  }
  std::vector<const OutcomeColumn*> outcomes;
  for (const std::string& outcome : order)
    if (by_name.count(outcome)) outcomes.push_back(&by_name.at(outcome));
  auto value = [&](const std::string& outcome, std::size_t i) {
    const auto at = by_name.find(outcome);
    return at == by_name.end() ? kNaN : at->second.values[i];
  };

  ReportContent content;
  content.kind = "study";
  content.title = text::both("report.study.title", {{"name", study_name}});
  if (!study_zh.empty()) content.title.zh = study_zh;
  content.subtitle = text::both("report.study.subtitle", {{"count", same(std::to_string(ids.size()))}, {"baseline", names[0]}});
  content.source_path = view.path();

  // Ranking: the plan's targets met in the target year (most first), then total cost, then unmet
  // demand (waiting, then gave up), least first; a tie keeps the study's order.
  std::vector<double> met(ids.size()), cost(ids.size()), waiting(ids.size()), gave_up(ids.size());
  for (std::size_t i = 0; i < ids.size(); ++i) {
    met[i] = value("targets_met", i);
    cost[i] = sum_modelled({value("capital_cost_wan_yuan", i), value("operating_cost_wan_yuan", i),
                            value("childcare_capital_cost_wan_yuan", i)});
    waiting[i] = sum_modelled({value("waiting_person_years", i), value("childcare_waiting_child_years", i)});
    gave_up[i] = sum_modelled({value("gave_up_waiting", i), value("childcare_gave_up", i)});
  }
  std::vector<std::size_t> rank(ids.size());
  std::iota(rank.begin(), rank.end(), 0);
  std::stable_sort(rank.begin(), rank.end(), [&](std::size_t a, std::size_t b) {
    if (const int c = compare(-met[a], -met[b])) return c < 0;
    if (const int c = compare(cost[a], cost[b])) return c < 0;
    if (const int c = compare(waiting[a], waiting[b])) return c < 0;
    return compare(gave_up[a], gave_up[b]) < 0;
  });
  Table ranking{"ranking", text::both("report.study.ranking.title"), text::both("report.study.ranking.rule"),
                {{text::both("report.study.ranking.rank"), {}, 0},
                 {text::both("report.common.scenario"), {}, 0},
                 column_of(text::both("report.study.ranking.targets_met"), "targets", met),
                 {text::both("report.study.ranking.targets_not_met"), {}, 0},
                 column_of(text::both("report.study.ranking.total_cost"), "10,000 yuan", cost),
                 column_of(text::both("report.study.ranking.waiting"), "person-years", waiting),
                 column_of(text::both("report.study.ranking.gave_up"), "persons", gave_up)},
                {}};
  const Text separator = text::both("report.study.ranking.separator");
  for (std::size_t r = 0; r < rank.size(); ++r) {
    const std::size_t i = rank[r];
    Text missed;
    for (const TargetName& target : kTargets)
      if (value(target.outcome, i) == 0.0) {
        const Text name = text::both(target.name_id);
        missed.zh += (missed.zh.empty() ? "" : separator.zh) + name.zh;
        missed.en += (missed.en.empty() ? "" : separator.en) + name.en;
      }
    if (missed.zh.empty() && !std::isnan(met[i])) missed = text::both("report.study.ranking.none");
    const Cell missed_cell = missed.zh.empty() ? Cell{} : Cell{missed};
    const Text scenario = i == 0 ? text::both("report.study.baseline_name", {{"name", names[i]}}) : names[i];
    ranking.rows.push_back({static_cast<double>(r + 1), scenario, met[i], missed_cell, cost[i], waiting[i], gave_up[i]});
  }

  // Key outcomes on screen, baseline first; every outcome in the folded tables below.
  Table key{"key_outcomes", text::both("report.study.key.title"), text::both("report.study.key.note"),
            {{text::both("report.common.scenario"), {}, 0}}, {}};
  std::vector<const OutcomeColumn*> keys;
  for (const auto& [outcome, english] : key_outcomes())
    if (by_name.count(outcome)) {
      const OutcomeColumn& o = by_name.at(outcome);
      keys.push_back(&o);
      key.columns.push_back(column_of({o.label.zh, english}, o.units, o.values));
    }
  for (std::size_t i = 0; i < ids.size(); ++i) {
    std::vector<Cell> row{names[i]};
    for (const OutcomeColumn* o : keys) row.emplace_back(o->values[i]);
    key.rows.push_back(row);
  }
  Table scenario_table{"scenarios", text::both("report.study.scenarios.title"), {},
                       {{text::both("report.common.scenario"), {}, 0},
                        {text::both("report.study.scenarios.id"), {}, 0},
                        {text::both("report.study.scenarios.description"), {}, 0}},
                       {}};
  for (std::size_t i = 0; i < ids.size(); ++i) scenario_table.rows.push_back({names[i], same(ids[i]), descriptions[i]});
  content.sections.push_back({"ranking", text::both("report.study.ranking.section"), {}, {}, {}, {ranking, key, scenario_table}});

  Section bars{"key_charts", text::both("report.study.key_charts.title"), text::both("report.study.key_charts.note"), {}, {}, {}};
  for (std::size_t k = 0; k < keys.size(); ++k) {
    const OutcomeColumn* o = keys[k];
    if (std::all_of(o->values.begin(), o->values.end(), [](double v) { return std::isnan(v); })) continue;  // not modelled
    Chart c;
    c.id = "outcome_" + o->name;
    c.kind = "bar";
    c.title = key.columns[k + 1].name;
    c.x_labels = {""};
    c.y_name = {units_text(o->units).zh, units_text(o->units).en};
    for (std::size_t i = 0; i < ids.size(); ++i) c.series.push_back({names[i], {o->values[i]}, "bar", i == 0 ? "#7f8c8d" : ""});
    c.small = true;
    bars.charts.push_back(c);
  }
  content.sections.push_back(bars);

  Section trends{"indicators", text::both("report.study.indicators.title"), text::both("report.study.indicators.note"), {}, {}, {}};
  const auto years = view.coordinates("indicators", "year");
  std::vector<std::string> year_labels;
  for (int y : years) year_labels.push_back(std::to_string(y));
  Table long_table{"indicators_by_year", text::both("report.study.indicators.table"), {},
                   {{text::both("report.common.indicator"), {}, 0},
                    {text::both("report.common.units"), {}, 0},
                    {text::both("report.common.scenario"), {}, 0}},
                   {}};
  for (int y : years) long_table.columns.push_back({same(std::to_string(y)), {}, 0});
  for (const std::string& indicator : view.file().series_names("indicators")) {
    const ReportArray a = view.read("indicators", indicator);
    const std::size_t n_years = years.size();
    Chart c;
    c.id = "indicator_" + indicator;
    c.title = indicator_text(indicator, "");
    c.title.en = indicator;
    c.x_name = text::both("report.common.year");
    c.x_labels = year_labels;
    c.y_name = {units_text(a.units).zh, a.units};
    c.small = true;
    for (std::size_t s = 0; s < ids.size(); ++s) {
      std::vector<double> line(a.values.begin() + static_cast<std::ptrdiff_t>(s * n_years),
                               a.values.begin() + static_cast<std::ptrdiff_t>((s + 1) * n_years));
      c.series.push_back({names[s], line, s == 0 ? "baseline" : "line", ""});
      std::vector<Cell> row{indicator_text(indicator, ""), units_text(a.units), names[s]};
      for (double v : line) row.emplace_back(v);
      long_table.rows.push_back(row);
    }
    trends.charts.push_back(c);
  }
  trends.tables.push_back(long_table);
  content.sections.push_back(trends);

  Table comparison{"comparison", text::both("report.study.comparison.title"), text::both("report.study.comparison.note"),
                   {{text::both("report.common.scenario"), {}, 0}}, {}};
  Table difference{"difference", text::both("report.study.difference.title"), text::both("report.study.difference.note"),
                   {{text::both("report.common.scenario"), {}, 0}}, {}};
  for (const OutcomeColumn* o : outcomes) {
    comparison.columns.push_back(column_of(o->label, o->units, o->values));
    difference.columns.push_back(column_of(o->label, o->difference_units, o->differences));
  }
  for (std::size_t i = 0; i < ids.size(); ++i) {
    std::vector<Cell> row{names[i]}, diff{names[i]};
    for (const OutcomeColumn* o : outcomes) {
      row.emplace_back(o->values[i]);
      diff.emplace_back(o->differences[i]);
    }
    comparison.rows.push_back(row);
    difference.rows.push_back(diff);
  }
  content.sections.push_back({"outcomes", text::both("report.study.outcomes.title"), text::both("report.study.outcomes.note"),
                              {}, {}, {comparison, difference}});
  content.sources = sources_table(view);
  return content;
}

}  // namespace carecap::report
