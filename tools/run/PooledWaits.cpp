// carecap. SPDX-License-Identifier: MIT
#include "tools/run/PooledWaits.hpp"

#include <algorithm>
#include <limits>
#include <sstream>
#include <string>

#include "sim/Errors.hpp"
#include "text/Catalogue.hpp"
#include "tools/run/ResultLookup.hpp"

namespace carecap::tools {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// The sparse histogram of dense counts by bin.
supply::WaitHistogram sparse(const std::vector<double>& dense) {
  supply::WaitHistogram h;
  for (std::size_t b = 0; b < dense.size(); ++b)
    if (dense[b] > 0) h.bins.push_back({static_cast<int>(b), dense[b]});
  return h;
}

void add_to(std::vector<double>& dense, const supply::WaitHistogram& h) {
  for (const auto& b : h.bins) dense[static_cast<std::size_t>(b.bin)] += b.count;
}

/// A pooled quantile, NaN when nobody was admitted.
double quantile_or_nan(const supply::WaitHistogram& h, double p) {
  return h.bins.empty() ? kNaN : supply::wait_quantile_days(h, p);
}

/// Values of a capacity series of one replication (empty when the group or series is missing).
const std::vector<double>& capacity_values(const std::vector<ResultGroup>& replication, const std::string& name) {
  static const std::vector<double> none;
  const ResultGroup* group = find_group(replication, "capacity");
  const ResultSeries* series = group ? find_series(*group, name) : nullptr;
  return series ? series->values : none;
}

}  // namespace

supply::YearlyWaits pool_waits(const std::vector<supply::YearlyWaits>& replications) {
  if (replications.empty()) return {};
  const supply::YearlyWaits& shape = replications.front();
  supply::YearlyWaits pooled(shape.size());
  std::vector<double> dense(static_cast<std::size_t>(supply::kWaitOverflowBin) + 1);
  for (std::size_t y = 0; y < shape.size(); ++y) {
    pooled[y].resize(shape[y].size());
    for (std::size_t s = 0; s < shape[y].size(); ++s)
      for (std::size_t c = 0; c < supply::kPriorityClassCount; ++c) {
        std::fill(dense.begin(), dense.end(), 0.0);
        for (const supply::YearlyWaits& r : replications) {
          if (r.size() != shape.size() || r[y].size() != shape[y].size())
            throw RuntimeFault(text::both("errors.waits.shapes"));
          add_to(dense, r[y][s][c]);
        }
        pooled[y][s][c] = sparse(dense);
      }
  }
  return pooled;
}

supply::WaitHistogram both_classes(const std::array<supply::WaitHistogram, supply::kPriorityClassCount>& classes) {
  std::vector<double> dense(static_cast<std::size_t>(supply::kWaitOverflowBin) + 1, 0.0);
  for (const auto& h : classes) add_to(dense, h);
  return sparse(dense);
}

ResultGroup capacity_waits_group(const scenarios::Scenario& scenario, const ScenarioRunResult& run) {
  const double target_days = scenario.supply ? scenario.supply->capacity.wait_target_days : 0.0;
  const std::string source = scenario.supply ? scenario.supply->capacity.source : std::string();
  ResultGroup g;
  g.name = "capacity_waits";
  g.description = "waits of the capacity simulation pooled over all replications: quantiles of the pooled waits "
                  "(docs/capacity.md), shares of people who waited";
  const ResultGroup* capacity = run.replications.empty() ? nullptr : find_group(run.replications.front(), "capacity");
  if (!capacity) throw RuntimeFault(text::both("errors.waits.no_capacity"));
  for (const char* name : {"capacity_year", "priority_class", "bed_type", "region"})
    for (const ResultDimension& d : capacity->dimensions)
      if (d.name == name) g.dimensions.push_back(d);
  if (g.dimensions.size() != 4) throw RuntimeFault(text::both("errors.waits.no_dimension"));

  // Quantiles of the pooled histograms.
  const supply::YearlyWaits pooled = pool_waits(run.capacity_waits);
  std::vector<double> p50, p90, admissions, p50_by_class, p90_by_class;
  for (const auto& year : pooled) {
    for (const auto& stream : year) {
      const supply::WaitHistogram both = both_classes(stream);
      p50.push_back(quantile_or_nan(both, 0.5));
      p90.push_back(quantile_or_nan(both, 0.9));
      admissions.push_back(both.total());
    }
    for (std::size_t c = 0; c < supply::kPriorityClassCount; ++c)
      for (const auto& stream : year) {
        p50_by_class.push_back(quantile_or_nan(stream[c], 0.5));
        p90_by_class.push_back(quantile_or_nan(stream[c], 0.9));
      }
  }

  // Shares of the people whose wait ended in the year (admitted, gave up, died waiting): ratios of
  // sums over replications, by cell and over all cells of a year.
  const std::size_t cells = p50.size(), years = pooled.size();
  std::vector<double> ended(cells, 0.0), waited(cells, 0.0), too_long(cells, 0.0);
  for (const auto& replication : run.replications) {
    const auto& admitted = capacity_values(replication, "new_admissions_by_need");
    const auto& gave_up = capacity_values(replication, "new_gave_up");
    const auto& died = capacity_values(replication, "new_died_waiting");
    const auto& after_waiting = capacity_values(replication, "new_admitted_after_waiting");
    const auto& longer = capacity_values(replication, "new_waited_longer_than_target");
    for (const auto* values : {&admitted, &gave_up, &died, &after_waiting, &longer})
      if (values->size() != cells) throw RuntimeFault(text::both("errors.waits.series_size"));
    for (std::size_t i = 0; i < cells; ++i) {
      ended[i] += admitted[i] + gave_up[i] + died[i];
      waited[i] += after_waiting[i] + gave_up[i] + died[i];
      too_long[i] += longer[i];
    }
  }
  auto percent = [](double part, double whole) { return whole > 0 ? 100.0 * part / whole : kNaN; };
  std::vector<double> share_waited(cells), share_too_long(cells), share_too_long_total(years);
  for (std::size_t i = 0; i < cells; ++i) {
    share_waited[i] = percent(waited[i], ended[i]);
    share_too_long[i] = percent(too_long[i], ended[i]);
  }
  for (std::size_t y = 0; y < years; ++y) {
    const std::size_t per_year = cells / years;
    double part = 0, whole = 0;
    for (std::size_t i = y * per_year; i < (y + 1) * per_year; ++i) {
      part += too_long[i];
      whole += ended[i];
    }
    share_too_long_total[y] = percent(part, whole);
  }

  std::ostringstream target;
  target << target_days;
  const std::vector<std::string> dims{"capacity_year", "bed_type", "region"};
  const std::vector<std::string> class_dims{"capacity_year", "priority_class", "bed_type", "region"};
  const std::string pooled_note =
      ", quantile of the waits of all replications pooled (fixed bins 0.54% wide, linear within a bin; NaN when "
      "nobody was admitted)";
  g.series = {
      {"wait_p50_days", "", "d", "median wait of those admitted in the year, by the bed type needed and home region" + pooled_note,
       source, dims, p50},
      {"wait_p90_days", "", "d",
       "90th percentile wait of those admitted in the year, by the bed type needed and home region" + pooled_note, source,
       dims, p90},
      {"wait_p50_days_by_class", "", "d", "median wait of those admitted in the year, by priority class" + pooled_note,
       source, class_dims, p50_by_class},
      {"wait_p90_days_by_class", "", "d", "90th percentile wait of those admitted in the year, by priority class" + pooled_note,
       source, class_dims, p90_by_class},
      {"pooled_admissions", "", "persons",
       "admissions in the year summed over replications: the number of waits behind the pooled quantiles", source, dims,
       admissions},
      {"share_waited", "", "percent",
       "of the people whose wait ended in the year (admitted, gave up or died waiting), those who waited at all, "
       "sums over replications (NaN when nobody's wait ended)", source, dims, share_waited},
      {"share_waited_longer_than_target", "", "percent",
       "of the people whose wait ended in the year (admitted, gave up or died waiting), those who waited longer than "
       "capacity.wait_target_days (" + target.str() + " d), sums over replications (NaN when nobody's wait ended)",
       source, dims, share_too_long},
      {"share_waited_longer_than_target_total", "", "percent",
       "share_waited_longer_than_target over all bed types and regions", source, {"capacity_year"}, share_too_long_total},
  };
  return g;
}

}  // namespace carecap::tools
