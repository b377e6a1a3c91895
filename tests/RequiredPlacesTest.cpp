// carecap. SPDX-License-Identifier: MIT
// The required childcare places (models/planning/RequiredPlaces.cpp): the least and minimal
// vector of an exhaustive enumeration on two bands of one town, the closed form of one pool in
// which every child, placed or waiting, leaves at the same exponential rate (the number of
// children wanting a place is then M/M/infinity, Poisson), the counting of failures, and the
// same result for any thread count.
#include "models/planning/RequiredPlaces.hpp"

#include <doctest/doctest.h>

#include <random>

#include <cmath>
#include <cstdio>
#include <vector>

#include "models/planning/ChildcareServiceRecorder.hpp"

using namespace carecap::planning;
using carecap::supply::Applicant;
using carecap::supply::ChildcareModel;

namespace {

constexpr int kFirstYear = 2030;

/// One town, no places at the start, market-tier families only; `fresh[b]` applications a year
/// in band b, the same every month, for `years` years.
ChildcareModel town(std::array<double, 4> fresh, int years) {
  ChildcareModel m;
  m.first_year = kFirstYear;
  m.last_year = kFirstYear + years - 1;
  m.regions = {"town"};
  for (double f : fresh) m.applications_per_month.emplace_back(static_cast<std::size_t>(12 * years), f);
  m.affordable_family_share.assign(static_cast<std::size_t>(years), {0.0, 0.0, 0.0, 0.0});
  return m;
}

bool all_met(const std::vector<AchievedLevel>& levels) {
  for (const AchievedLevel& a : levels)
    if (!a.met) return false;
  return true;
}

}  // namespace

TEST_CASE("a childcare failure is counted once, in the year the application becomes one") {
  // wait_days = 30; one stream; years 2030 and 2031.
  constexpr double kDay = 1.0 / 365.25;
  ChildcareServiceRecorder r(kFirstYear, 2, 1, 30.0);
  r.applied(0, 2030.2, Applicant::fresh, 1);  // placed at once: not a failure
  r.admitted(0, 2030.2, 0.0, 1, 1);
  r.applied(0, 2030.5, Applicant::moving_up, 1);  // waits 10 days, then placed: not a failure
  r.admitted(0, 2030.5 + 10 * kDay, 10 * kDay, 1, 1);
  r.applied(0, 2030.6, Applicant::fresh, 0);  // gives up (or ages out) after 5 days: a failure in 2030
  r.gave_up(0, 2030.6 + 5 * kDay, 5 * kDay, 0);
  r.applied(0, 2030.98, Applicant::again, 1);  // placed after 40 days: a failure on day 30, in 2031
  r.applied(0, 2030.99, Applicant::fresh, 1);  // still waiting when the run ends: a failure on day 30, in 2031
  r.admitted(0, 2030.98 + 40 * kDay, 40 * kDay, 1, 1);
  r.applied(0, 2031.99, Applicant::fresh, 1);  // still waiting at the end, for less than 30 days: not (yet) a failure
  r.finish(2032.0);
  CHECK(r.arrivals()[0][0] == 5);
  CHECK(r.arrivals()[1][0] == 1);
  CHECK(r.failures()[0][0] == 1);
  CHECK(r.failures()[1][0] == 2);
}

namespace {

/// Two bands with demand in one town (13-24 and 25-36 months: pools 2 and 3), two years, demand
/// rising; children in a place of 13-24 months move up first in line; families give up after
/// 0.1 years on average and withdraw at 0.2 a child-year. The bands interact: places of the
/// younger band decide who reaches the older one first in line.
ChildcareModel two_bands() {
  ChildcareModel m = town({0, 0, 24, 12}, 2);
  for (std::size_t month = 12; month < 24; ++month) {
    m.applications_per_month[2][month] = 30;
    m.applications_per_month[3][month] = 15;
  }
  m.mean_patience_years = 0.1;
  m.withdrawal_rate = 0.2;
  return m;
}

const ServiceLevel kLevel{30, 0.10, 0.8, {}, "test"};  // at most 10% wait over 30 days or leave unplaced, in 80%
constexpr int kK = 34;                                 // places 0..kK in each of the two pools

}  // namespace

TEST_CASE("on two bands, the search finds the least vector of an exhaustive enumeration, and it is minimal") {
  const ChildcareModel model = two_bands();
  RequiredPlacesSettings settings;
  settings.runs = {17, 10, 0};
  const RequiredPlaces found = find_required_places(model, kLevel, settings);
  PlacesPlan earlier;
  for (std::size_t y = 0; y < 2; ++y) {
    const std::int64_t a = found.places[y][2][0], b = found.places[y][3][0];
    std::printf("%d: required places 13-24 months %lld, 25-36 months %lld\n", kFirstYear + static_cast<int>(y),
                static_cast<long long>(a), static_cast<long long>(b));
    CHECK(found.places[y][0][0] == 0);  // no demand, no place
    CHECK(found.places[y][1][0] == 0);
    REQUIRE(a < kK);
    REQUIRE(b < kK);
    // Every vector of the year, earlier years fixed at the found ones.
    std::vector<std::vector<bool>> meets(kK + 1, std::vector<bool>(kK + 1));
    for (std::int64_t i = 0; i <= kK; ++i)
      for (std::int64_t j = 0; j <= kK; ++j) {
        PlacesPlan plan = earlier;
        plan.push_back({0, 0, i, j});
        meets[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)] = all_met(evaluate_places(model, plan, kLevel, settings.runs));
      }
    // The found vector meets the level; no other vector at or below it does (minimal, and one
    // place fewer in either pool fails); every vector meeting it lies at or above it (least).
    CHECK(meets[static_cast<std::size_t>(a)][static_cast<std::size_t>(b)]);
    int meeting = 0;
    for (std::int64_t i = 0; i <= kK; ++i)
      for (std::int64_t j = 0; j <= kK; ++j) {
        if (!meets[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)]) continue;
        ++meeting;
        INFO("year " << kFirstYear + static_cast<int>(y) << ": (" << i << ", " << j << ") meets, found (" << a << ", " << b << ")");
        CHECK(i >= a);
        CHECK(j >= b);
      }
    CHECK(meeting > 0);
    CHECK_FALSE(meets[static_cast<std::size_t>(a - 1)][static_cast<std::size_t>(b)]);
    CHECK_FALSE(meets[static_cast<std::size_t>(a)][static_cast<std::size_t>(b - 1)]);
    for (const auto& band : found.level[y]) CHECK(band[0].met);
    earlier.push_back({0, 0, a, b});
  }
  // The same result on one thread and on two, to the last bit.
  settings.runs.threads = 1;
  const RequiredPlaces one = find_required_places(model, kLevel, settings);
  settings.runs.threads = 2;
  const RequiredPlaces two = find_required_places(model, kLevel, settings);
  CHECK(one.places == found.places);
  CHECK(two.places == one.places);
  for (std::size_t y = 0; y < 2; ++y)
    for (std::size_t b = 0; b < 4; ++b) {
      CHECK(two.level[y][b][0].mean_share == one.level[y][b][0].mean_share);
      CHECK(two.level[y][b][0].share_high == one.level[y][b][0].share_high);
      CHECK(two.level[y][b][0].share_meeting == one.level[y][b][0].share_meeting);
    }
  CHECK(two.candidates == one.candidates);
}

namespace {

constexpr double kMu = 1000.0;  // withdrawals per child-year: a stay of 0.001 years (8.8 hours) on average, short
                                // against a year, so that starting empty is a transient of hours
constexpr int kReplications = 16;
constexpr double kMedianSe = 1.2533;  // SE of a sample median / SE of the mean, for a normal sample

/// P(N >= c) for N Poisson with mean a: the share of applications that find every place taken.
double poisson_tail(int c, double a) {
  double term = std::exp(-a), below = 0;
  for (int k = 0; k < c; ++k) {
    below += term;
    term *= a / (k + 1);
  }
  return 1.0 - below;
}

}  // namespace

TEST_CASE("in one pool where every child leaves at the same rate, the required places are the least c with the Poisson tail <= the share") {
  // The closed form (not Erlang C): one pool (25-36 months, a band of a million years, so no child
  // ages out), applications Poisson at A x mu a year, families withdrawing at mu a child-year
  // whether placed or waiting, nobody giving up. Every child wanting a place leaves at rate mu
  // whatever the places, so their number N is that of an M/M/infinity queue, Poisson with mean A
  // (Erlang A with abandonment rate = service rate); an application waits (wait_days = 0: any
  // wait, or leaving the list, is a failure) when it finds N >= c (PASTA): P(N >= c). The M/M/c
  // of Erlang C cannot be made: a waiting family withdraws at the same rate as a placed one.
  for (const auto& [erlangs, share] : {std::pair{5.0, 0.10}, std::pair{10.0, 0.11}, std::pair{20.0, 0.135}}) {
    CAPTURE(erlangs);
    ChildcareModel model = town({0, 0, 0, erlangs * kMu}, 2);
    model.band_years = {0.5, 0.5, 1.0, 1e6};
    model.fresh_at_band_start = {false, false, false, true};
    model.withdrawal_rate = kMu;
    model.mean_patience_years = 0;  // never gives up
    // probability 0.5: the level holds when the median replication's share does (RequiredCapacityTest).
    const ServiceLevel level{0, share, 0.5, {}, "textbook"};
    RequiredPlacesSettings settings;
    settings.runs = {20261206, kReplications, 0};
    int c = 0;
    while (poisson_tail(c, erlangs) > share) ++c;
    const RequiredPlaces found = find_required_places(model, level, settings);
    for (int k : {c - 1, c}) {
      const AchievedLevel a = evaluate_places(model, {{0, 0, 0, k}}, level, settings.runs)[3];
      const double se = a.share_sd / std::sqrt(kReplications);
      std::printf("A %5.1f  share %.3f  c %3d  places %3d  Poisson tail %.4f  simulated %.4f  SE %.4f  gap/SE(median) %.1f\n",
                  erlangs, share, c, k, poisson_tail(k, erlangs), a.mean_share, se,
                  std::abs(poisson_tail(k, erlangs) - share) / (kMedianSe * se));
      CHECK(std::abs(poisson_tail(k, erlangs) - share) > 3 * kMedianSe * se);  // the case separates c from c - 1
      CHECK(std::abs(a.mean_share - poisson_tail(k, erlangs)) <= 3 * se);     // the measure is the closed form's
    }
    for (std::size_t y = 0; y < 2; ++y) {
      CHECK(found.places[y][3][0] == c);
      CHECK(found.places[y][2][0] == 0);
    }
  }
}

TEST_CASE("places simulated from a run's snapshot of 1 January equal, bit for bit, places simulated from the first year") {
  // The search simulates each candidate of year y from a snapshot on 1 January y (ChildcareSnapshot).
  // Random places over three years of two bands, evaluated in a search's order and again with other
  // earlier years (the snapshots are rebuilt), with and without snapshots: the levels agree exactly.
  ChildcareModel model = town({0, 0, 24, 12}, 3);
  model.mean_patience_years = 0.1;
  model.withdrawal_rate = 0.2;
  const CandidateRuns runs{17, 6, 2};
  ChildcareSnapshots snapshots;
  std::mt19937 random(3);
  std::uniform_int_distribution<std::int64_t> places(0, 30);
  const auto random_year = [&] { return std::vector<std::int64_t>{0, 0, places(random), places(random)}; };
  int compared = 0;
  for (int pass = 0; pass < 2; ++pass) {
    PlacesPlan fixed;
    for (int y = 0; y < 3; ++y) {
      for (int candidate = 0; candidate < 4; ++candidate) {
        PlacesPlan plan = fixed;
        plan.push_back(random_year());
        const auto from_start = evaluate_places(model, plan, kLevel, runs);
        const auto from_snapshot = evaluate_places(model, plan, kLevel, runs, snapshots);
        REQUIRE(from_start.size() == from_snapshot.size());
        for (std::size_t s = 0; s < from_start.size(); ++s) {
          CAPTURE(pass);
          CAPTURE(y);
          CAPTURE(s);
          CHECK(from_snapshot[s].arrivals == from_start[s].arrivals);
          CHECK(from_snapshot[s].mean_share == from_start[s].mean_share);
          CHECK(from_snapshot[s].share_meeting == from_start[s].share_meeting);
          ++compared;
        }
      }
      fixed.push_back(random_year());
    }
  }
  CHECK(compared == 2 * 3 * 4 * 4);  // passes x years x candidates x streams (4 bands x 1 town)
}
