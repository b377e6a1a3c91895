// carecap. SPDX-License-Identifier: MIT
#include "tools/report/ReportText.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <string_view>
#include <utility>

#include "sim/NumberText.hpp"
#include "text/MessageId.hpp"
#include "text/TextArg.hpp"

namespace carecap::report {
namespace {

/// The catalogue's entries under `prefix` by the rest of their id: "labels" gives
/// {"general": 普通养老床位 / general beds, ...}.
std::map<std::string, Text> by_key(std::string_view prefix) {
  std::map<std::string, Text> out;
  for (text::Entry& e : text::entries_under(prefix)) out.emplace(e.id.substr(prefix.size() + 1), std::move(e.text));
  return out;
}

}  // namespace

Text units_text(const std::string& units) {
  if (units == "1") return {"", ""};  // a pure number: no units shown
  return text::by_english("units", units);  // text/messages/units.toml; unknown units as they are
}

Text label_text(const std::string& label) {
  static const std::map<std::string, Text> names = [] {
    std::map<std::string, Text> out = by_key("labels");  // text/messages/labels.toml
    // The plan check's kinds, verdicts and comparisons in the plan check's words (plan_tables.toml).
    const std::pair<const char*, const char*> plan_words[] = {
        {"base_fact", text::say_id("plan.kind.base_fact")},
        {"forecast", text::say_id("plan.kind.forecast")},
        {"target", text::say_id("plan.kind.target")},
        {"consistency", text::say_id("plan.kind.consistency")},
        {"agrees", text::say_id("plan.verdict.agrees")},
        {"contradiction", text::say_id("plan.verdict.contradiction")},
        {"model", text::say_id("plan.compared_with.model")},
        {"model base", text::say_id("plan.compared_with.model_base")},
        {"plan forecast", text::say_id("plan.compared_with.plan_forecast")},
        {"plan target", text::say_id("plan.compared_with.plan_target")},
        {"plan population", text::say_id("plan.compared_with.plan_population")},
        {"plan enrolled", text::say_id("plan.compared_with.plan_enrolled")},
        {"project list", text::say_id("plan.compared_with.project_list")},
        {"model demand", text::say_id("plan.compared_with.model_demand")},
        {"demand model", text::say_id("plan.compared_with.demand_model")},
    };
    for (const auto& [words, id] : plan_words) out.emplace(words, text::both(id));
    return out;
  }();
  const auto at = names.find(label);
  return at == names.end() ? same(label) : at->second;
}

Text sheet_text(const std::string& id) {
  static const std::map<std::string, Text> names = by_key("sheets");  // text/messages/labels.toml
  const auto at = names.find(id);
  return at == names.end() ? Text{} : at->second;
}

Text indicator_text(const std::string& name, const std::string& description) {
  static const std::map<std::string, Text> names = by_key("indicators");  // text/messages/outcomes.toml
  const auto at = names.find(name);
  return {at == names.end() ? name : at->second.zh, description.empty() ? name : name + ": " + description};
}

int decimals_for(const std::vector<double>& values, const std::string& units) {
  if (units == "calendar year") return kPlainInteger;
  double largest = 0;
  for (double v : values)
    if (std::isfinite(v)) largest = std::max(largest, std::abs(v));
  return largest >= 100 ? 0 : largest >= 1 ? 1 : 3;
}

std::string grouped(double value, int decimals) { return sim::grouped(value, decimals); }

Text start_text(const StartFigures& s) {
  const char* id = s.kind == "demand_steady_state"  ? text::say_id("tables.start.sentence.demand_steady_state")
                   : s.kind == "observed_residents" ? text::say_id("tables.start.sentence.observed_residents")
                                                    : text::say_id("tables.start.sentence.occupancy_share");
  return text::both(id, {{"year", text::same(std::to_string(s.year))},
                         {"residents", text::same(grouped(s.residents))},
                         {"share", text::same(grouped(s.share_60_plus, 2) + "%")},
                         {"national", text::same(grouped(s.national_share, 2) + "%")},
                         {"ratio", text::same(grouped(s.ratio, 1))},
                         {"kind", label_text(s.kind)}});
}

}  // namespace carecap::report
