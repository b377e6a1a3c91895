// carecap. SPDX-License-Identifier: MIT
#include "tools/optimise/ChildcarePlacesSeries.hpp"


namespace carecap::tools {
namespace {

const std::vector<std::string> kGrid{"year", "month_band", "region"};

/// A field of the achieved level of every (year, month band, region), row-major.
template <class Field>
std::vector<double> level_values(const planning::RequiredPlaces& r, Field field) {
  std::vector<double> values;
  for (const auto& year : r.level)
    for (const auto& band : year)
      for (const planning::AchievedLevel& a : band) values.push_back(field(a));
  return values;
}

std::vector<double> places_values(const std::vector<std::vector<std::vector<std::int64_t>>>& places) {
  std::vector<double> values;
  for (const auto& year : places)
    for (const auto& band : year)
      for (std::int64_t p : band) values.push_back(static_cast<double>(p));
  return values;
}

}  // namespace

void add_required_places(ResultGroup& g, const ChildcareRequirement& c) {
  g.dimensions.push_back({"month_band", {}, {demand::kMonthBandNames.begin(), demand::kMonthBandNames.end()}, "1",
                          "age band of the children a childcare place is for, months 0-5, 6-12, 13-24, 25-36"});
  // The scenario's [service_level] source as it is (so that its source_zh names it in Chinese
  // reports); the childcare terms themselves are the values of childcare_service_level.
  const std::string& source = c.level.source;
  g.series.push_back({"childcare_service_level", "", "days or fraction", "the service level childcare places meet: "
                      "childcare_wait_days (days), childcare_max_share_waiting and probability (fractions); the elders' "
                      "wait_days and max_share_waiting where the scenario gives no childcare terms", source, {"service_term"},
                      {c.level.wait_days, c.level.max_share_waiting, c.level.probability}});
  const std::string with = " with required_places, in the search's own random numbers (the scenario's seed), over replications";
  g.series.push_back({"required_places", "", "places", "least childcare places of the band in the town, both price "
                      "tiers (added ones in the pool's base-year split of affordable and market places), with which at "
                      "most childcare_max_share_waiting of the year's applications wait longer than childcare_wait_days "
                      "or leave the list unplaced, in at least probability of the replications; earlier years fixed "
                      "(models/planning/RequiredPlaces; docs/optimise.md)", source, kGrid, places_values(c.required.places)});
  g.series.push_back({"required_places_share_failing", "", "fraction", "mean share of the year's applications that waited "
                      "longer than childcare_wait_days or left the list unplaced" + with, source, kGrid,
                      level_values(c.required, [](const auto& a) { return a.mean_share; })});
  g.series.push_back({"required_places_share_failing_low", "", "fraction", "lower end of its 95% interval (t)", source, kGrid,
                      level_values(c.required, [](const auto& a) { return a.share_low; })});
  g.series.push_back({"required_places_share_failing_high", "", "fraction", "upper end of its 95% interval (t)", source, kGrid,
                      level_values(c.required, [](const auto& a) { return a.share_high; })});
  g.series.push_back({"required_places_share_meeting", "", "fraction", "share of replications in which the year's share "
                      "failing is at most childcare_max_share_waiting" + with, source, kGrid,
                      level_values(c.required, [](const auto& a) { return a.share_meeting; })});
  g.series.push_back({"required_places_new_applications", "", "persons per year", "applications for a place of the band "
                      "(fresh, again after waiting or giving up below, moving up from a place below; mean)" + with, source,
                      kGrid, level_values(c.required, [](const auto& a) { return a.arrivals; })});
  g.series.push_back({"n_places_published", "", "places", "childcare places open on 1 January with the published "
                      "providers and the plan's projects (supply.childcare)", "", kGrid, places_values(c.published)});
}

}  // namespace carecap::tools
