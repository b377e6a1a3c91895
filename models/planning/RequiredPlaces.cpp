// carecap. SPDX-License-Identifier: MIT
#include "models/planning/RequiredPlaces.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>

#include "sim/Errors.hpp"

namespace carecap::planning {
namespace {

using Places = std::vector<std::int64_t>;  // one year's places of every pool

/// The candidates of one year: earlier years fixed, each candidate for the year simulated once
/// (cached by its places) up to the year's end, from the replications' snapshots of the year's start.
class PlacesYearSearch {
public:
  PlacesYearSearch(const supply::ChildcareModel& model, const ServiceLevel& level, const CandidateRuns& runs,
                   PlacesPlan earlier, RequiredPlaces& counts, ChildcareSnapshots& snapshots)
      : model_(model), level_(level), runs_(runs), plan_(std::move(earlier)), counts_(counts), snapshots_(snapshots) {
    plan_.emplace_back();
  }

  /// The level of every stream in this year with `places` this year.
  const std::vector<AchievedLevel>& evaluate(const Places& places) {
    const auto found = cache_.find(places);
    if (found != cache_.end()) return found->second;
    plan_.back() = places;
    ++counts_.candidates;
    counts_.simulations += static_cast<std::uint64_t>(runs_.replications);
    return cache_.emplace(places, evaluate_places(model_, plan_, level_, runs_, snapshots_)).first->second;
  }

  bool met(const Places& places, std::size_t pool) { return evaluate(places)[pool].met; }

  bool all_met(const Places& places) {
    const auto& levels = evaluate(places);
    return std::all_of(levels.begin(), levels.end(), [](const AchievedLevel& a) { return a.met; });
  }

private:
  const supply::ChildcareModel& model_;
  const ServiceLevel& level_;
  const CandidateRuns& runs_;
  PlacesPlan plan_;  // earlier years, then the candidate year
  std::map<Places, std::vector<AchievedLevel>> cache_;
  RequiredPlaces& counts_;
  ChildcareSnapshots& snapshots_;  // the replications on 1 January of the year, shared by the years of the search
};

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

std::string pool_name(const supply::ChildcareModel& model, std::size_t pool) {
  const std::size_t regions = model.regions.size();
  return std::string("month band ") + demand::kMonthBandNames[pool / regions] + " in " + model.regions[pool % regions];
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
  for (std::size_t y = 0; y < years; ++y) {
    const int year = model.first_year + static_cast<int>(y);
    PlacesYearSearch search(model, level, settings.runs, plan, result, snapshots);
    const std::int64_t limit = enough_places(model, y);
    // Growth: raise each failing pool to the least value at which its own stream is met
    // (galloping up from its value, then bisection), sweeping until every stream is met.
    for (int sweep = 0; !search.all_met(places); ++sweep) {
      if (sweep == settings.max_sweeps)
        throw RuntimeFault("required places: no places meeting the service level found in " + std::to_string(year) +
                           " after " + std::to_string(settings.max_sweeps) + " sweeps over the bands and regions");
      for (std::size_t p = 0; p < pools; ++p) {
        if (search.met(places, p)) continue;
        Places trial = places;
        std::int64_t failing = places[p], meeting = 0;
        for (std::int64_t step = 1;; step *= 2) {
          trial[p] = std::min(failing + step, std::max(limit, places[p]));
          if (search.met(trial, p)) {
            meeting = trial[p];
            break;
          }
          if (trial[p] >= limit) {
            const AchievedLevel& a = search.evaluate(trial)[p];
            throw InputError("service_level cannot be met in " + std::to_string(year) + " for childcare places of " +
                             pool_name(model, p) + ": with " + std::to_string(trial[p]) + " places " +
                             std::to_string(100 * a.mean_share) + "% of the applications still wait longer than " +
                             std::to_string(level.wait_days) + " days or leave unplaced");
          }
          failing = trial[p];
        }
        while (meeting - failing > 1) {
          trial[p] = failing + (meeting - failing) / 2;
          (search.met(trial, p) ? meeting : failing) = trial[p];
        }
        places[p] = meeting;
      }
    }
    // Trim: lower each pool to the least value at which every stream is still met (galloping
    // down until a failure, then bisection), sweeping until no pool can lose a place.
    for (int sweep = 0, changed = 1; changed != 0; ++sweep) {
      if (sweep == settings.max_sweeps)
        throw RuntimeFault("required places: the trimming of " + std::to_string(year) + " did not settle after " +
                           std::to_string(settings.max_sweeps) + " sweeps over the bands and regions");
      changed = 0;
      for (std::size_t p = 0; p < pools; ++p) {
        Places trial = places;
        std::int64_t meeting = places[p], failing = -1, step = 1;
        bool galloping = true;
        while (meeting - failing > 1) {
          trial[p] = galloping ? std::max(failing + 1, meeting - step) : failing + (meeting - failing) / 2;
          if (search.all_met(trial)) {
            meeting = trial[p];
            if (galloping) step *= 2;
          } else {
            failing = trial[p];
            galloping = false;
          }
        }
        if (meeting != places[p]) changed = 1;
        places[p] = meeting;
      }
    }
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
