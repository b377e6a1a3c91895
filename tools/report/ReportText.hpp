// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <string>
#include <vector>

#include "tools/report/ReportContent.hpp"

namespace carecap::report {

/// Units of the output files in both languages, e.g. "beds" -> 张 / beds; unknown units are
/// shown as they are in both.
[[nodiscard]] Text units_text(const std::string& units);
/// Labels of the output dimensions (bed types, month bands, care states, statistics, plan-check
/// verdicts and kinds) in both languages; other labels (regions, scenarios) as they are.
[[nodiscard]] Text label_text(const std::string& label);
/// A number with digits grouped by thousands and `decimals` decimals: 76,060 or 62.2; "-" for NaN.
[[nodiscard]] std::string grouped(double value, int decimals = 0);
/// The indicators of studies and sweeps (tools/run/RunOutcomes.cpp run_indicators) in both languages.
[[nodiscard]] Text indicator_text(const std::string& name, const std::string& description);
/// Decimals to show numbers of `units` like `values` with: calendar years plain (kPlainInteger),
/// otherwise 0 from 100 up, 1 from 1 up, 3 below.
[[nodiscard]] int decimals_for(const std::vector<double>& values, const std::string& units);
/// How a run's beds were occupied on 1 January of its first year, in figures (capacity/start,
/// n_initial_residents, institution_use_factor; docs/reports.md).
struct StartFigures {
  std::string kind;           // observed_residents, occupancy_share or demand_steady_state
  int year = 0;               // first simulated year
  double residents = 0;       // persons in beds on 1 January
  double share_60_plus = 0;   // residents per 100 persons aged 60+ (1 July of that year), percent
  double national_share = 0;  // the national default care use: beds sought per 100 persons aged 60+, percent
  double ratio = 0;           // residents / the stock the national default gives
};
/// The start in one sentence, the same numbers in both languages: residents, their share of
/// people aged 60+, the start kind, and local care use against the national default.
[[nodiscard]] Text start_text(const StartFigures& start);

/// A sheet tab's name for the table `id` in both languages (at most 31 characters, none of
/// Excel's []:*?/\\), e.g. indicators -> 规划指标 / Plan indicators; empty for unknown ids.
[[nodiscard]] Text sheet_text(const std::string& id);

/// The same text in both languages.
[[nodiscard]] inline Text same(const std::string& text) { return {text, text}; }

}  // namespace carecap::report
