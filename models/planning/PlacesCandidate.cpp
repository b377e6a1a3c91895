// carecap. SPDX-License-Identifier: MIT
#include "models/planning/PlacesCandidate.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>

#include "models/planning/ChildcareServiceRecorder.hpp"
#include "models/supply/CapacityResult.hpp"
#include "models/supply/ChildcareSimulation.hpp"
#include "sim/RandomStreams.hpp"
#include "sim/ReplicationRunner.hpp"

namespace carecap::planning {
namespace {

/// When the plan's first-year places apply: one second after the start, so that the start's
/// children are enrolled in the base-year places (as with_capacities does for beds).
constexpr double kFirstYearDelay = 1.0 / (supply::kDaysPerYear * 24 * 3600);

using ByTier = std::array<std::int64_t, supply::kPriceTierCount>;

}  // namespace

std::vector<ByTier> base_places(const supply::ChildcareModel& model) {
  const int regions = static_cast<int>(model.regions.size());
  std::vector<ByTier> base(static_cast<std::size_t>(demand::kMonthBandCount * regions), ByTier{});
  for (const auto& change : model.places)
    if (change.time <= model.first_year)
      base[static_cast<std::size_t>(change.band * regions + change.region)][static_cast<std::size_t>(change.tier)] += change.places;
  return base;
}

std::int64_t affordable_places(const std::vector<ByTier>& base, std::size_t pool, std::int64_t places) {
  const auto share_of = [](std::int64_t affordable, std::int64_t total) {
    return total > 0 ? static_cast<double>(affordable) / static_cast<double>(total) : -1.0;
  };
  double share = share_of(base[pool][supply::kAffordable], base[pool][supply::kAffordable] + base[pool][supply::kMarket]);
  if (share < 0) {
    std::int64_t affordable = 0, total = 0;
    for (const ByTier& b : base) {
      affordable += b[supply::kAffordable];
      total += b[supply::kAffordable] + b[supply::kMarket];
    }
    share = std::max(0.0, share_of(affordable, total));
  }
  // floor(places x share + 1/2) and places minus it are both non-decreasing in places (share in 0..1).
  return static_cast<std::int64_t>(std::floor(static_cast<double>(places) * share + 0.5));
}

namespace {

/// `model` with its places replaced by `plan` (possibly empty: the base-year places only), its
/// horizon kept: with_places without the cut.
supply::ChildcareModel replace_places(const supply::ChildcareModel& model, const PlacesPlan& plan) {
  const int regions = static_cast<int>(model.regions.size());
  const auto pools = static_cast<std::size_t>(demand::kMonthBandCount * regions);
  const auto years = plan.size();
  supply::ChildcareModel m = model;
  const std::vector<ByTier> base = base_places(model);
  m.places.clear();
  for (const auto& change : model.places)
    if (change.time <= model.first_year) m.places.push_back(change);
  std::vector<ByTier> before = base;
  for (std::size_t y = 0; y < years; ++y) {
    assert(plan[y].size() == pools);
    const double time = y == 0 ? model.first_year + kFirstYearDelay : static_cast<double>(model.first_year) + static_cast<double>(y);
    for (std::size_t p = 0; p < pools; ++p) {
      const std::int64_t affordable = affordable_places(base, p, plan[y][p]);
      const ByTier target{affordable, plan[y][p] - affordable};
      for (int tier : {supply::kAffordable, supply::kMarket}) {
        const std::int64_t change = target[static_cast<std::size_t>(tier)] - before[p][static_cast<std::size_t>(tier)];
        if (change != 0)
          m.places.push_back({time, static_cast<int>(p) / regions, static_cast<int>(p) % regions, tier, change});
      }
      before[p] = target;
    }
  }
  return m;
}

/// evaluate_places, each replication from its snapshot when `snapshots` is given.
std::vector<AchievedLevel> evaluate(const supply::ChildcareModel& model, const PlacesPlan& plan, const ServiceLevel& level,
                                    const CandidateRuns& runs, ChildcareSnapshots* snapshots) {
  const supply::ChildcareModel m = with_places(model, plan);
  const int years = static_cast<int>(plan.size());
  const int streams = demand::kMonthBandCount * static_cast<int>(model.regions.size());
  const auto last = static_cast<std::size_t>(years - 1);
  const sim::RandomStreams random(runs.seed);
  if (snapshots != nullptr && snapshots->size() != static_cast<std::size_t>(runs.replications))
    snapshots->assign(static_cast<std::size_t>(runs.replications), ChildcareSnapshot{});
  // One slot per replication: [replication][stream] applications and failures of the last year.
  std::vector<std::vector<double>> arrivals(static_cast<std::size_t>(runs.replications));
  std::vector<std::vector<double>> failures(static_cast<std::size_t>(runs.replications));
  sim::run_replications(runs.replications, runs.threads, [&](int r) {
    const double end = static_cast<double>(m.last_year) + 1.0;
    const auto keep = [&](const ChildcareServiceRecorder& recorder) {
      arrivals[static_cast<std::size_t>(r)] = recorder.arrivals()[last];
      failures[static_cast<std::size_t>(r)] = recorder.failures()[last];
    };
    if (snapshots == nullptr) {
      ChildcareServiceRecorder recorder(m.first_year, years, streams, level.wait_days);
      supply::ChildcareSimulation(m, random, static_cast<std::uint64_t>(r), recorder).run();
      recorder.finish(end);
      keep(recorder);
      return;
    }
    ChildcareSnapshot& snapshot = (*snapshots)[static_cast<std::size_t>(r)];
    snapshot.move_to(model, plan, last, random, static_cast<std::uint64_t>(r), level.wait_days, streams, replace_places);
    ChildcareServiceRecorder recorder = *snapshot.recorder;
    supply::ChildcareSimulation simulation = *snapshot.simulation;
    simulation.rebind(m, recorder);
    simulation.schedule_new_changes();
    simulation.run_through(end);
    recorder.finish(end);
    keep(recorder);
  });
  std::vector<AchievedLevel> out(static_cast<std::size_t>(streams));
  std::vector<double> stream_arrivals(arrivals.size()), stream_failures(arrivals.size());
  for (std::size_t s = 0; s < out.size(); ++s) {
    for (std::size_t r = 0; r < arrivals.size(); ++r) {
      stream_arrivals[r] = arrivals[r][s];
      stream_failures[r] = failures[r][s];
    }
    out[s] = achieved_level(stream_arrivals, stream_failures, level);
  }
  return out;
}

}  // namespace

supply::ChildcareModel with_places(const supply::ChildcareModel& model, const PlacesPlan& plan) {
  assert(!plan.empty());
  const auto years = plan.size();
  supply::ChildcareModel m = replace_places(model, plan);
  m.last_year = model.first_year + static_cast<int>(years) - 1;
  for (auto& months : m.applications_per_month)
    if (months.size() > 12 * years) months.resize(12 * years);
  if (m.affordable_family_share.size() > years) m.affordable_family_share.resize(years);
  return m;
}

std::vector<AchievedLevel> evaluate_places(const supply::ChildcareModel& model, const PlacesPlan& plan,
                                           const ServiceLevel& level, const CandidateRuns& runs) {
  return evaluate(model, plan, level, runs, nullptr);
}

std::vector<AchievedLevel> evaluate_places(const supply::ChildcareModel& model, const PlacesPlan& plan,
                                           const ServiceLevel& level, const CandidateRuns& runs, ChildcareSnapshots& snapshots) {
  return evaluate(model, plan, level, runs, &snapshots);
}

}  // namespace carecap::planning
