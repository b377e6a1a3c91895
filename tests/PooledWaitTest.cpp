// carecap. SPDX-License-Identifier: MIT
// Waits pooled over replications (tools/run/PooledWaits.cpp) against Erlang C: a single pool that
// reduces to M/M/c (c = 10 beds, 80 arrivals a year, exponential stays of mean 0.1 year, so
// a = 8 erlangs; nobody gives up or dies waiting; no capacity changes). The waiting time W has
// P(W > 0) = C(c, a) and P(W > t) = C(c, a) exp(-(c mu - lambda) t), so its 90th percentile is
// t90 = ln(10 C) / (c mu - lambda) = 0.0704 years = 25.7 days (0.70 mean stays). A year spans
// only 10 mean stays: the mean of each replication-year's own 90th percentile is about 0.48 mean
// stays, far from t90; the quantile of the pooled waits estimates t90.
#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "models/supply/CapacityRecorder.hpp"
#include "models/supply/CapacitySeries.hpp"
#include "models/supply/CapacitySimulation.hpp"
#include "tools/run/PooledWaits.hpp"

#include "tests/ErlangFormulas.hpp"

using namespace carecap;
using namespace carecap::supply;

using carecap::testing::erlang_b;
using carecap::testing::erlang_c;

namespace {

constexpr int kFirstYear = 2000;
constexpr int kYears = 12;
constexpr int kWarmUpYears = 2;  // the pool starts empty; the queue settles within about a year (relaxation time ~ 1 / (c mu (1 - sqrt(rho))^2) = 0.9 year)
constexpr int kReplications = 6000;
constexpr int kBeds = 10;
constexpr double kArrivalsPerYear = 80, kMeanStayYears = 0.1;

/// One region, general-bed demand only, unlimited waiting list, nobody leaves it unserved.
CapacityModel mmc_pool() {
  CapacityModel m;
  m.first_year = kFirstYear;
  m.last_year = kFirstYear + kYears - 1;
  m.regions = {"town"};
  m.capacity = {{static_cast<double>(kFirstYear), 0, 0, kBeds}};
  m.arrivals = {{0, 0, std::vector<double>(kYears, kArrivalsPerYear)}};
  m.acceptable_beds = {std::vector<int>{0}, std::vector<int>{1}, std::vector<int>{2}};
  for (auto& s : m.stay) s = LengthOfStay{StayDistribution::exponential, kMeanStayYears, 1.0, 0.5};
  m.waiting_list_cap = -1;
  return m;
}

/// Waits in `h` longer than `days`, counting a bin's waits as spread evenly over it (as the
/// quantiles do).
double count_longer(const WaitHistogram& h, double days) {
  double n = 0;
  for (const auto& b : h.bins) {
    const double low = wait_bin_upper_days(b.bin - 1), high = wait_bin_upper_days(b.bin);
    if (b.bin == 0 || high <= days) continue;
    n += low >= days ? b.count : b.count * (high - days) / (high - low);
  }
  return n;
}

/// A ratio of sums over replications, sum(part) / sum(whole), and its standard error from the
/// spread of the replications (the ratio estimator's linearisation: replications are independent,
/// the events within one are not, so each replication is one batch).
std::pair<double, double> pooled_ratio(const std::vector<double>& part, const std::vector<double>& whole) {
  double sum_part = 0, sum_whole = 0;
  for (std::size_t r = 0; r < part.size(); ++r) {
    sum_part += part[r];
    sum_whole += whole[r];
  }
  const double ratio = sum_part / sum_whole, n = static_cast<double>(part.size());
  double spread = 0;
  for (std::size_t r = 0; r < part.size(); ++r) spread += std::pow(part[r] - ratio * whole[r], 2);
  const double mean_whole = sum_whole / n;
  return {ratio, std::sqrt(spread / (n - 1) / n) / mean_whole};
}

}  // namespace

TEST_CASE("each year's pooled 90th percentile wait and share who waited follow Erlang C") {
  const CapacityModel model = mmc_pool();
  const sim::RandomStreams streams(20260418);
  // The run as run_scenario leaves it: each replication's capacity group and wait histograms.
  tools::ScenarioRunResult run;
  std::vector<CapacityResult> results;
  for (int r = 0; r < kReplications; ++r) {
    CapacityRecorder recorder(model.first_year, 3, 3, 0);
    CapacitySimulation(model, streams, static_cast<std::uint64_t>(r), recorder).run();
    results.push_back(recorder.take_result());
    run.replications.push_back({capacity_series(results.back(), model, SupplyParameters{}, CapacitySettings{})});
    run.capacity_waits.push_back(results.back().waits);
  }
  scenarios::Scenario scenario;
  scenario.supply = scenarios::SupplyScenario{};
  const ResultGroup group = tools::capacity_waits_group(scenario, run);
  const auto values = [&](const char* name) {
    for (const auto& s : group.series)
      if (s.name == name) return s.values;
    FAIL("no series " << name);
    return std::vector<double>{};
  };
  const std::vector<double> p90 = values("wait_p90_days"), share_waited = values("share_waited");
  const std::size_t cells = 3;  // bed types x one region; the general stream is cell 0

  const double c = erlang_c(kBeds, kArrivalsPerYear * kMeanStayYears);
  const double theta = kBeds / kMeanStayYears - kArrivalsPerYear;  // c mu - lambda, per year
  const double t90_days = kDaysPerYear * std::log(10 * c) / theta;
  const double density_at_t90 = theta / kDaysPerYear * 0.1;  // f(t90) = theta P(W > t90), per day
  MESSAGE("Erlang C: C(10, 8) = " << c << ", t90 = " << t90_days << " d");

  std::vector<double> all_waited(kReplications, 0.0), all_admitted(kReplications, 0.0);
  for (int y = kWarmUpYears; y < kYears; ++y) {
    const auto year = static_cast<std::size_t>(y);
    // Standard error of the pooled quantile: to first order q90_hat - t90 = (P_hat(W > t90) - 0.1)
    // / f(t90), where P_hat is the pooled share of the year's waits longer than t90. Its standard
    // error comes from the replications' counts (batch means, one batch per replication), which
    // allows for the strong correlation of successive waits within a replication; the binomial
    // error sqrt(0.09 / n) of n independent waits is shown beside it for comparison.
    std::vector<double> longer(kReplications), admitted(kReplications), waited(kReplications), mean_p90(kReplications);
    for (int r = 0; r < kReplications; ++r) {
      const auto& result = results[static_cast<std::size_t>(r)];
      const WaitHistogram both = tools::both_classes(result.waits[year][0]);
      longer[static_cast<std::size_t>(r)] = count_longer(both, t90_days);
      admitted[static_cast<std::size_t>(r)] = result.streams[year][0].admitted;
      waited[static_cast<std::size_t>(r)] = result.streams[year][0].admitted_after_waiting;
      mean_p90[static_cast<std::size_t>(r)] = result.streams[year][0].wait_p90_days;
      all_waited[static_cast<std::size_t>(r)] += waited[static_cast<std::size_t>(r)];
      all_admitted[static_cast<std::size_t>(r)] += admitted[static_cast<std::size_t>(r)];
    }
    const auto [tail, tail_se] = pooled_ratio(longer, admitted);
    const double q90_se = tail_se / density_at_t90;
    double n = 0, replication_p90 = 0;
    for (int r = 0; r < kReplications; ++r) {
      n += admitted[static_cast<std::size_t>(r)];
      replication_p90 += mean_p90[static_cast<std::size_t>(r)] / kReplications;
    }
    const double binomial_se = std::sqrt(0.1 * 0.9 / n) / density_at_t90;
    const double q90 = p90[year * cells];
    const auto [share, share_se] = pooled_ratio(waited, admitted);
    INFO("year " << kFirstYear + y << ": pooled p90 " << q90 << " d +- " << q90_se << " (batch means; binomial "
                 << binomial_se << "), Erlang C " << t90_days << "; share waited " << share << " +- " << share_se
                 << ", Erlang C " << c);
    MESSAGE("year " << kFirstYear + y << ": pooled p90 " << q90 << " d, SE " << q90_se << " (binomial " << binomial_se
                    << "); mean of replications' p90 " << replication_p90 << " d; share waited "
                    << share_waited[year * cells] / 100 << " +- " << share_se);
    CHECK(std::abs(q90 - t90_days) <= 3 * q90_se);
    CHECK(share_waited[year * cells] / 100 == doctest::Approx(share));
    CHECK(std::abs(share - c) <= 3 * share_se);
  }
  const auto [share, share_se] = pooled_ratio(all_waited, all_admitted);
  MESSAGE("all years: share waited " << share << " +- " << share_se << " (1 SE), Erlang C " << c);
  CHECK(std::abs(share - c) <= 3 * share_se);
}

TEST_CASE("wait bins: a wait falls in the bin whose edges enclose it, and quantiles invert the histogram") {
  CHECK(wait_bin(0.0) == 0);
  CHECK(wait_bin(0.005) == 1);
  for (double days : {0.02, 1.0, 25.7, 90.0, 3650.0}) {
    const int b = wait_bin(days);
    CHECK(wait_bin_upper_days(b - 1) < days);
    CHECK(days <= wait_bin_upper_days(b) * (1 + 1e-12));
    CHECK(wait_bin_upper_days(b) / wait_bin_upper_days(b - 1) == doctest::Approx(std::exp2(1.0 / 128)));
  }
  CHECK(wait_bin(1e6) == kWaitOverflowBin);
  // 6 waits of 0 and 4 in one bin: the median is 0, the 80th percentile halfway through the bin.
  const int b = wait_bin(10.0);
  const WaitHistogram h{{{0, 6.0}, {b, 4.0}}};
  CHECK(wait_quantile_days(h, 0.5) == 0.0);
  CHECK(wait_quantile_days(h, 0.8) ==
        doctest::Approx((wait_bin_upper_days(b - 1) + wait_bin_upper_days(b)) / 2));
  // Pooling adds the replications' counts bin by bin.
  const YearlyWaits one{{{h, WaitHistogram{}}}};
  const YearlyWaits pooled = tools::pool_waits({one, one, one});
  CHECK(pooled[0][0][0].total() == doctest::Approx(30));
  CHECK(pooled[0][0][1].bins.empty());
}
