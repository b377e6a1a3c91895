// carecap. SPDX-License-Identifier: MIT
#include "models/supply/CapacityRecorder.hpp"

#include <algorithm>
#include <cmath>

namespace carecap::supply {
namespace {

constexpr double kDaysPerYear = 365.25;

/// Quantile by linear interpolation between order statistics (type 7); 0 for no data. Reorders
/// `values` (selection, not a full sort).
double quantile(std::vector<double>& values, double p) {
  if (values.empty()) return 0.0;
  const double h = (static_cast<double>(values.size()) - 1.0) * p;
  const auto below = static_cast<std::size_t>(std::floor(h));
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(below), values.end());
  const double low = values[below];
  if (below + 1 >= values.size()) return low;
  const double high = *std::min_element(values.begin() + static_cast<std::ptrdiff_t>(below) + 1, values.end());
  return low + (h - static_cast<double>(below)) * (high - low);
}

}  // namespace

CapacityRecorder::CapacityRecorder(int first_year, int pools, int streams, int units)
    : pools_(first_year, static_cast<std::size_t>(pools)),
      streams_(first_year, static_cast<std::size_t>(streams)),
      waits_(first_year, static_cast<std::size_t>(streams)),
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

void CapacityRecorder::admitted(int s, int p, double time, double waited, bool) {
  StreamYear& y = stream(s, time);
  ++y.admitted;
  if (waited > 0.0) ++y.admitted_after_waiting;
  ++pool(p, time).admissions;
  waits_.at(static_cast<std::size_t>(s), time).push_back(waited);
}

void CapacityRecorder::turned_away(int s, double time) { ++stream(s, time).turned_away; }

void CapacityRecorder::left_waiting(int s, double time, double, bool died) {
  StreamYear& y = stream(s, time);
  ++(died ? y.died_waiting : y.gave_up);
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
  for (std::size_t s = 0; s < streams.size(); ++s) {
    StreamYear& y = streams[s];
    y.mean_waiting = waiting_[s].close(time);
    double sum = 0;
    for (double w : waits[s]) sum += w;
    y.wait_mean_days = waits[s].empty() ? 0.0 : kDaysPerYear * sum / static_cast<double>(waits[s].size());
    y.wait_p50_days = kDaysPerYear * quantile(waits[s], 0.5);
    y.wait_p90_days = kDaysPerYear * quantile(waits[s], 0.9);
  }
  result_.pools.push_back(pools_.roll(time));
  result_.streams.push_back(streams_.roll(time));
  waits_.roll(time);
}

}  // namespace carecap::supply
