// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <map>
#include <string>
#include <vector>

#include "models/plan/ModelFigures.hpp"
#include "models/plan/PlanStatement.hpp"

namespace carecap::plan {

/// What a comparison found.
enum class Verdict {
  agrees,         // the figures agree (within the rounding of the plan's figure)
  differs,        // the plan's figure and the model's differ by more than the tolerance
  contradiction,  // two of the plan's own figures cannot both hold
  not_modelled,   // carecap does not model what the plan's figure counts: it is quoted, with what it implies where it can
};

/// Which part of the plan a finding is about.
enum class FindingKind { base_fact, forecast, target, consistency, workforce };

/// One comparison of a plan's figure with the model's, or with another of the plan's figures.
/// It holds figures and a verdict, never sentences: tools/run/PlanFindingText words it in Chinese
/// and English from the message catalogue.
struct PlanFinding {
  FindingKind kind;
  std::string id;           // stable name, e.g. "elderly_implied_by_bed_rate"
  int year = 0;             // the year it is about: the base year (facts), forecast year or target year
  std::string units;        // of `plan` and `other`: "persons", "beds", "places", "1" (a fraction), ...
  double plan = 0;          // the plan's figure (or the figure its targets imply)
  double other = 0;         // the model's figure, or the plan's other figure
  std::string other_label;  // where `other` comes from: "model", "model base", "plan forecast", "plan population", ...
  Verdict verdict = Verdict::agrees;
  bool at_least = false;    // an "at least" target: reached is agreement, exceeding it too
  std::map<std::string, double> values;  // the other figures its sentence names, e.g. "beds", "rate", "forecast"
  std::string basis;        // start_use, start_transient: how the beds started (supply::start_name); workforce_target_contradiction: the indicator
  std::string quote;        // workforce: the plan's own words for `plan` (quote_zh)
  std::string other_quote;  // workforce contradiction: the plan's words for `other`
};

/// Relative difference above which a plan's forecast, target or childcare places "differ" from the
/// model's figure.
inline constexpr double kForecastTolerance = 0.05;
/// Relative gap between two of a plan's figures above which they contradict each other.
inline constexpr double kContradictionTolerance = 0.05;

/// Compares a plan's base-year facts, forecasts and targets with the model's figures, and its
/// targets with each other: the elderly count a beds-per-1,000 target implies against the
/// forecast and the projection; places per child a places-per-1,000-people target implies;
/// stated bed additions against the project list; projects the build lag opens after a target
/// year; start-up transients of occupied beds and of children enrolled, with the assumption behind
/// each. Every target year is checked. Figures the plan does not state are skipped. The plan's
/// workforce targets follow (check_workforce, models/plan/WorkforceCheck.hpp), every one of them.
[[nodiscard]] std::vector<PlanFinding> check_plan(const PlanStatement& plan, const ModelFigures& model);

/// The verdict's stable name: "agrees", "differs", "contradiction" or "not_modelled" (the words are the catalogue's).
[[nodiscard]] const char* verdict_name(Verdict verdict);

}  // namespace carecap::plan
