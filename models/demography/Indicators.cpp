// carecap. SPDX-License-Identifier: MIT
#include "models/demography/Indicators.hpp"

#include <functional>

namespace carecap::demography {
namespace {

struct AgeGroup {
  const char* name;
  const char* label;
  int from;
  int to;
};

constexpr AgeGroup kAgeGroups[] = {
    {"total", "all ages", 0, kOpenAge},   {"age_0_2", "aged 0-2", 0, 2},
    {"age_3_5", "aged 3-5", 3, 5},        {"age_15_59", "aged 15-59", 15, 59},
    {"age_60_plus", "aged 60+", 60, kOpenAge}, {"age_65_plus", "aged 65+", 65, kOpenAge},
    {"age_80_plus", "aged 80+", 80, kOpenAge},
};

/// 100 * part / whole, or 0 when whole is 0 (an empty population or age group has no share).
double percent(double part, double whole) { return whole == 0.0 ? 0.0 : 100.0 * part / whole; }

std::vector<double> per_year(const ProjectionResult& r, const std::function<double(int)>& value) {
  std::vector<double> out(r.year_count());
  for (int i = 0; i < r.year_count(); ++i) out[i] = value(i);
  return out;
}

}  // namespace

std::vector<IndicatorSeries> compute_indicators(const ProjectionResult& r) {
  std::vector<IndicatorSeries> series;
  auto jul1 = [&r](int i, int from, int to) { return r.population_jul1[i].sum_both(from, to); };
  for (const AgeGroup& g : kAgeGroups) {
    series.push_back({std::string("n_") + g.name, "persons",
                      std::string("population ") + g.label + " on 1 July",
                      per_year(r, [&](int i) { return jul1(i, g.from, g.to); })});
  }
  for (const AgeGroup& g : kAgeGroups) {
    if (std::string(g.name) == "total") continue;
    series.push_back({std::string("share_") + g.name, "percent of total population",
                      std::string("share of the population ") + g.label + " on 1 July; 0 when the population is 0",
                      per_year(r, [&](int i) { return percent(jul1(i, g.from, g.to), jul1(i, 0, kOpenAge)); })});
  }
  series.push_back({"old_age_dependency_ratio", "persons aged 65+ per 100 persons aged 15-64",
                    "old-age dependency ratio (65+ / 15-64) on 1 July; 0 when nobody is aged 15-64",
                    per_year(r, [&](int i) { return percent(jul1(i, 65, kOpenAge), jul1(i, 15, 64)); })});
  series.push_back({"new_births", "persons per year", "live births in the calendar year",
                    per_year(r, [&](int i) { return r.births[i].sum_both(); })});
  series.push_back({"new_deaths", "persons per year", "deaths in the calendar year",
                    per_year(r, [&](int i) { return r.deaths[i].sum_both(); })});
  series.push_back({"new_net_migrants", "persons per year", "net migrants added at the end of the calendar year",
                    per_year(r, [&](int i) { return r.net_migrants[i].sum_both(); })});
  series.push_back({"total_fertility_rate", "children per woman", "total fertility rate in use",
                    per_year(r, [&](int i) { return r.total_fertility[i]; })});
  series.push_back({"e0_male", "years", "male life expectancy at birth of the mortality schedule in use",
                    per_year(r, [&](int i) { return r.e0[i][0]; })});
  series.push_back({"e0_female", "years", "female life expectancy at birth of the mortality schedule in use",
                    per_year(r, [&](int i) { return r.e0[i][1]; })});
  return series;
}

}  // namespace carecap::demography
