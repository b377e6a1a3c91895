// carecap. SPDX-License-Identifier: MIT
// The capacity simulation (models/supply/CapacitySimulation.cpp) against closed-form queueing
// theory: Erlang B for a loss system, Erlang C for an unlimited waiting list, the insensitivity of
// Erlang B to the length-of-stay distribution, and Little's law. Each estimate is the mean over
// independent replications and must lie within 3 standard errors of the formula.
#include <doctest/doctest.h>

#include <cmath>
#include <functional>
#include <vector>

#include "models/supply/CapacityRecorder.hpp"
#include "models/supply/CapacitySimulation.hpp"

#include "tests/ErlangFormulas.hpp"

using namespace carecap::supply;

using carecap::testing::erlang_b;
using carecap::testing::erlang_c;

namespace {

constexpr int kFirstYear = 2000;
constexpr int kYears = 100;
constexpr int kReplications = 24;

/// One region, general-bed demand only, arriving at `arrivals_per_year`, stays with mean
/// `mean_stay` years, `beds` beds, waiting list cap `cap` (0: loss system; < 0: unlimited).
CapacityModel single_pool(double arrivals_per_year, double mean_stay, std::int64_t beds, std::int64_t cap,
                          StayDistribution distribution = StayDistribution::exponential, double shape = 1.0) {
  CapacityModel m;
  m.first_year = kFirstYear;
  m.last_year = kFirstYear + kYears - 1;
  m.regions = {"town"};
  m.capacity = {{static_cast<double>(kFirstYear), 0, 0, beds}};
  m.arrivals = {{0, 0, std::vector<double>(kYears, arrivals_per_year)}};
  m.acceptable_beds = {std::vector<int>{0}, std::vector<int>{1}, std::vector<int>{2}};
  for (auto& s : m.stay) s = LengthOfStay{distribution, mean_stay, shape, 0.5};
  m.waiting_list_cap = cap;
  return m;
}

/// Runs `replications` replications and returns one estimate per replication, computed from
/// the yearly stream results after the first (warm-up) year.
std::vector<double> estimates(const CapacityModel& model, const std::function<double(const CapacityResult&)>& estimate) {
  std::vector<double> out;
  const carecap::sim::RandomStreams streams(20261123);
  for (int r = 0; r < kReplications; ++r) {
    CapacityRecorder recorder(model.first_year, 3, 3, static_cast<int>(model.units.size()));
    CapacitySimulation(model, streams, static_cast<std::uint64_t>(r), recorder).run();
    out.push_back(estimate(recorder.take_result()));
  }
  return out;
}

/// Sum of a stream-0 quantity over the years after the first.
double total(const CapacityResult& r, double StreamYear::*field) {
  double sum = 0;
  for (std::size_t y = 1; y < r.streams.size(); ++y) sum += r.streams[y][0].*field;
  return sum;
}

/// Mean and standard error of the mean.
std::pair<double, double> mean_and_se(const std::vector<double>& values) {
  double sum = 0, sum_sq = 0;
  for (double v : values) {
    sum += v;
    sum_sq += v * v;
  }
  const double n = static_cast<double>(values.size());
  const double mean = sum / n;
  return {mean, std::sqrt((sum_sq - n * mean * mean) / (n - 1) / n)};
}

#define CHECK_WITHIN_3_SE(values, expected)                                                   \
  do {                                                                                         \
    const auto [mean_, se_] = mean_and_se(values);                                             \
    INFO("simulated " << mean_ << " +- " << se_ << " (1 SE), formula " << (expected));         \
    CHECK(std::abs(mean_ - (expected)) <= 3 * se_);                                            \
  } while (false)

}  // namespace

TEST_CASE("a full loss system turns away the Erlang B share of arrivals") {
  // Offered load a = arrival rate x mean stay.
  SUBCASE("10 beds, 8 erlangs (B = 0.1217)") {
    const auto blocked = estimates(single_pool(80, 0.1, 10, 0), [](const CapacityResult& r) {
      return total(r, &StreamYear::turned_away) / total(r, &StreamYear::arrivals);
    });
    CHECK_WITHIN_3_SE(blocked, erlang_b(10, 8.0));
  }
  SUBCASE("50 beds, 45 erlangs (B = 0.0703)") {
    const auto blocked = estimates(single_pool(450, 0.1, 50, 0), [](const CapacityResult& r) {
      return total(r, &StreamYear::turned_away) / total(r, &StreamYear::arrivals);
    });
    CHECK_WITHIN_3_SE(blocked, erlang_b(50, 45.0));
  }
}

TEST_CASE("Erlang B blocking does not depend on the length-of-stay distribution, only its mean") {
  const auto blocking = [](const CapacityResult& r) {
    return total(r, &StreamYear::turned_away) / total(r, &StreamYear::arrivals);
  };
  SUBCASE("Weibull stays with shape 0.5 (long tail)") {
    CHECK_WITHIN_3_SE(estimates(single_pool(80, 0.1, 10, 0, StayDistribution::weibull, 0.5), blocking), erlang_b(10, 8.0));
  }
  SUBCASE("Weibull stays with shape 3 (nearly fixed)") {
    CHECK_WITHIN_3_SE(estimates(single_pool(80, 0.1, 10, 0, StayDistribution::weibull, 3.0), blocking), erlang_b(10, 8.0));
  }
  SUBCASE("log-normal stays with sigma 1") {
    CHECK_WITHIN_3_SE(estimates(single_pool(80, 0.1, 10, 0, StayDistribution::lognormal, 1.0), blocking), erlang_b(10, 8.0));
  }
}

TEST_CASE("with an unlimited waiting list the share who wait and the mean wait follow Erlang C") {
  // 10 beds, 8 erlangs: P(wait) = C(10, 8) = 0.4092; mean wait = C / (c mu - lambda) years.
  const CapacityModel model = single_pool(80, 0.1, 10, -1);
  const double c = erlang_c(10, 8.0);
  const auto waited = estimates(model, [](const CapacityResult& r) {
    return total(r, &StreamYear::admitted_after_waiting) / total(r, &StreamYear::admitted);
  });
  CHECK_WITHIN_3_SE(waited, c);
  const auto mean_wait_days = estimates(model, [](const CapacityResult& r) {
    double weighted = 0;
    for (std::size_t y = 1; y < r.streams.size(); ++y) weighted += r.streams[y][0].wait_mean_days * r.streams[y][0].admitted;
    return weighted / total(r, &StreamYear::admitted);
  });
  CHECK_WITHIN_3_SE(mean_wait_days, 365.25 * c / (10 * 10.0 - 80.0));

  SUBCASE("Little's law: people waiting = arrival rate x mean wait") {
    const auto gap = estimates(model, [](const CapacityResult& r) {
      double waiting = 0, rate = 0, wait_years = 0;
      for (std::size_t y = 1; y < r.streams.size(); ++y) {
        waiting += r.streams[y][0].mean_waiting;
        rate += r.streams[y][0].admitted;
        wait_years += r.streams[y][0].wait_mean_days / 365.25 * r.streams[y][0].admitted;
      }
      const double years = static_cast<double>(r.streams.size() - 1);
      return waiting / years - (rate / years) * (wait_years / rate);
    });
    CHECK_WITHIN_3_SE(gap, 0.0);
  }
}

TEST_CASE("beds opened at time t serve the people waiting at t at once") {
  // No beds until 1 January 2001, when 5 open; 50 arrivals a year wait meanwhile (Weibull stays
  // of shape 20 and mean 100 years: nobody leaves within years). Exactly 5 are admitted in 2001,
  // all at the opening instant, all of them people who were already waiting.
  CapacityModel model = single_pool(50, 100.0, 0, -1, StayDistribution::weibull, 20.0);
  model.capacity.push_back({2001.0, 0, 0, 5});
  CapacityRecorder recorder(model.first_year, 3, 3, static_cast<int>(model.units.size()));
  CapacitySimulation(model, carecap::sim::RandomStreams(1), 0, recorder).run();
  const CapacityResult r = recorder.take_result();
  CHECK(r.streams[0][0].admitted == 0);
  CHECK(r.streams[1][0].admitted == 5);
  CHECK(r.pools[1][0].mean_capacity == doctest::Approx(5));
  CHECK(r.streams[1][0].admitted_after_waiting == 5);
  CHECK(r.streams[1][0].wait_p90_days < 365.25);  // they had waited less than the year 2000
}
