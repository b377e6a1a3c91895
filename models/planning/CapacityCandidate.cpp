// carecap. SPDX-License-Identifier: MIT
#include "models/planning/CapacityCandidate.hpp"

#include <algorithm>
#include <boost/math/distributions/students_t.hpp>
#include <cassert>
#include <cmath>

#include "models/planning/ServiceLevelRecorder.hpp"
#include "models/supply/CapacityResult.hpp"
#include "models/supply/CapacitySimulation.hpp"
#include "sim/RandomStreams.hpp"

namespace carecap::planning {
namespace {

/// When the plan's first-year capacities apply: one second after the start, so that the warm
/// start has placed the start's residents in the model's base-year beds (a change at the start
/// itself would be applied before it and change who is placed). Arrivals in that second see the
/// base-year beds.
constexpr double kFirstYearDelay = 1.0 / (supply::kDaysPerYear * 24 * 3600);

/// `model` with its capacity replaced by `plan` (possibly empty: the base-year beds only), its
/// horizon kept: with_capacities without the cut.
supply::CapacityModel replace_capacities(const supply::CapacityModel& model, const CapacityPlan& plan) {
  const int regions = static_cast<int>(model.regions.size());
  const auto pools = static_cast<std::size_t>(supply::kBedTypeCount * regions);
  const auto years = plan.size();
  supply::CapacityModel m = model;
  // The base-year beds of each pool (and unit), replayed as the simulation applies them.
  std::vector<std::int64_t> base(pools, 0);
  std::vector<std::int64_t> unit_beds(model.units.size(), 0);
  m.capacity.clear();
  for (const supply::CapacityChange& change : model.capacity) {
    if (change.time > model.first_year) continue;
    m.capacity.push_back(change);
    const auto pool = static_cast<std::size_t>(change.bed_type * regions + change.region);
    const bool named = change.unit >= 0 && static_cast<std::size_t>(change.unit) < unit_beds.size();
    const std::int64_t beds = change.whole_unit ? (named ? -unit_beds[static_cast<std::size_t>(change.unit)] : 0) : change.beds;
    base[pool] += beds;
    if (named) unit_beds[static_cast<std::size_t>(change.unit)] += beds;
  }
  std::vector<std::int64_t> before = base;
  for (std::size_t y = 0; y < years; ++y) {
    assert(plan[y].size() == pools);
    const double time = y == 0 ? model.first_year + kFirstYearDelay : static_cast<double>(model.first_year) + static_cast<double>(y);
    for (std::size_t p = 0; p < pools; ++p) {
      const std::int64_t change = plan[y][p] - before[p];
      if (change != 0)
        m.capacity.push_back({time, static_cast<int>(p) / regions, static_cast<int>(p) % regions, change, -1, false});
    }
    before = plan[y];
  }
  return m;
}

}  // namespace

supply::CapacityModel with_capacities(const supply::CapacityModel& model, const CapacityPlan& plan) {
  assert(!plan.empty());
  const auto years = plan.size();
  supply::CapacityModel m = replace_capacities(model, plan);
  m.last_year = model.first_year + static_cast<int>(years) - 1;
  for (supply::ArrivalStream& a : m.arrivals) {
    if (a.rate_per_year.size() > years) a.rate_per_year.resize(years);
    if (a.unfollowed_decline.size() > years) a.unfollowed_decline.resize(years);
  }
  return m;
}

AchievedLevel achieved_level(const std::vector<double>& arrivals, const std::vector<double>& failures,
                             const ServiceLevel& level) {
  const double n = static_cast<double>(arrivals.size());
  const double t = arrivals.size() > 1 ? boost::math::quantile(boost::math::students_t(n - 1), 0.975) : 0.0;
  AchievedLevel a;
  double sum = 0, sum_sq = 0, meeting = 0, people = 0;
  for (std::size_t r = 0; r < arrivals.size(); ++r) {  // index order: the same sums for any thread count
    const double share = arrivals[r] > 0 ? failures[r] / arrivals[r] : 0.0;
    sum += share;
    sum_sq += share * share;
    people += arrivals[r];
    if (share <= level.max_share_waiting) ++meeting;
  }
  a.arrivals = people / n;
  a.mean_share = sum / n;
  a.share_sd = arrivals.size() > 1 ? std::sqrt(std::max(0.0, (sum_sq - n * a.mean_share * a.mean_share) / (n - 1))) : 0.0;
  const double half = t * a.share_sd / std::sqrt(n);
  a.share_low = std::max(0.0, a.mean_share - half);
  a.share_high = std::min(1.0, a.mean_share + half);
  a.share_meeting = meeting / n;
  a.met = meeting + 1e-9 >= level.probability * n;  // the tolerance only absorbs rounding of probability x n
  return a;
}

std::vector<AchievedLevel> evaluate_candidate(const supply::CapacityModel& model, const CapacityPlan& plan,
                                              const ServiceLevel& level, const CandidateRuns& runs) {
  return evaluate_candidate(CandidateEnsemble::of(model, runs), plan, level);
}

namespace {

/// evaluate_candidate, each run from its snapshot when `snapshots` is given.
std::vector<AchievedLevel> evaluate(const CandidateEnsemble& ensemble, const CapacityPlan& plan, const ServiceLevel& level,
                                    CapacitySnapshots* snapshots) {
  std::vector<supply::CapacityModel> models;  // [sample] with the candidate's capacities
  models.reserve(ensemble.models.size());
  for (const supply::CapacityModel* model : ensemble.models) models.push_back(with_capacities(*model, plan));
  const int years = static_cast<int>(plan.size());
  const int streams = supply::kBedTypeCount * static_cast<int>(models.front().regions.size());
  const auto width = static_cast<std::size_t>(streams);
  const auto last = static_cast<std::size_t>(years - 1);
  const sim::RandomStreams random(ensemble.runs.seed);
  if (snapshots != nullptr && snapshots->size() != static_cast<std::size_t>(ensemble.run_count()))
    snapshots->assign(static_cast<std::size_t>(ensemble.run_count()), CapacitySnapshot{});
  // Per run: the last year's arrivals of every stream, then its failures, persons.
  const std::vector<double> all = run_ensemble(ensemble, 2 * width, [&](int run, double* out) {
    const auto sample = static_cast<std::size_t>(run / ensemble.runs.replications);
    const supply::CapacityModel& m = models[sample];
    const auto replication = static_cast<std::uint64_t>(ensemble.replication_of(run));
    const double end = static_cast<double>(m.last_year) + 1.0;
    const auto keep = [&](const ServiceLevelRecorder& recorder) {
      std::copy(recorder.arrivals()[last].begin(), recorder.arrivals()[last].end(), out);
      std::copy(recorder.failures()[last].begin(), recorder.failures()[last].end(), out + width);
    };
    if (snapshots == nullptr) {
      ServiceLevelRecorder recorder(m.first_year, years, streams, level.wait_days);
      supply::CapacitySimulation(m, random, replication, recorder).run();
      recorder.finish(end);
      keep(recorder);
      return;
    }
    CapacitySnapshot& snapshot = (*snapshots)[static_cast<std::size_t>(run)];
    snapshot.move_to(*ensemble.models[sample], plan, last, random, replication, level.wait_days, streams, replace_capacities);
    ServiceLevelRecorder recorder = *snapshot.recorder;
    supply::CapacitySimulation simulation = *snapshot.simulation;
    simulation.rebind(m, recorder);
    simulation.schedule_new_changes();
    simulation.run_through(end);
    recorder.finish(end);
    keep(recorder);
  });
  const auto runs = static_cast<std::size_t>(ensemble.run_count());
  std::vector<AchievedLevel> out(width);
  std::vector<double> stream_arrivals(runs), stream_failures(runs);
  for (std::size_t s = 0; s < width; ++s) {
    for (std::size_t r = 0; r < runs; ++r) {  // run order: the same sums wherever the runs were made
      stream_arrivals[r] = all[r * 2 * width + s];
      stream_failures[r] = all[r * 2 * width + width + s];
    }
    out[s] = achieved_level(stream_arrivals, stream_failures, level);
  }
  return out;
}

}  // namespace

std::vector<AchievedLevel> evaluate_candidate(const CandidateEnsemble& ensemble, const CapacityPlan& plan,
                                              const ServiceLevel& level) {
  return evaluate(ensemble, plan, level, nullptr);
}

std::vector<AchievedLevel> evaluate_candidate(const CandidateEnsemble& ensemble, const CapacityPlan& plan,
                                              const ServiceLevel& level, CapacitySnapshots& snapshots) {
  return evaluate(ensemble, plan, level, &snapshots);
}

}  // namespace carecap::planning
