// carecap. SPDX-License-Identifier: MIT
#include "tools/optimise/OptimiseSeries.hpp"

#include <algorithm>

#include "tools/optimise/ChildcarePlacesSeries.hpp"
#include "tools/optimise/OptimiseRun.hpp"

namespace carecap::tools {
namespace {

constexpr int kTypes = demand::kBedTypeCount;
const std::vector<std::string> kGrid{"year", "bed_type", "region"};
const std::vector<std::string> kCostNames{"capital", "operating", "discounted_capital", "discounted_operating",
                                          "discounted_total"};

const char* kind_name(planning::CandidateKind kind) {
  switch (kind) {
    case planning::CandidateKind::project: return "listed_project";
    case planning::CandidateKind::build: return "build";
    case planning::CandidateKind::conversion: return "conversion";
    case planning::CandidateKind::closure: return "closure";
  }
  return "";
}

std::vector<double> costs(const planning::ScheduleCosts& c) {
  return {c.capital_wan_yuan, c.operating_wan_yuan, c.discounted_capital_wan_yuan, c.discounted_operating_wan_yuan,
          c.discounted_total_wan_yuan};
}

/// A field of the level of every (year, demand type, region), row-major.
template <class Field>
std::vector<double> level_values(const PlanVerification& v, Field field) {
  std::vector<double> values;
  for (const auto& year : v.level)
    for (const planning::AchievedLevel& a : year) values.push_back(field(a));
  return values;
}

/// One schedule as series over its own dimension `dim` (prefix_ names); nothing when it is empty.
void add_schedule(ResultGroup& g, const std::vector<planning::ScheduledStart>& schedule, const std::vector<std::string>& towns,
                  const std::string& prefix, const std::string& dim, const std::string& whose) {
  if (schedule.empty()) return;
  ResultDimension d{dim, {}, {}, "1", "one start of " + whose + ", by start year"};
  for (std::size_t i = 0; i < schedule.size(); ++i) d.values.push_back(static_cast<int>(i));
  g.dimensions.push_back(d);
  std::vector<double> start, opening, capital, beds;
  std::vector<std::string> ids, kinds, regions, types;
  for (const auto& s : schedule) {
    start.push_back(s.start_year);
    opening.push_back(s.opening_year);
    capital.push_back(s.capital_wan_yuan);
    for (double b : s.beds_change) beds.push_back(b);
    ids.push_back(s.id);
    kinds.push_back(kind_name(s.kind));
    regions.push_back(towns[static_cast<std::size_t>(s.region)]);
    const auto gain = std::max_element(s.beds_change.begin(), s.beds_change.end()) - s.beds_change.begin();
    types.push_back(demand::kBedTypeNames[static_cast<std::size_t>(gain)]);
  }
  g.series.push_back({prefix + "start_year", "", "calendar year", "year the start is made (its capital spent) in " + whose, "",
                      {dim}, start});
  g.series.push_back({prefix + "opening_year", "", "calendar year",
                      "year its beds change, on 1 January (start + build lag; a closure's own year)", "", {dim}, opening});
  g.series.push_back({prefix + "capital", "", "10,000 yuan", "capital of the start, undiscounted", "", {dim}, capital});
  g.series.push_back({prefix + "beds", "", "beds", "change of open beds by bed type (negative: converted away or closed); "
                      "generic options: all blocks started that year", "", {dim, "bed_type"}, beds});
  g.text_series.push_back({prefix + "id", "the project's id in the plan's list, or the generic option (build:TYPE:TOWN, "
                           "convert:general_to_nursing:TOWN)", dim, ids});
  g.text_series.push_back({prefix + "kind", "listed_project, build, conversion or closure", dim, kinds});
  g.text_series.push_back({prefix + "region", "town (supply.regions)", dim, regions});
  g.text_series.push_back({prefix + "bed_type", "the bed type whose beds grow most", dim, types});
}

/// Capital by start year.
std::vector<double> capital_by_year(const std::vector<planning::ScheduledStart>& schedule, int first, int years) {
  std::vector<double> values(static_cast<std::size_t>(years), 0.0);
  for (const auto& s : schedule)
    if (s.start_year >= first && s.start_year < first + years) values[static_cast<std::size_t>(s.start_year - first)] += s.capital_wan_yuan;
  return values;
}

/// The verified level and idle beds of one plan (prefix verified_ or published_).
void add_verification(ResultGroup& g, const PlanVerification& v, const std::string& prefix, const std::string& whose,
                      const std::string& seed) {
  const std::string with = " with " + whose + ", fresh random numbers (seed " + seed + "), over replications";
  g.series.push_back({prefix + "share_failing", "", "fraction", "mean share of the year's arrivals needing the bed type "
                      "who waited longer than wait_days, left unserved or were turned away" + with, "", kGrid,
                      level_values(v, [](const auto& a) { return a.mean_share; })});
  g.series.push_back({prefix + "share_failing_low", "", "fraction", "lower end of its 95% interval (t)", "", kGrid,
                      level_values(v, [](const auto& a) { return a.share_low; })});
  g.series.push_back({prefix + "share_failing_high", "", "fraction", "upper end of its 95% interval (t)", "", kGrid,
                      level_values(v, [](const auto& a) { return a.share_high; })});
  g.series.push_back({prefix + "share_meeting", "", "fraction", "share of replications in which the year's share failing "
                      "is at most max_share_waiting" + with, "", kGrid,
                      level_values(v, [](const auto& a) { return a.share_meeting; })});
  g.series.push_back({prefix + "new_arrivals", "", "persons per year", "arrivals seeking the bed type (mean)" + with, "", kGrid,
                      level_values(v, [](const auto& a) { return a.arrivals; })});
  std::vector<double> met, worst, worst_high, least_meeting, idle_share;
  for (std::size_t y = 0; y < v.level.size(); ++y) {
    double w = 0, wh = 0, lm = 1;
    bool all = true;
    for (const auto& a : v.level[y]) {
      w = std::max(w, a.mean_share);
      wh = std::max(wh, a.share_high);
      lm = std::min(lm, a.share_meeting);
      all = all && a.met;
    }
    met.push_back(all ? 1 : 0);
    worst.push_back(w);
    worst_high.push_back(wh);
    least_meeting.push_back(lm);
    idle_share.push_back(v.idle_share(y));
  }
  g.series.push_back({prefix + "met", "", "1", "1 when every (bed type, town) met the service level in the year" + with, "",
                      {"year"}, met});
  g.series.push_back({prefix + "worst_share_failing", "", "fraction", "the largest mean share failing over bed types and towns",
                      "", {"year"}, worst});
  g.series.push_back({prefix + "worst_share_failing_high", "", "fraction", "the largest upper 95% bound of a share failing",
                      "", {"year"}, worst_high});
  g.series.push_back({prefix + "least_share_meeting", "", "fraction", "the least share of replications meeting, over bed "
                      "types and towns (met when >= probability)", "", {"year"}, least_meeting});
  g.series.push_back({prefix + "n_beds_open", "", "beds", "beds open, county, time-weighted mean over the year" + with, "",
                      {"year"}, v.beds});
  g.series.push_back({prefix + "n_beds_idle", "", "beds", "beds open but empty, county, time-weighted mean" + with, "",
                      {"year"}, v.idle_beds});
  g.series.push_back({prefix + "share_idle", "", "fraction", "n_beds_idle / n_beds_open", "", {"year"}, idle_share});
}

}  // namespace

ResultGroup optimise_group(const OptimiseResult& r) {
  const auto& s = r.scenario;
  const std::vector<std::string>& towns = s.supply->supply.regions;
  const int first = r.required_grid.first_year, years = r.required_grid.years;
  ResultGroup g;
  g.name = "optimise";
  g.description = "carecap optimise (issue 22): the beds that meet the scenario's [service_level] year by year, the "
                  "cheapest schedule of the plan's projects and the [optimise] options covering them, verified in the "
                  "capacity simulation with fresh random numbers, beside the published plan (docs/optimise.md)";
  ResultDimension year{"year", {}, {}, "calendar year", "calendar year: beds on 1 January, flows over the year"};
  for (int y = first; y < first + years; ++y) year.values.push_back(y);
  g.dimensions = {year,
                  {"bed_type", {}, {demand::kBedTypeNames.begin(), demand::kBedTypeNames.end()}, "1",
                   "bed type (of the beds, or of the bed a person needs)"},
                  {"region", {}, towns, "1", "town or district"},
                  {"cost", {}, kCostNames, "1", "capital and operating cost over the horizon, undiscounted and discounted "
                   "to the first year"},
                  {"service_term", {}, {"wait_days", "max_share_waiting", "probability"}, "1",
                   "the terms of the scenario's [service_level]"}};
  const std::string level_source = s.service_level->source;
  g.series.push_back({"service_level", "", "days or fraction", "the service level met: wait_days (days), "
                      "max_share_waiting and probability (fractions), as the scenario states them", level_source,
                      {"service_term"},
                      {s.service_level->wait_days, s.service_level->max_share_waiting, s.service_level->probability}});
  g.series.push_back({"required_beds", "", "beds", "least beds of the type in the town with which the service level "
                      "is met in the year, earlier years fixed (models/planning/RequiredCapacity; seed and replications of "
                      "the scenario)", level_source, kGrid, r.required_grid.beds});
  std::vector<double> search_share;
  for (const auto& year_level : r.required.level)
    for (const auto& type : year_level)
      for (const planning::AchievedLevel& a : type) search_share.push_back(a.mean_share);
  g.series.push_back({"required_share_failing", "", "fraction", "mean share failing of the people needing the bed type, "
                      "with required_beds, in the search's own random numbers", level_source, kGrid, search_share});
  g.series.push_back({"programme_required_beds", "", "beds", "the requirement the last programme covered: required_beds, "
                      "0 before base year + build lag (nothing can open), raised where a verification failed", "", kGrid,
                      r.programme_required.beds});
  g.series.push_back({"n_beds_existing", "", "beds", "beds of the base-year supply without any project, on 1 January", "",
                      kGrid, r.existing.beds});
  g.series.push_back({"n_beds", "", "beds", "beds open on 1 January with the chosen schedule", "", kGrid,
                      r.schedule.capacity.beds});
  g.series.push_back({"n_beds_published", "", "beds", "beds open on 1 January with the published plan's projects", "", kGrid,
                      r.published_capacity.beds});
  add_schedule(g, r.schedule.schedule, towns, "start_", "start", "the chosen schedule");
  add_schedule(g, r.published.schedule, towns, "published_start_", "published_start", "the published plan");
  g.series.push_back({"cost_optimised", "", "10,000 yuan", "costs of the chosen schedule (capital at its start; operating "
                      "= beds open x supply.operating_cost_yuan_per_bed_year, existing beds included)", "", {"cost"},
                      costs(r.schedule.costs)});
  g.series.push_back({"cost_published", "", "10,000 yuan", "the same for the published plan, each project started in the "
                      "year the plan funds it", "", {"cost"}, costs(r.published.costs)});
  g.series.push_back({"new_capital_optimised", "", "10,000 yuan per year", "capital started in the year, chosen schedule",
                      "", {"year"}, capital_by_year(r.schedule.schedule, first, years)});
  g.series.push_back({"new_capital_published", "", "10,000 yuan per year", "capital started in the year, published plan",
                      "", {"year"}, capital_by_year(r.published.schedule, first, years)});
  const std::string seed = std::to_string(r.verification_seed);
  add_verification(g, r.verification, "verified_", "the chosen schedule", seed);
  add_verification(g, r.published_verification, "published_", "the published plan", seed);
  if (r.places) add_required_places(g, *r.places);
  return g;
}

}  // namespace carecap::tools
