// carecap. SPDX-License-Identifier: MIT
#include "tools/study/StudyComparison.hpp"

#include <cmath>
#include <iomanip>
#include <limits>
#include <sstream>

#include "sim/NumberText.hpp"
#include "text/Catalogue.hpp"
#include "text/MessageId.hpp"
#include "tools/run/OutcomeFormat.hpp"

namespace carecap::tools {
namespace {

std::string format_change(double v, double base, const std::string& units, text::Lang lang) {
  if (std::isnan(v) && std::isnan(base)) return "";
  if (std::isnan(base) || std::isnan(v))
    return text::say(lang, "cli.study.baseline_value", {{"value", format_outcome_value(base, units, lang)}});
  const double d = v - base;
  if (std::abs(d) < 1e-9 * std::max(1.0, std::abs(base))) return " (=)";
  if (units == "calendar year")
    return text::say(lang, "cli.study.change_years", {{"change", std::string(d > 0 ? "+" : "") + std::to_string(std::llround(d))}});
  if (units.rfind("fraction", 0) == 0)  // shares differ by percentage points
    return text::say(lang, "cli.study.change_points", {{"change", std::string(d > 0 ? "+" : "-") + sim::grouped(std::abs(d) * 100, 1)}});
  const std::string text = format_outcome_value(std::abs(d), units);
  return std::string(" (") + (d > 0 ? "+" : "-") + text + ")";
}

std::string pad(const std::string& text, std::size_t width, bool right = false) {
  const std::size_t w = display_width(text);
  const std::string fill(w < width ? width - w : 0, ' ');
  return right ? fill + text : text + fill;
}

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double ratio(double numerator, double denominator) {
  return std::isnan(numerator) || std::isnan(denominator) || denominator <= 0 ? kNaN : numerator / denominator;
}

}  // namespace

std::vector<Outcome> target_outcomes(const scenarios::Scenario& scenario, const plan::ModelFigures& model) {
  struct Target {
    const char* name;
    const char* label_id;  // its Chinese name (text/messages/outcomes.toml)
    const char* description;
    plan::Stated target;
    double (*figure)(const plan::ModelYear&);
  };
  const plan::PlanTargets none{};
  const plan::PlanTargets* last = scenario.plan ? scenario.plan->last_targets() : nullptr;  // the end-of-period targets
  const plan::PlanTargets& t = last ? *last : none;
  const Target targets[] = {
      {"beds_target_met", text::say_id("outcomes.beds_target_met"), "the plan's target beds open in its target year", t.elderly_care_beds,
       [](const plan::ModelYear& y) { return y.beds; }},
      {"nursing_share_target_met", text::say_id("outcomes.nursing_share_target_met"), "the plan's nursing-type share of beds reached in its target year",
       t.nursing_bed_share, [](const plan::ModelYear& y) { return ratio(y.nursing_beds, y.beds); }},
      {"beds_per_1000_target_met", text::say_id("outcomes.beds_per_1000_target_met"), "the plan's beds per 1,000 persons aged 60+ in its target year",
       t.beds_per_1000_elderly, [](const plan::ModelYear& y) { return ratio(y.beds * 1000, y.age_60_plus); }},
      {"places_target_met", text::say_id("outcomes.places_target_met"), "the plan's target childcare places open in its target year", t.childcare_places,
       [](const plan::ModelYear& y) { return y.childcare_places; }},
      {"places_per_1000_target_met", text::say_id("outcomes.places_per_1000_target_met"), "the plan's childcare places per 1,000 people in its target year",
       t.childcare_places_per_1000_people,
       [](const plan::ModelYear& y) { return ratio(y.childcare_places * 1000, y.population); }},
  };
  const auto year = model.years.find(t.year);
  std::vector<Outcome> flags;
  double met = 0, set = 0;
  for (const Target& target : targets) {
    double flag = kNaN;
    if (target.target) {
      const double value = year == model.years.end() ? kNaN : target.figure(year->second);
      flag = !std::isnan(value) && value >= *target.target * (1 - 1e-9) ? 1.0 : 0.0;  // as first_year_met
      met += flag;
      set += 1;
    }
    flags.push_back({target.name, text::say(text::Lang::zh, target.label_id), "1 met, 0 not", target.description + std::string(" (NaN: no such target)"), flag});
  }
  std::vector<Outcome> out{
      {"targets_met", text::say(text::Lang::zh, "outcomes.targets_met"), "targets",
       "plan targets (beds, nursing share, beds per 1,000 aged 60+, childcare places, places per 1,000 people) met in the "
       "plan's target year (NaN: no targets)",
       set > 0 ? met : kNaN},
      {"targets_set", text::say(text::Lang::zh, "outcomes.targets_set"), "targets", "of those five plan targets, the ones the plan sets (NaN: none)", set > 0 ? set : kNaN}};
  out.insert(out.end(), flags.begin(), flags.end());
  return out;
}

std::string comparison_table(const StudyComparison& c, text::Lang lang) {
  std::vector<std::vector<std::string>> rows;  // name, units, then one cell per scenario
  std::vector<std::string> header{text::say(lang, "cli.study.column.outcome"), text::say(lang, "cli.study.column.units")};
  for (std::size_t s = 0; s < c.names.size(); ++s)
    header.push_back(c.names[s]);
  rows.push_back(header);
  const auto& base = c.outcomes.front();
  for (std::size_t o = 0; o < base.size(); ++o) {
    bool modelled = false;
    for (const auto& scenario : c.outcomes) modelled = modelled || !std::isnan(scenario[o].value);
    if (!modelled) continue;  // e.g. no childcare in the scenario, no target of this kind in the plan
    const std::string name = lang == text::Lang::zh && !base[o].label_zh.empty() ? base[o].label_zh : base[o].name;
    std::vector<std::string> row{name, text::by_english("units", base[o].units).in(lang)};
    for (std::size_t s = 0; s < c.outcomes.size(); ++s) {
      const double v = c.outcomes[s][o].value;
      row.push_back(format_outcome_value(v, base[o].units, lang) + (s == 0 ? "" : format_change(v, base[o].value, base[o].units, lang)));
    }
    rows.push_back(row);
  }
  std::vector<std::size_t> widths(header.size(), 0);
  for (const auto& row : rows)
    for (std::size_t k = 0; k < row.size(); ++k) widths[k] = std::max(widths[k], display_width(row[k]));
  std::ostringstream out;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    for (std::size_t k = 0; k < rows[r].size(); ++k)
      out << (k == 0 ? "" : "  ") << pad(rows[r][k], widths[k], k >= 2 && r > 0);
    out << "\n";
  }
  return out.str();
}

std::vector<ResultGroup> comparison_groups(const StudyComparison& c) {
  ResultGroup root;
  root.dimensions.push_back({"scenario", {}, c.names, "1", "scenario of the study: the baseline first, then the plan variants"});
  root.dimensions.push_back({"year", c.years, {}, "calendar year", "projection year (1 July stocks, flows over the year)"});
  std::vector<std::string> labels_zh = c.labels_zh;
  labels_zh.resize(c.names.size());
  root.text_series.push_back({"scenario_label_zh", "Chinese name of each scenario (\"\": none given)", "scenario", labels_zh});
  ResultGroup comparison{"comparison", "outcomes of each scenario over the simulated years (means over replications)", {}, {}};
  ResultGroup difference{"difference_from_baseline", "outcome of each scenario minus the baseline's", {}, {}};
  const auto& base = c.outcomes.front();
  for (std::size_t o = 0; o < base.size(); ++o) {
    std::vector<double> values, change;
    for (const auto& scenario : c.outcomes) {
      values.push_back(scenario[o].value);
      change.push_back(scenario[o].value - base[o].value);
    }
    comparison.series.push_back({base[o].name, base[o].label_zh, base[o].units, base[o].description, "", {"scenario"}, values});
    const std::string units = base[o].units == "calendar year" ? "years" : base[o].units;
    difference.series.push_back({base[o].name, base[o].label_zh, units, base[o].description + ", minus the baseline's", "",
                                 {"scenario"}, change});
  }
  ResultGroup indicators{"indicators", "indicators of each scenario by year (means over replications; NaN where not modelled)", {}, {}};
  for (std::size_t i = 0; i < c.indicators.front().size(); ++i) {
    std::vector<double> values;
    for (const auto& scenario : c.indicators) values.insert(values.end(), scenario[i].values.begin(), scenario[i].values.end());
    const auto& head = c.indicators.front()[i];
    indicators.series.push_back({head.name, "", head.units, head.description, "", {"scenario", "year"}, values});
  }
  return {root, comparison, difference, indicators};
}

}  // namespace carecap::tools
