// carecap. SPDX-License-Identifier: MIT
#include "models/planning/RequiredCapacity.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "models/demand/CareState.hpp"
#include "models/planning/MonotoneYearSearch.hpp"
#include "sim/Errors.hpp"

namespace carecap::planning {
namespace {

using Beds = PoolSizes;  // one year's capacity of every pool, beds

void check(const supply::CapacityModel& model, const ServiceLevel& level, const RequiredCapacitySettings& settings) {
  const auto fail = [](const std::string& what) { throw InputError("service_level: " + what); };
  if (!(level.wait_days >= 0)) fail("wait_days must be >= 0, got " + std::to_string(level.wait_days));
  if (!(level.max_share_waiting >= 0 && level.max_share_waiting <= 1))
    fail("max_share_waiting must be in 0..1, got " + std::to_string(level.max_share_waiting));
  if (!(level.probability > 0 && level.probability < 1))
    fail("probability must be > 0 and < 1 (with finite replications 1 cannot be shown), got " + std::to_string(level.probability));
  if (settings.runs.replications < 1) fail("replications must be >= 1, got " + std::to_string(settings.runs.replications));
  if (settings.max_sweeps < 1) fail("max_sweeps must be >= 1, got " + std::to_string(settings.max_sweeps));
  if (model.last_year < model.first_year || model.regions.empty()) fail("the capacity model has no year or no region");
  // The search raises a pool for its own stream: demand must be able to use its own bed type.
  for (const supply::ArrivalStream& a : model.arrivals) {
    const auto& acceptable = model.acceptable_beds[static_cast<std::size_t>(a.demand_type)];
    if (std::find(acceptable.begin(), acceptable.end(), a.demand_type) == acceptable.end())
      fail(std::string("demand for ") + demand::kBedTypeNames[static_cast<std::size_t>(a.demand_type)] +
           " beds may not use them (acceptable_beds): no capacity of that type can serve it");
  }
}

/// The pools in the two fixed orders of the search (regions by index within a bed type).
struct PoolOrders {
  std::vector<int> growth;  // bed types accepted by fewer demand types first (each type's own beds: dementia, general, then nursing)
  std::vector<int> trim;    // bed types accepted by more demand types first (the substitutes: nursing by default)
};

/// Growth raises the specific pools first, so that each demand type's need shows in its own bed
/// type; trimming lowers the substitutes first, so that a nursing bed does not stand in for a
/// dementia or general bed the stream's own type would give (docs/capacity.md, "Required
/// capacity"). Ties by bed type index.
PoolOrders pool_orders(const supply::CapacityModel& model) {
  std::vector<int> types(supply::kBedTypeCount);
  std::vector<int> accepted(supply::kBedTypeCount, 0);
  for (int b = 0; b < supply::kBedTypeCount; ++b) {
    types[static_cast<std::size_t>(b)] = b;
    for (const auto& acceptable : model.acceptable_beds)
      if (std::find(acceptable.begin(), acceptable.end(), b) != acceptable.end()) ++accepted[static_cast<std::size_t>(b)];
  }
  const int regions = static_cast<int>(model.regions.size());
  const auto pools = [&](const std::vector<int>& ordered_types) {
    std::vector<int> order;
    for (int b : ordered_types)
      for (int r = 0; r < regions; ++r) order.push_back(b * regions + r);
    return order;
  };
  PoolOrders orders;
  std::stable_sort(types.begin(), types.end(),
                   [&](int a, int b) { return accepted[static_cast<std::size_t>(a)] < accepted[static_cast<std::size_t>(b)]; });
  orders.growth = pools(types);
  std::stable_sort(types.begin(), types.end(),
                   [&](int a, int b) { return accepted[static_cast<std::size_t>(a)] > accepted[static_cast<std::size_t>(b)]; });
  orders.trim = pools(types);
  return orders;
}

/// An ensemble's models must share what the search and the plan are indexed by: years, regions
/// and the beds each demand type may use (tools/optimise checks a sweep's samples before).
void check_ensemble(const CandidateEnsemble& ensemble) {
  if (ensemble.models.empty()) throw InputError("required capacity: an ensemble without a model");
  const supply::CapacityModel& first = *ensemble.models.front();
  for (const supply::CapacityModel* m : ensemble.models)
    if (m->first_year != first.first_year || m->last_year != first.last_year || m->regions != first.regions ||
        m->acceptable_beds != first.acceptable_beds)
      throw InputError("required capacity: the models of an ensemble differ in their years, regions or acceptable beds");
}

/// The first year's starting point: each stream's offered load (arrival rate x mean stay) in
/// its own pool, rounded down. Any start gives the same result under monotonicity; a good one
/// saves candidates.
Beds first_guess(const supply::CapacityModel& model) {
  const int regions = static_cast<int>(model.regions.size());
  Beds beds(static_cast<std::size_t>(supply::kBedTypeCount * regions), 0);
  for (const supply::ArrivalStream& a : model.arrivals)
    if (!a.rate_per_year.empty())
      beds[static_cast<std::size_t>(a.demand_type * regions + a.region)] += static_cast<std::int64_t>(
          std::floor(a.rate_per_year.front() * model.stay[static_cast<std::size_t>(a.demand_type)].mean_years));
  return beds;
}

/// More beds than anyone could need by the end of year `year` (index): about twice every
/// arrival, plus the initial waiting list. With that many beds of its own type a stream is
/// admitted at arrival; a stream still failing then cannot be met (e.g. an affordable tier that
/// takes only affordable beds, which the search does not add).
std::int64_t enough_beds(const supply::CapacityModel& model, std::size_t year) {
  double people = 0;
  for (const supply::ArrivalStream& a : model.arrivals)
    for (std::size_t y = 0; y <= year && y < a.rate_per_year.size(); ++y) people += a.rate_per_year[y];
  for (std::int64_t w : model.initial_waiting) people += static_cast<double>(w);
  return static_cast<std::int64_t>(std::ceil(2 * people + 10 * std::sqrt(people))) + 100;
}

std::string pool_name(const supply::CapacityModel& model, int pool) {
  const int regions = static_cast<int>(model.regions.size());
  return std::string(demand::kBedTypeNames[static_cast<std::size_t>(pool / regions)]) + " beds in " +
         model.regions[static_cast<std::size_t>(pool % regions)];
}

}  // namespace

RequiredCapacity find_required_capacity(const supply::CapacityModel& model, const ServiceLevel& level,
                                        const RequiredCapacitySettings& settings) {
  return find_required_capacity(CandidateEnsemble::of(model, settings.runs), level, settings.max_sweeps);
}

RequiredCapacity find_required_capacity(const CandidateEnsemble& ensemble, const ServiceLevel& level, int max_sweeps) {
  check_ensemble(ensemble);
  const RequiredCapacitySettings settings{ensemble.runs, max_sweeps};
  for (const supply::CapacityModel* m : ensemble.models) check(*m, level, settings);
  const supply::CapacityModel& model = *ensemble.models.front();  // years, regions and bed rules (shared)
  const int regions = static_cast<int>(model.regions.size());
  const auto years = static_cast<std::size_t>(model.last_year - model.first_year + 1);
  const PoolOrders orders = pool_orders(model);
  RequiredCapacity result;
  result.first_year = model.first_year;
  CapacityPlan plan;
  CapacitySnapshots snapshots;  // per run, moved on a year at a time with the years found
  for (std::size_t y = 0; y < years; ++y) {
    const int year = model.first_year + static_cast<int>(y);
    CapacityPlan candidate = plan;  // earlier years fixed, then the candidate year
    candidate.emplace_back();
    // Each candidate simulated once (the search caches it) up to the year's end, from the runs'
    // snapshots of the year's start.
    const auto evaluate = [&](const Beds& trial) {
      candidate.back() = trial;
      ++result.candidates;
      result.simulations += static_cast<std::uint64_t>(ensemble.run_count());
      result.simulated_years += static_cast<double>(ensemble.run_count());  // the candidate's year, from the snapshots
      return evaluate_candidate(ensemble, candidate, level, snapshots);
    };
    MonotoneYearSearch search(evaluate, year, settings.max_sweeps,
                              {"required capacity", "capacity", "the bed types and regions"});
    if (y > 0) result.simulated_years += static_cast<double>(ensemble.run_count());  // the snapshots moved on a year
    Beds beds = y == 0 ? first_guess(model) : plan.back();
    std::int64_t limit = enough_beds(model, y);
    for (const supply::CapacityModel* m : ensemble.models) {  // the start and the bound over every sample
      if (y == 0) {
        const Beds guess = first_guess(*m);
        for (std::size_t p = 0; p < beds.size(); ++p) beds[p] = std::max(beds[p], guess[p]);
      }
      limit = std::max(limit, enough_beds(*m, y));
    }
    // Growth raises each type's own beds first, trimming lowers the substitutes first (pool_orders).
    search.grow(beds, orders.growth, limit, [&](int pool, std::int64_t tried, const AchievedLevel& a) {
      return "service_level cannot be met in " + std::to_string(year) + " for " + pool_name(model, pool) + ": with " +
             std::to_string(tried) + " beds " + std::to_string(100 * a.mean_share) +
             "% of the arrivals still wait longer than " + std::to_string(level.wait_days) + " days or leave unserved";
    });
    search.trim(beds, orders.trim);
    const std::vector<AchievedLevel>& achieved = search.evaluate(beds);
    result.beds.emplace_back(supply::kBedTypeCount, std::vector<std::int64_t>(static_cast<std::size_t>(regions)));
    result.level.emplace_back(supply::kBedTypeCount, std::vector<AchievedLevel>(static_cast<std::size_t>(regions)));
    for (int p = 0; p < supply::kBedTypeCount * regions; ++p) {
      const auto type = static_cast<std::size_t>(p / regions), region = static_cast<std::size_t>(p % regions);
      result.beds.back()[type][region] = beds[static_cast<std::size_t>(p)];
      result.level.back()[type][region] = achieved[static_cast<std::size_t>(p)];
    }
    plan.push_back(beds);
  }
  return result;
}

}  // namespace carecap::planning
