// carecap. SPDX-License-Identifier: MIT
#include "models/supply/CapacityRecorder.hpp"

#include "models/supply/PriceTier.hpp"
#include "sim/Errors.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace carecap::supply {
namespace {

/// The sparse histogram of a year's waits: `admitted` admissions, of which those who waited are
/// in `bins` (their wait bins, unordered) and the others in bin 0. Counted in a scratch array
/// rather than sorted: only the distinct bins are sorted.
WaitHistogram histogram_of(const std::vector<int>& bins, double admitted) {
  thread_local std::vector<double> counts(static_cast<std::size_t>(kWaitOverflowBin) + 1, 0.0);
  thread_local std::vector<int> distinct;
  distinct.clear();
  for (int b : bins)
    if (counts[static_cast<std::size_t>(b)]++ == 0.0) distinct.push_back(b);
  std::sort(distinct.begin(), distinct.end());
  WaitHistogram h;
  const double at_once = admitted - static_cast<double>(bins.size());
  if (at_once > 0) h.bins.push_back({0, at_once});
  for (int b : distinct) {
    h.bins.push_back({b, counts[static_cast<std::size_t>(b)]});
    counts[static_cast<std::size_t>(b)] = 0.0;
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
      wait_bins_(first_year, static_cast<std::size_t>(streams) * kPriorityClassCount),
      wait_target_years_(wait_target_days / kDaysPerYear),
      units_(static_cast<std::size_t>(units)) {
  result_.first_year = first_year;
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
  if (waited > 0.0)  // bin 0 (admitted at once) is counted by admitted_by_class
    wait_bins_.at(static_cast<std::size_t>(s * kPriorityClassCount + c), time).push_back(wait_bin(kDaysPerYear * waited));
}

void CapacityRecorder::turned_away(int s, double time) { ++stream(s, time).turned_away; }

void CapacityRecorder::left_waiting(int s, double time, double waited, bool died, bool affordable_tier) {
  StreamYear& y = stream(s, time);
  ++y.left_unserved_by_tier[affordable_tier ? kAffordable : kMarket];
  ++(died ? y.died_waiting : y.gave_up);
  if (waited > wait_target_years_) ++y.waited_longer_than_target;
}

void CapacityRecorder::month_end(int, double, const CapacityLevelsNow& now) {
  result_.monthly_occupied.push_back(now.occupied);
  result_.monthly_waiting.push_back(now.waiting);
}

void CapacityRecorder::year_end(int, double time, const CapacityYearLevels& year) {
  if (year.units.size() != units_)
    throw RuntimeFault("the capacity recorder was made for " + std::to_string(units_) + " units, the simulation has " +
                       std::to_string(year.units.size()));
  std::vector<UnitYear> units(year.units.size());
  for (std::size_t u = 0; u < units.size(); ++u) units[u] = {year.units[u].mean_occupied, year.units[u].mean_open};
  result_.units.push_back(std::move(units));
  std::vector<PoolYear>& pools = pools_.current();
  for (std::size_t p = 0; p < pools.size(); ++p) {
    pools[p].mean_occupied = year.pools[p].mean_occupied;
    pools[p].mean_capacity = year.pools[p].mean_open;
    pools[p].mean_idle = year.pools[p].mean_free;
    pools[p].deaths_in_care = year.pools[p].deaths_in_care;
    pools[p].discharges = year.pools[p].discharges;
  }
  std::vector<StreamYear>& streams = streams_.current();
  std::vector<std::vector<int>>& waits = wait_bins_.current();
  std::vector<std::array<WaitHistogram, kPriorityClassCount>> histograms(streams.size());
  for (std::size_t s = 0; s < streams.size(); ++s) {
    StreamYear& y = streams[s];
    y.mean_waiting = year.mean_waiting[s];
    y.mean_residents = year.mean_residents[s];
    for (std::size_t c = 0; c < kPriorityClassCount; ++c) histograms[s][c] = histogram_of(waits[s * kPriorityClassCount + c], y.admitted_by_class[c]);
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
  wait_bins_.roll(time);
}

}  // namespace carecap::supply
