// carecap. SPDX-License-Identifier: MIT
#include "models/supply/CapacityRecorder.hpp"

#include "models/supply/PriceTier.hpp"

#include <algorithm>
#include <cmath>

namespace carecap::supply {
namespace {

/// The sparse histogram of `waits` (years) on the fixed wait bins.
WaitHistogram histogram_of(const std::vector<double>& waits) {
  std::vector<int> bins;
  bins.reserve(waits.size());
  for (double w : waits) bins.push_back(wait_bin(kDaysPerYear * w));
  std::sort(bins.begin(), bins.end());
  WaitHistogram h;
  for (int b : bins) {
    if (h.bins.empty() || h.bins.back().bin != b) h.bins.push_back({b, 0.0});
    h.bins.back().count += 1.0;
  }
  return h;
}

/// Both classes' waits in one histogram.
WaitHistogram merged(const WaitHistogram& a, const WaitHistogram& b) {
  WaitHistogram h;
  std::size_t i = 0, j = 0;
  while (i < a.bins.size() || j < b.bins.size()) {
    if (j == b.bins.size() || (i < a.bins.size() && a.bins[i].bin < b.bins[j].bin)) h.bins.push_back(a.bins[i++]);
    else if (i == a.bins.size() || b.bins[j].bin < a.bins[i].bin) h.bins.push_back(b.bins[j++]);
    else h.bins.push_back({a.bins[i].bin, a.bins[i++].count + b.bins[j++].count});
  }
  return h;
}

}  // namespace

CapacityRecorder::CapacityRecorder(int first_year, int pools, int streams, int units, double wait_target_days)
    : pools_(first_year, static_cast<std::size_t>(pools)),
      streams_(first_year, static_cast<std::size_t>(streams)),
      waits_(first_year, static_cast<std::size_t>(streams) * kPriorityClassCount),
      wait_target_years_(wait_target_days / kDaysPerYear),
      occupied_(static_cast<std::size_t>(pools)),
      capacity_(static_cast<std::size_t>(pools)),
      idle_(static_cast<std::size_t>(pools)),
      waiting_(static_cast<std::size_t>(streams)),
      unit_occupied_(static_cast<std::size_t>(units)),
      unit_capacity_(static_cast<std::size_t>(units)) {
  result_.first_year = first_year;
  for (auto* means : {&occupied_, &capacity_, &idle_, &waiting_, &unit_occupied_, &unit_capacity_})
    for (auto& m : *means) m.start(first_year, 0);
}

PoolYear& CapacityRecorder::pool(int pool, double time) { return pools_.at(static_cast<std::size_t>(pool), time); }

StreamYear& CapacityRecorder::stream(int stream, double time) { return streams_.at(static_cast<std::size_t>(stream), time); }

void CapacityRecorder::arrived(int s, double time) { ++stream(s, time).arrivals; }

void CapacityRecorder::admitted(int s, int p, double time, double waited, bool priority, bool affordable_tier) {
  StreamYear& y = stream(s, time);
  ++y.admitted_by_tier[affordable_tier ? kAffordable : kMarket];
  y.wait_days_by_tier[affordable_tier ? kAffordable : kMarket] += kDaysPerYear * waited;
  const int c = priority ? 0 : 1;
  ++y.admitted;
  if (waited > 0.0) ++y.admitted_after_waiting;
  if (waited > wait_target_years_) ++y.waited_longer_than_target;
  ++y.admitted_by_class[static_cast<std::size_t>(c)];
  y.wait_days_by_class[static_cast<std::size_t>(c)] += kDaysPerYear * waited;
  ++pool(p, time).admissions;
  waits_.at(static_cast<std::size_t>(s * kPriorityClassCount + c), time).push_back(waited);
}

void CapacityRecorder::turned_away(int s, double time) { ++stream(s, time).turned_away; }

void CapacityRecorder::left_waiting(int s, double time, double waited, bool died, bool affordable_tier) {
  StreamYear& y = stream(s, time);
  ++y.left_unserved_by_tier[affordable_tier ? kAffordable : kMarket];
  ++(died ? y.died_waiting : y.gave_up);
  if (waited > wait_target_years_) ++y.waited_longer_than_target;
}

void CapacityRecorder::departed(int p, double time, bool died) {
  PoolYear& y = pool(p, time);
  ++(died ? y.deaths_in_care : y.discharges);
}

void CapacityRecorder::pool_level(int pool, double time, std::int64_t occupied, std::int64_t capacity) {
  occupied_[static_cast<std::size_t>(pool)].change(time, static_cast<double>(occupied));
  capacity_[static_cast<std::size_t>(pool)].change(time, static_cast<double>(capacity));
  idle_[static_cast<std::size_t>(pool)].change(time, static_cast<double>(std::max<std::int64_t>(0, capacity - occupied)));
}

void CapacityRecorder::queue_level(int stream, double time, std::int64_t waiting) {
  waiting_[static_cast<std::size_t>(stream)].change(time, static_cast<double>(waiting));
}

void CapacityRecorder::month_end(int, double) {
  std::vector<double> occupied, waiting;
  for (const auto& m : occupied_) occupied.push_back(m.level());
  for (const auto& m : waiting_) waiting.push_back(m.level());
  result_.monthly_occupied.push_back(std::move(occupied));
  result_.monthly_waiting.push_back(std::move(waiting));
}

void CapacityRecorder::unit_level(int unit, double time, std::int64_t occupied, std::int64_t capacity) {
  unit_occupied_[static_cast<std::size_t>(unit)].change(time, static_cast<double>(occupied));
  unit_capacity_[static_cast<std::size_t>(unit)].change(time, static_cast<double>(capacity));
}

void CapacityRecorder::year_end(int, double time) {
  std::vector<UnitYear> units(unit_occupied_.size());
  for (std::size_t u = 0; u < units.size(); ++u) units[u] = {unit_occupied_[u].close(time), unit_capacity_[u].close(time)};
  result_.units.push_back(std::move(units));
  std::vector<PoolYear>& pools = pools_.current();
  for (std::size_t p = 0; p < pools.size(); ++p) {
    pools[p].mean_occupied = occupied_[p].close(time);
    pools[p].mean_capacity = capacity_[p].close(time);
    pools[p].mean_idle = idle_[p].close(time);
  }
  std::vector<StreamYear>& streams = streams_.current();
  std::vector<std::vector<double>>& waits = waits_.current();
  std::vector<std::array<WaitHistogram, kPriorityClassCount>> histograms(streams.size());
  for (std::size_t s = 0; s < streams.size(); ++s) {
    StreamYear& y = streams[s];
    y.mean_waiting = waiting_[s].close(time);
    for (std::size_t c = 0; c < kPriorityClassCount; ++c) histograms[s][c] = histogram_of(waits[s * kPriorityClassCount + c]);
    const double days = y.wait_days_by_class[0] + y.wait_days_by_class[1];
    y.wait_mean_days = y.admitted > 0 ? days / y.admitted : 0.0;
    // This replication's quantiles, on the same bins as the run's pooled ones (tools/run/PooledWaits).
    const WaitHistogram both = merged(histograms[s][0], histograms[s][1]);
    y.wait_p50_days = wait_quantile_days(both, 0.5);
    y.wait_p90_days = wait_quantile_days(both, 0.9);
  }
  result_.waits.push_back(std::move(histograms));
  result_.pools.push_back(pools_.roll(time));
  result_.streams.push_back(streams_.roll(time));
  waits_.roll(time);
}

}  // namespace carecap::supply
