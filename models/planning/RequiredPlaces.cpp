// carecap. SPDX-License-Identifier: MIT
#include "models/planning/RequiredPlaces.hpp"

#include <cmath>
#include <numeric>
#include <string>

#include "models/planning/MonotoneYearSearch.hpp"
#include "sim/Errors.hpp"

namespace carecap::planning {
namespace {

using Places = PoolSizes;  // one year's places of every pool, places

void check(const supply::ChildcareModel& model, const ServiceLevel& level, const RequiredPlacesSettings& settings) {
  const auto fail = [](const std::string& what) { throw InputError("service_level (childcare): " + what); };
  if (!(level.wait_days >= 0)) fail("childcare_wait_days must be >= 0, got " + std::to_string(level.wait_days));
  if (!(level.max_share_waiting >= 0 && level.max_share_waiting <= 1))
    fail("childcare_max_share_waiting must be in 0..1, got " + std::to_string(level.max_share_waiting));
  if (!(level.probability > 0 && level.probability < 1))
    fail("probability must be > 0 and < 1, got " + std::to_string(level.probability));
  if (settings.runs.replications < 1) fail("replications must be >= 1, got " + std::to_string(settings.runs.replications));
  if (settings.max_sweeps < 1) fail("max_sweeps must be >= 1, got " + std::to_string(settings.max_sweeps));
  if (model.last_year < model.first_year || model.regions.empty()) fail("the childcare model has no year or no region");
}

/// More places than anyone could need by the end of year `year` (index): twice every application
/// up to then plus the children of 1 January, and a margin. With that many places in its pool
/// every application is placed at once.
std::int64_t enough_places(const supply::ChildcareModel& model, std::size_t year) {
  double people = 0;
  for (const auto& months : model.applications_per_month)
    for (std::size_t m = 0; m < 12 * (year + 1) && m < months.size(); ++m) people += months[m];
  for (const auto& enrolled : model.initial_enrolled)
    for (std::int64_t e : enrolled) people += static_cast<double>(e);
  for (std::int64_t u : model.initial_unserved) people += static_cast<double>(u);
  return static_cast<std::int64_t>(std::ceil(2 * people + 10 * std::sqrt(people))) + 100;
}

std::string pool_name(const supply::ChildcareModel& model, int pool) {
  const auto regions = static_cast<int>(model.regions.size());
  return std::string("month band ") + demand::kMonthBandNames[static_cast<std::size_t>(pool / regions)] + " in " +
         model.regions[static_cast<std::size_t>(pool % regions)];
}

}  // namespace

RequiredPlaces find_required_places(const supply::ChildcareModel& model, const ServiceLevel& level,
                                    const RequiredPlacesSettings& settings) {
  check(model, level, settings);
  const std::size_t regions = model.regions.size();
  const std::size_t pools = demand::kMonthBandCount * regions;
  const auto years = static_cast<std::size_t>(model.last_year - model.first_year + 1);
  RequiredPlaces result;
  result.first_year = model.first_year;
  PlacesPlan plan;
  Places places(pools, 0);
  const auto base = base_places(model);
  for (std::size_t p = 0; p < pools; ++p) places[p] = base[p][supply::kAffordable] + base[p][supply::kMarket];
  ChildcareSnapshots snapshots;  // per replication, moved on a year at a time with the years found
  std::vector<int> order(pools);  // growth and trim: bands youngest first, regions by index within a band
  std::iota(order.begin(), order.end(), 0);
  for (std::size_t y = 0; y < years; ++y) {
    const int year = model.first_year + static_cast<int>(y);
    PlacesPlan candidate = plan;  // earlier years fixed, then the candidate year
    candidate.emplace_back();
    // Each candidate simulated once (the search caches it) up to the year's end, from the
    // replications' snapshots of the year's start.
    const auto evaluate = [&](const Places& trial) {
      candidate.back() = trial;
      ++result.candidates;
      result.simulations += static_cast<std::uint64_t>(settings.runs.replications);
      return evaluate_places(model, candidate, level, settings.runs, snapshots);
    };
    MonotoneYearSearch search(evaluate, year, settings.max_sweeps,
                              {"required places", "places", "the bands and regions"});
    const std::int64_t limit = enough_places(model, y);
    // Growth, then trimming, both in the one order above.
    search.grow(places, order, limit, [&](int pool, std::int64_t tried, const AchievedLevel& a) {
      return "service_level cannot be met in " + std::to_string(year) + " for childcare places of " +
             pool_name(model, pool) + ": with " + std::to_string(tried) + " places " +
             std::to_string(100 * a.mean_share) + "% of the applications still wait longer than " +
             std::to_string(level.wait_days) + " days or leave unplaced";
    });
    search.trim(places, order);
    const std::vector<AchievedLevel>& achieved = search.evaluate(places);
    result.places.emplace_back(demand::kMonthBandCount, std::vector<std::int64_t>(regions));
    result.level.emplace_back(demand::kMonthBandCount, std::vector<AchievedLevel>(regions));
    for (std::size_t p = 0; p < pools; ++p) {
      result.places.back()[p / regions][p % regions] = places[p];
      result.level.back()[p / regions][p % regions] = achieved[p];
    }
    plan.push_back(places);
  }
  return result;
}

}  // namespace carecap::planning
