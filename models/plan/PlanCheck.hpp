// carecap. SPDX-License-Identifier: MIT
#pragma once
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
};

/// Which part of the plan a finding is about.
enum class FindingKind { base_fact, forecast, target, consistency };

/// One comparison of a plan's figure with the model's, or with another of the plan's figures.
struct PlanFinding {
  FindingKind kind;
  std::string id;           // stable name, e.g. "elderly_implied_by_bed_rate"
  std::string figure;       // what is compared, e.g. "aged 60+, 2025"
  std::string units;        // e.g. "persons"
  double plan = 0;          // the plan's figure (or the figure its targets imply)
  double other = 0;         // the model's figure, or the plan's other figure
  std::string other_label;  // where `other` comes from, e.g. "model", "plan forecast"
  Verdict verdict = Verdict::agrees;
  std::string message;      // one sentence with the numbers
};

/// Relative difference above which a plan's forecast, target or childcare places "differ" from the
/// model's figure.
inline constexpr double kForecastTolerance = 0.05;
/// Relative gap between two of a plan's figures above which they contradict each other.
inline constexpr double kContradictionTolerance = 0.05;

/// Compares a plan's base-year facts, forecasts and targets with the model's figures, and its
/// targets with each other: the elderly count a beds-per-1,000 target implies against the
/// forecast and the projection; places per child a places-per-1,000-people target implies;
/// stated bed additions against the project list. Figures the plan does not state are skipped.
[[nodiscard]] std::vector<PlanFinding> check_plan(const PlanStatement& plan, const ModelFigures& model);

/// "agrees", "differs" or "CONTRADICTION".
[[nodiscard]] const char* verdict_name(Verdict verdict);

}  // namespace carecap::plan
