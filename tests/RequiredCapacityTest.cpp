// carecap. SPDX-License-Identifier: MIT
// The required capacity (models/planning/RequiredCapacity.cpp): exact on the textbook single
// pool (Erlang C when any wait is a failure, the exact M/M/c wait tail otherwise), feasible and
// minimal on a two-town case with substitution and spill-over, monotone in beds, and the same for
// any thread count.
#include "models/planning/RequiredCapacity.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <cstdio>
#include <algorithm>
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

TEST_CASE("a failure is counted once, in the year the person becomes one") {
  // wait_days = 30; one stream; years 2030 and 2031.
  constexpr double kDay = 1.0 / 365.25;
  ServiceLevelRecorder r(kFirstYear, 2, 1, 30.0);
  r.arrived(0, 2030.2);  // admitted at once: not a failure
  r.admitted(0, 0, 2030.2, 0.0, false, false);
  r.arrived(0, 2030.5);  // waits 10 days, then admitted: not a failure
  r.joined_waiting(0, 2030.5);
  r.admitted(0, 0, 2030.5 + 10 * kDay, 10 * kDay, false, false);
  r.arrived(0, 2030.6);  // gives up after 5 days: a failure in 2030 (leaving unserved counts, however short the wait)
  r.joined_waiting(0, 2030.6);
  r.left_waiting(0, 2030.6 + 5 * kDay, 5 * kDay, false, false);
  r.arrived(0, 2030.7);  // turned away by a full list: a failure in 2030
  r.turned_away(0, 2030.7);
  r.arrived(0, 2030.98);  // admitted after 40 days: a failure on day 30, 2031.06, so in 2031
  r.joined_waiting(0, 2030.98);
  r.arrived(0, 2030.99);  // still waiting when the run ends: a failure on day 30, in 2031
  r.joined_waiting(0, 2030.99);
  r.admitted(0, 0, 2030.98 + 40 * kDay, 40 * kDay, false, false);
  r.arrived(0, 2031.99);  // still waiting at the end, for less than 30 days: not (yet) a failure
  r.joined_waiting(0, 2031.99);
  r.finish(2032.0);
  CHECK(r.arrivals()[0][0] == 6);
  CHECK(r.arrivals()[1][0] == 1);
  CHECK(r.failures()[0][0] == 2);
  CHECK(r.failures()[1][0] == 2);
}

TEST_CASE("with no beds and wait_days = 0, every arrival is a failure in the year of its arrival") {
  const CapacityModel model = textbook(2);
  const CapacityModel m = with_capacities(model, constant(0, kYears));
  ServiceLevelRecorder recorder(kFirstYear, kYears, 3, 0.0);
  carecap::supply::CapacitySimulation(m, carecap::sim::RandomStreams(3), 0, recorder).run();
  recorder.finish(kFirstYear + kYears);
  for (int y = 0; y < kYears; ++y) {
    CHECK(recorder.arrivals()[static_cast<std::size_t>(y)][0] > 1000);
    CHECK(recorder.failures()[static_cast<std::size_t>(y)][0] == recorder.arrivals()[static_cast<std::size_t>(y)][0]);
  }
}

namespace {

/// Two towns, three years, demand rising 10% a year, the default substitution (general demand
/// may take a nursing bed, dementia demand a nursing bed) and spill-over to the other town;
/// people give up (mean 0.1 years) or die waiting (1 a person-year); a fifth in the priority
/// class; 10 general beds in the north at the start, half of them occupied.
CapacityModel two_towns() {
  CapacityModel m;
  m.first_year = kFirstYear;
  m.last_year = kFirstYear + 2;
  m.regions = {"north", "south"};
  const auto rising = [](double first) { return std::vector<double>{first, 1.1 * first, 1.21 * first}; };
  m.arrivals = {{0, 0, rising(400)}, {0, 1, rising(200)}, {1, 0, rising(300)}, {1, 1, rising(150)}, {2, 0, rising(60)}};
  m.acceptable_beds = {std::vector<int>{0, 1}, std::vector<int>{1}, std::vector<int>{2, 1}};
  m.stay = {LengthOfStay{StayDistribution::weibull, 0.05, 1.5, 0.3}, LengthOfStay{StayDistribution::exponential, 0.08, 1.0, 0.7},
            LengthOfStay{StayDistribution::lognormal, 0.06, 0.8, 0.6}};
  m.mean_patience_years = 0.1;
  m.waiting_death_rate = 1.0;
  m.priority_share = 0.2;
  m.capacity = {{static_cast<double>(kFirstYear), 0, 0, 10}};
  m.initial_occupancy = 0.5;
  return m;
}

const ServiceLevel kTwoTownLevel{7, 0.10, 0.8, {}, "test"};  // at most 10% wait over a week, in 80% of replications

/// The found beds as a plan: [year][bed_type x regions + region].
CapacityPlan as_plan(const RequiredCapacity& found) {
  CapacityPlan plan;
  for (const auto& year : found.beds) {
    plan.emplace_back();
    for (const auto& type : year)
      for (std::int64_t beds : type) plan.back().push_back(beds);
  }
  return plan;
}

/// Failures of every replication: [replication][year][stream], persons.
std::vector<std::vector<std::vector<double>>> failures(const CapacityModel& model, const CapacityPlan& plan, int replications,
                                                      double wait_days = kTwoTownLevel.wait_days) {
  const CapacityModel m = with_capacities(model, plan);
  std::vector<std::vector<std::vector<double>>> out;
  for (int r = 0; r < replications; ++r) {
    ServiceLevelRecorder recorder(m.first_year, static_cast<int>(plan.size()), 3 * static_cast<int>(m.regions.size()), wait_days);
    carecap::supply::CapacitySimulation(m, carecap::sim::RandomStreams(11), static_cast<std::uint64_t>(r), recorder).run();
    recorder.finish(m.last_year + 1.0);
    out.push_back(recorder.failures());
  }
  return out;
}

}  // namespace

TEST_CASE("in two towns with substitution and spill-over, the found beds meet the level and none can be spared") {
  const CapacityModel model = two_towns();
  RequiredCapacitySettings settings;
  settings.runs = {7, 10, 1};
  const RequiredCapacity found = find_required_capacity(model, kTwoTownLevel, settings);
  const CapacityPlan plan = as_plan(found);
  for (std::size_t y = 0; y < plan.size(); ++y) {
    std::printf("%d beds (general, nursing, dementia x north, south):", kFirstYear + static_cast<int>(y));
    for (std::int64_t beds : plan[y]) std::printf(" %lld", static_cast<long long>(beds));
    std::printf("\n");
    for (const auto& type : found.level[y])
      for (const AchievedLevel& a : type) CHECK(a.met);
  }
  std::printf("%llu candidates, %llu simulations\n", static_cast<unsigned long long>(found.candidates),
              static_cast<unsigned long long>(found.simulations));
  CHECK(plan[0][0] > 0);  // the north's general demand has general beds of its own
  // One bed fewer in any single pool of the last year fails some stream.
  for (std::size_t p = 0; p < plan.back().size(); ++p) {
    if (plan.back()[p] == 0) continue;
    CapacityPlan fewer = plan;
    --fewer.back()[p];
    const auto levels = evaluate_candidate(model, fewer, kTwoTownLevel, settings.runs);
    INFO("pool " << p);
    CHECK_FALSE(std::all_of(levels.begin(), levels.end(), [](const AchievedLevel& a) { return a.met; }));
  }
  // The same result on two threads as on one, to the last bit.
  settings.runs.threads = 2;
  const RequiredCapacity again = find_required_capacity(model, kTwoTownLevel, settings);
  CHECK(again.beds == found.beds);
  for (std::size_t y = 0; y < plan.size(); ++y)
    for (std::size_t b = 0; b < found.level[y].size(); ++b)
      for (std::size_t r = 0; r < found.level[y][b].size(); ++r) {
        CHECK(again.level[y][b][r].mean_share == found.level[y][b][r].mean_share);
        CHECK(again.level[y][b][r].share_high == found.level[y][b][r].share_high);
      }
}

TEST_CASE("in one pool, more beds never give any replication more failures in any year (the search's assumption)") {
  // Random plans for one pool with giving up, deaths while waiting, priority classes, long-tailed
  // stays and a warm start; 1-3 more beds from a random year on. With the same random numbers no
  // replication counts more failures in any year. (Kiefer and Wolfowitz's order of waits for
  // first-come first-served servers, kept here with people leaving the list.)
  CapacityModel model = textbook(5);
  model.last_year = kFirstYear + 2;
  model.arrivals[0].rate_per_year = {5000, 5500, 6000};
  model.mean_patience_years = 0.0005;
  model.waiting_death_rate = 100;
  model.priority_share = 0.2;
  model.stay[0] = LengthOfStay{StayDistribution::weibull, 0.001, 0.7, 0.5};
  model.capacity = {{static_cast<double>(kFirstYear), 0, 0, 5}};
  model.initial_occupancy = 0.6;
  std::mt19937 random(7);
  std::uniform_int_distribution<std::int64_t> beds(0, 9), more(1, 3);
  std::uniform_int_distribution<int> year(0, 2);
  for (int trial = 0; trial < 8; ++trial) {
    CapacityPlan base(3, std::vector<std::int64_t>(3, 0));
    for (auto& y : base) y[0] = beds(random);
    CapacityPlan bigger = base;
    const int from = year(random);
    const std::int64_t extra = more(random);
    for (int y = from; y < 3; ++y) bigger[static_cast<std::size_t>(y)][0] += extra;
    const auto before = failures(model, base, 4, 0.1), after = failures(model, bigger, 4, 0.1);  // a failure: over 0.1 days
    for (std::size_t r = 0; r < before.size(); ++r)
      for (std::size_t y = 0; y < 3; ++y) {
        INFO("trial " << trial << ": +" << extra << " beds from " << kFirstYear + from << ", replication " << r << ", year "
                      << kFirstYear + static_cast<int>(y));
        CHECK(after[r][y][0] <= before[r][y][0]);
      }
  }
}

TEST_CASE("in two towns, more beds in a pool never make its own stream fail more over the replications") {
  // Random plans for the two towns; one pool gets 1-10 more beds from a random year on; its own
  // stream's failures, summed over 10 replications with the same random numbers, do not rise in
  // any year. (Other streams' may, a little: beds of one pool shift who is served where. In 40
  // such trials 20 of 680 other-stream sums rose, by up to 13%; docs/capacity.md. Not asserted.)
  const CapacityModel model = two_towns();
  std::mt19937 random(2026);
  std::uniform_int_distribution<std::int64_t> beds(0, 40), more(1, 10);
  std::uniform_int_distribution<int> pool(0, 4), year(0, 2);  // pool 5 (dementia, south) has no stream of its own
  for (int trial = 0; trial < 8; ++trial) {
    CapacityPlan base(3, std::vector<std::int64_t>(6));
    for (auto& y : base)
      for (auto& b : y) b = beds(random);
    CapacityPlan bigger = base;
    const int p = pool(random), from = year(random);
    const std::int64_t extra = more(random);
    for (int y = from; y < 3; ++y) bigger[static_cast<std::size_t>(y)][static_cast<std::size_t>(p)] += extra;
    const auto before = failures(model, base, 10), after = failures(model, bigger, 10);
    for (std::size_t y = 0; y < 3; ++y) {
      double sum_before = 0, sum_after = 0;
      for (std::size_t r = 0; r < before.size(); ++r) {
        sum_before += before[r][y][static_cast<std::size_t>(p)];
        sum_after += after[r][y][static_cast<std::size_t>(p)];
      }
      INFO("trial " << trial << ": pool " << p << " +" << extra << " from " << kFirstYear + from << ", year "
                    << kFirstYear + static_cast<int>(y));
      CHECK(sum_after <= sum_before);
    }
  }
}

TEST_CASE("a candidate simulated from its run's snapshot of 1 January equals, bit for bit, one simulated from the first year") {
  // The search simulates each candidate of year y from a snapshot of the run on 1 January y
  // (CapacitySnapshot). Random plans over the three years of two towns, evaluated in the order a
  // search makes them (later years, then an earlier year again, which rebuilds the snapshot), with
  // and without snapshots: every stream's arrivals and level agree exactly.
  const CapacityModel model = two_towns();
  const CandidateRuns runs{13, 6, 2};
  const CandidateEnsemble ensemble = CandidateEnsemble::of(model, runs);
  CapacitySnapshots snapshots;
  std::mt19937 random(5);
  std::uniform_int_distribution<std::int64_t> beds(0, 120);
  const auto random_year = [&] {
    std::vector<std::int64_t> year(6);
    for (auto& b : year) b = beds(random);
    return year;
  };
  CapacityPlan fixed;
  int compared = 0;
  for (int pass = 0; pass < 2; ++pass) {
    fixed.clear();
    for (int y = 0; y < 3; ++y) {
      for (int candidate = 0; candidate < 4; ++candidate) {
        CapacityPlan plan = fixed;
        plan.push_back(random_year());
        const auto from_start = evaluate_candidate(model, plan, kTwoTownLevel, runs);
        const auto from_snapshot = evaluate_candidate(ensemble, plan, kTwoTownLevel, snapshots);
        REQUIRE(from_start.size() == from_snapshot.size());
        for (std::size_t s = 0; s < from_start.size(); ++s) {
          CAPTURE(pass);
          CAPTURE(y);
          CAPTURE(s);
          CHECK(from_snapshot[s].arrivals == from_start[s].arrivals);
          CHECK(from_snapshot[s].mean_share == from_start[s].mean_share);
          CHECK(from_snapshot[s].share_high == from_start[s].share_high);
          CHECK(from_snapshot[s].share_meeting == from_start[s].share_meeting);
          ++compared;
        }
      }
      fixed.push_back(random_year());  // the year's found beds: another vector than any candidate's
    }
  }
  CHECK(compared == 2 * 3 * 4 * 6);  // passes x years x candidates x streams (3 demand types x 2 towns)
}
