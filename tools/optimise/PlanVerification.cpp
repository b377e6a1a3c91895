// carecap. SPDX-License-Identifier: MIT
#include "tools/optimise/PlanVerification.hpp"

#include <algorithm>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>

#include "models/planning/ServiceLevelRecorder.hpp"
#include "models/supply/CapacitySimulation.hpp"
#include "sim/RandomStreams.hpp"

namespace carecap::tools {
namespace {

/// The service level recorder, plus the time-weighted beds and occupied beds of the county by
/// year (for the idle share).
class VerificationRecorder final : public supply::CapacityMonitor {
public:
  VerificationRecorder(int first_year, int years, int streams, double wait_days)
      : levels_(first_year, years, streams, wait_days),
        beds_(static_cast<std::size_t>(years), 0.0), occupied_(static_cast<std::size_t>(years), 0.0) {}
  void arrived(int s, double t) override { levels_.arrived(s, t); }
  void admitted(int s, int pool, double t, double waited, bool priority, bool tier) override {
    levels_.admitted(s, pool, t, waited, priority, tier);
  }
  void turned_away(int s, double t) override { levels_.turned_away(s, t); }
  void joined_waiting(int s, double t) override { levels_.joined_waiting(s, t); }
  void left_waiting(int s, double t, double waited, bool died, bool tier) override { levels_.left_waiting(s, t, waited, died, tier); }
  /// A year's bed-years and occupied bed-years: the pools' time averages over the (one-year) year.
  void year_end(int year_index, double, const supply::CapacityYearLevels& year) override {
    const auto y = static_cast<std::size_t>(year_index);
    if (y >= beds_.size()) return;
    for (const auto& pool : year.pools) {
      beds_[y] += pool.mean_open;
      occupied_[y] += pool.mean_occupied;
    }
  }
  void month_end(int, double, const supply::CapacityLevelsNow&) override {}

  /// Closes the run at `end` (years).
  void finish(double end) { levels_.finish(end); }
  [[nodiscard]] const planning::ServiceLevelRecorder& levels() const { return levels_; }
  [[nodiscard]] const std::vector<double>& beds() const { return beds_; }          // bed-years by year
  [[nodiscard]] const std::vector<double>& occupied() const { return occupied_; }  // occupied bed-years by year

private:
  planning::ServiceLevelRecorder levels_;
  std::vector<double> beds_, occupied_;
};

}  // namespace

planning::CapacityGrid capacity_grid(const supply::CapacityModel& model) {
  const int regions = static_cast<int>(model.regions.size());
  auto grid = planning::CapacityGrid::zeros(model.first_year, model.last_year - model.first_year + 1, regions);
  std::vector<std::int64_t> unit_beds(model.units.size(), 0);
  std::vector<supply::CapacityChange> changes = model.capacity;
  std::stable_sort(changes.begin(), changes.end(), [](const auto& a, const auto& b) { return a.time < b.time; });
  std::vector<double> pool(static_cast<std::size_t>(supply::kBedTypeCount * regions), 0.0);
  std::size_t next = 0;
  for (int year = grid.first_year; year <= grid.last_year(); ++year) {
    for (; next < changes.size() && changes[next].time <= year; ++next) {
      const auto& c = changes[next];
      const bool named = c.unit >= 0 && static_cast<std::size_t>(c.unit) < unit_beds.size();
      const std::int64_t beds = c.whole_unit ? (named ? -unit_beds[static_cast<std::size_t>(c.unit)] : 0) : c.beds;
      pool[static_cast<std::size_t>(c.bed_type * regions + c.region)] += static_cast<double>(beds);
      if (named) unit_beds[static_cast<std::size_t>(c.unit)] += beds;
    }
    for (int t = 0; t < supply::kBedTypeCount; ++t)
      for (int r = 0; r < regions; ++r) grid.at(year, t, r) = pool[static_cast<std::size_t>(t * regions + r)];
  }
  return grid;
}

planning::CapacityPlan as_plan(const planning::CapacityGrid& grid) {
  planning::CapacityPlan plan;
  for (int year = grid.first_year; year <= grid.last_year(); ++year) {
    auto& row = plan.emplace_back();
    for (int t = 0; t < supply::kBedTypeCount; ++t)
      for (int r = 0; r < grid.regions; ++r) row.push_back(std::llround(std::max(0.0, grid.at(year, t, r))));
  }
  return plan;
}

PlanVerification verify_plan(const supply::CapacityModel& model, const planning::CapacityPlan& plan,
                             const planning::ServiceLevel& level, const planning::CandidateRuns& runs) {
  return verify_plan(planning::CandidateEnsemble::of(model, runs), plan, level);
}

PlanVerification verify_plan(const planning::CandidateEnsemble& ensemble, const planning::CapacityPlan& plan,
                             const planning::ServiceLevel& level) {
  std::vector<supply::CapacityModel> models;  // [sample] with the plan's capacities
  for (const supply::CapacityModel* model : ensemble.models) models.push_back(planning::with_capacities(*model, plan));
  const supply::CapacityModel& first = models.front();
  const auto years = plan.size();
  const auto streams = static_cast<std::size_t>(supply::kBedTypeCount) * first.regions.size();
  const auto reps = static_cast<std::size_t>(ensemble.run_count());
  const sim::RandomStreams random(ensemble.runs.seed);
  // Per run: arrivals [year][stream], failures [year][stream], bed-years [year], occupied bed-years [year].
  const std::size_t width = 2 * years * streams + 2 * years;
  const std::vector<double> all = planning::run_ensemble(ensemble, width, [&](int run, double* out) {
    const supply::CapacityModel& m = models[static_cast<std::size_t>(run / ensemble.runs.replications)];
    VerificationRecorder recorder(m.first_year, static_cast<int>(years), static_cast<int>(streams), level.wait_days);
    supply::CapacitySimulation(m, random, static_cast<std::uint64_t>(ensemble.replication_of(run)), recorder).run();
    recorder.finish(static_cast<double>(m.last_year) + 1.0);
    for (std::size_t y = 0; y < years; ++y) {
      std::copy(recorder.levels().arrivals()[y].begin(), recorder.levels().arrivals()[y].end(), out + y * streams);
      std::copy(recorder.levels().failures()[y].begin(), recorder.levels().failures()[y].end(), out + (years + y) * streams);
    }
    std::copy(recorder.beds().begin(), recorder.beds().end(), out + 2 * years * streams);
    std::copy(recorder.occupied().begin(), recorder.occupied().end(), out + 2 * years * streams + years);
  });
  const auto at = [&](std::size_t r, std::size_t k) { return all[r * width + k]; };
  const double n = static_cast<double>(reps);
  PlanVerification out;
  out.first_year = first.first_year;
  out.level.assign(years, std::vector<planning::AchievedLevel>(streams));
  out.beds.assign(years, 0.0);
  out.idle_beds.assign(years, 0.0);
  for (std::size_t y = 0; y < years; ++y) {
    for (std::size_t r = 0; r < reps; ++r) {  // run order: the same sums wherever the runs were made
      const double beds = at(r, 2 * years * streams + y), occupied = at(r, 2 * years * streams + years + y);
      out.beds[y] += beds / n;
      out.idle_beds[y] += (beds - occupied) / n;
    }
    std::vector<double> stream_arrivals(reps), stream_failures(reps);
    for (std::size_t s = 0; s < streams; ++s) {
      for (std::size_t r = 0; r < reps; ++r) {
        stream_arrivals[r] = at(r, y * streams + s);
        stream_failures[r] = at(r, (years + y) * streams + s);
      }
      out.level[y][s] = planning::achieved_level(stream_arrivals, stream_failures, level);
      if (!out.level[y][s].met) out.met = false;
    }
  }
  return out;
}

}  // namespace carecap::tools
