// carecap. SPDX-License-Identifier: MIT
// Behaviour of the capacity simulation (models/supply/CapacitySimulation.cpp) case by case.
#include "models/supply/CapacitySimulation.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <utility>
#include <vector>

#include "models/supply/CapacityRecorder.hpp"

using namespace carecap::supply;

namespace {

/// Records every arrival and admission, in order.
class EventLog final : public CapacityMonitor {
public:
  std::vector<std::pair<int, double>> arrivals;  // (stream, time)
  std::vector<std::pair<int, int>> admissions;   // (stream, pool)
  int turned_away_count = 0, gave_up_count = 0, died_waiting_count = 0;
  double priority_wait = 0, ordinary_wait = 0;
  int priority_admitted = 0, ordinary_admitted = 0;
  std::vector<CapacityLevelsNow> months;  // the levels at each month end

  void arrived(int stream, double time) override { arrivals.emplace_back(stream, time); }
  void admitted(int stream, int pool, double, double waited, bool priority, bool) override {
    admissions.emplace_back(stream, pool);
    (priority ? priority_wait : ordinary_wait) += waited;
    ++(priority ? priority_admitted : ordinary_admitted);
  }
  void turned_away(int, double) override { ++turned_away_count; }
  void joined_waiting(int, double) override {}
  void left_waiting(int, double, double, bool died, bool) override { ++(died ? died_waiting_count : gave_up_count); }
  void year_end(int, double, const CapacityYearLevels&) override {}
  void month_end(int, double, const CapacityLevelsNow& now) override { months.push_back(now); }
};

/// Two regions, all three demand types arriving at `rate` a year in each, `beds` beds of each
/// type in each region, exponential stays of `stay` years, over `years` years from 2024.
CapacityModel two_towns(double rate, std::int64_t beds, double stay = 2.0, int years = 5) {
  CapacityModel m;
  m.first_year = 2024;
  m.last_year = 2024 + years - 1;
  m.regions = {"north", "south"};
  for (int bed = 0; bed < 3; ++bed)
    for (int region = 0; region < 2; ++region) {
      m.capacity.push_back({2024.0, bed, region, beds});
      m.arrivals.push_back({bed, region, std::vector<double>(static_cast<std::size_t>(years), rate)});
    }
  m.acceptable_beds = {std::vector<int>{0, 1}, std::vector<int>{1}, std::vector<int>{2, 1}};
  for (auto& s : m.stay) s.mean_years = stay;
  return m;
}

EventLog run(const CapacityModel& model, std::uint64_t seed = 7) {
  EventLog log;
  CapacitySimulation(model, carecap::sim::RandomStreams(seed), 0, log).run();
  return log;
}

}  // namespace

TEST_CASE("two plan variants with the same seed see the same arrivals (common random numbers)") {
  // Variant A has 5 beds of each type per town, variant B 500 and a closure in 2026: who is
  // admitted differs, the people arriving do not.
  CapacityModel a = two_towns(40, 5);
  CapacityModel b = two_towns(40, 500);
  b.capacity.push_back({2026.0, 1, 0, -400});
  const EventLog log_a = run(a), log_b = run(b);
  REQUIRE(log_a.arrivals.size() > 1000);
  CHECK(log_a.arrivals == log_b.arrivals);
  CHECK(log_a.admissions != log_b.admissions);
  SUBCASE("another seed gives other arrivals") { CHECK(run(a, 8).arrivals != log_a.arrivals); }
}

TEST_CASE("a person takes an acceptable bed of another type, then a bed in another region, before waiting") {
  // North has no general beds but nursing beds; general demand in the north takes a nursing bed
  // there (pool = nursing x 2 regions + north = 2). Nursing demand may not take a general bed.
  CapacityModel m = two_towns(0, 0, 50.0, 1);
  m.capacity = {{2024.0, 1, 0, 1}, {2024.0, 0, 1, 1}};
  m.arrivals = {{0, 0, {1.0}}};  // general demand, north
  m.stay[0].mean_years = 50.0;
  // Run long enough for a few arrivals: the first takes the northern nursing bed, the second the
  // southern general bed, later ones wait.
  m.arrivals[0].rate_per_year = {20.0};
  const EventLog log = run(m);
  REQUIRE(log.admissions.size() >= 2);
  CHECK(log.admissions[0] == std::make_pair(0, 1 * 2 + 0));  // general bed type 0 full (none): nursing north
  CHECK(log.admissions[1] == std::make_pair(0, 0 * 2 + 1));  // then general south
  CHECK(log.admissions.size() == 2);
  SUBCASE("without admission in other regions the second one waits") {
    m.admit_in_other_regions = false;
    CHECK(run(m).admissions.size() == 1);
  }
}

TEST_CASE("capacity reductions never evict: a bed taken away stays open until its resident leaves") {
  CapacityModel m = two_towns(30, 50, 5.0, 4);
  m.initial_occupancy = 1.0;
  for (int bed = 0; bed < 3; ++bed) m.capacity.push_back({2025.0, bed, 0, -40});
  const EventLog log = run(m);
  // At the end of January 2025 (month 12) the north's general pool (0), cut to 10 beds, still
  // holds most of its 50 residents, and their beds are open: the cut evicted nobody.
  REQUIRE(log.months.size() == 48);
  CHECK(log.months[11].occupied[0] == 50);
  CHECK(log.months[12].occupied[0] > 40);
  CHECK(log.months[12].open[0] == log.months[12].occupied[0]);
  CapacityRecorder recorder(m.first_year, 6, 6, static_cast<int>(m.units.size()));
  CapacitySimulation(m, carecap::sim::RandomStreams(7), 0, recorder).run();
  const CapacityResult r = recorder.take_result();
  // The north's first pool (pools[year][pool]), cut from 50 to 10 beds on 1 January 2025: the 50 residents
  // leave one by one (stays of 5 years on average), nobody new is admitted, and the beds they
  // leave close; open beds equal occupied beds until only 10 are left.
  CHECK(r.pools[1][0].mean_capacity > 10.0);
  CHECK(r.pools[1][0].mean_capacity < 50.0);
  CHECK(r.pools[1][0].mean_occupied == doctest::Approx(r.pools[1][0].mean_capacity));
  CHECK(r.pools.back()[0].mean_capacity < r.pools[1][0].mean_capacity);  // the last year: they keep closing as residents leave
  CHECK(r.pools.back()[0].mean_capacity >= 10.0);
}

TEST_CASE("waiting people give up after their patience or die at the waiting death rate") {
  // No beds at all: every arrival waits and leaves unserved, by death with probability
  // rate_death / (rate_death + 1 / patience) = 1 / (1 + 1) when both are one a year.
  CapacityModel m = two_towns(200, 0, 2.0, 20);
  m.mean_patience_years = 1.0;
  m.waiting_death_rate = 1.0;
  const EventLog log = run(m);
  const double left = log.gave_up_count + log.died_waiting_count;
  CHECK(log.admissions.empty());
  CHECK(left > 20000);
  CHECK(log.died_waiting_count / left == doctest::Approx(0.5).epsilon(0.03));
  SUBCASE("a capped waiting list turns the rest away") {
    m.waiting_list_cap = 3;
    CHECK(run(m).turned_away_count > 0);
  }
}

TEST_CASE("the priority class is served first from the waiting list") {
  // One bed, stays of 0.06 years, 15 arrivals a year (utilisation 0.9), 30% in the priority class.
  CapacityModel m;
  m.first_year = 2024;
  m.last_year = 2043;
  m.regions = {"town"};
  m.capacity = {{2024.0, 0, 0, 1}};
  m.arrivals = {{0, 0, std::vector<double>(20, 15.0)}};
  m.acceptable_beds = {std::vector<int>{0}, std::vector<int>{1}, std::vector<int>{2}};
  for (auto& s : m.stay) s.mean_years = 0.06;
  m.priority_share = 0.3;
  const EventLog log = run(m, 3);
  REQUIRE(log.priority_admitted > 50);
  REQUIRE(log.ordinary_admitted > 50);
  // Utilisation 0.9: everyone waits a while, the ordinary class much longer.
  CHECK(log.priority_wait / log.priority_admitted < 0.5 * log.ordinary_wait / log.ordinary_admitted);
}

TEST_CASE("arrivals follow each year's own rate") {
  // Rates 0, 1 000, 50, 0, 400 a year: each year's count is Poisson with that mean, so within
  // 4 standard deviations (sqrt of the mean) of it, and exactly 0 in the years with rate 0.
  CapacityModel m = two_towns(0, 1000, 1.0, 5);
  m.arrivals = {{0, 0, {0.0, 1000.0, 50.0, 0.0, 400.0}}};
  CapacityRecorder recorder(m.first_year, 6, 6, static_cast<int>(m.units.size()));
  CapacitySimulation(m, carecap::sim::RandomStreams(11), 0, recorder).run();
  const CapacityResult r = recorder.take_result();
  const double expected[] = {0, 1000, 50, 0, 400};
  for (std::size_t y = 0; y < 5; ++y) {
    CAPTURE(y);
    CHECK(std::abs(r.streams[y][0].arrivals - expected[y]) <= 4 * std::sqrt(expected[y]));
  }
  CHECK(r.streams[0][0].arrivals == 0);
  CHECK(r.streams[3][0].arrivals == 0);
}

TEST_CASE("with patience of mean 0.5 years and a death rate of 1 a year, a third of those leaving die") {
  // Competing exponential risks: patience rate 2, death rate 1: P(death first) = 1/3; the time
  // to leave is exponential with rate 3 (mean 4 months).
  CapacityModel m = two_towns(200, 0, 2.0, 20);
  m.mean_patience_years = 0.5;
  m.waiting_death_rate = 1.0;
  CapacityRecorder recorder(m.first_year, 6, 6, static_cast<int>(m.units.size()));
  CapacitySimulation(m, carecap::sim::RandomStreams(5), 0, recorder).run();
  const CapacityResult r = recorder.take_result();
  double died = 0, gave_up = 0, waiting = 0, arrivals = 0;
  for (std::size_t y = 1; y < r.streams.size(); ++y)
    for (const StreamYear& s : r.streams[y]) {
      died += s.died_waiting;
      gave_up += s.gave_up;
      waiting += s.mean_waiting;
      arrivals += s.arrivals;
    }
  CHECK(died / (died + gave_up) == doctest::Approx(1.0 / 3).epsilon(0.03));
  // Little's law on the waiting list: people waiting = arrival rate x mean time to leave (1/3 year).
  CHECK(waiting == doctest::Approx(arrivals / 3.0).epsilon(0.03));
}

TEST_CASE("the warm start fills beds with the remaining stays of residents in steady state") {
  // Weibull stays of shape 0.5 and mean 1 year (scale 0.5). A resident found in a bed at a random
  // time stays on for R with P(R > t) = (v + 1) e^-v, v = sqrt(t / 0.5) (renewal theory: the
  // integrated survival over the mean). With no arrivals, the mean occupancy of the first year is
  // the mean of P(R > t) over t in [0, 1]: 0.7530; fresh stays would give 0.4131.
  CapacityModel m = two_towns(0, 10000, 1.0, 1);
  m.arrivals.clear();
  for (auto& s : m.stay) s = LengthOfStay{StayDistribution::weibull, 1.0, 0.5, 0.5};
  m.initial_occupancy = 1.0;
  CapacityRecorder recorder(m.first_year, 6, 6, static_cast<int>(m.units.size()));
  CapacitySimulation(m, carecap::sim::RandomStreams(9), 0, recorder).run();
  const CapacityResult r = recorder.take_result();
  double occupied = 0, beds = 0;
  for (const PoolYear& p : r.pools[0]) {
    occupied += p.mean_occupied;
    beds += p.mean_capacity;
  }
  CHECK(beds == doctest::Approx(60000));
  CHECK(occupied / beds == doctest::Approx(0.7530).epsilon(0.01));
}

TEST_CASE("when the home region is full, other regions are tried in the configured order") {
  // Three towns; general demand only in town 0, which has no beds; towns 1 and 2 have one bed
  // each. With the order [2, 1] the first arrival goes to town 2, the second to town 1.
  CapacityModel m;
  m.first_year = 2024;
  m.last_year = 2024;
  m.regions = {"home", "near", "far"};
  m.capacity = {{2024.0, 0, 1, 1}, {2024.0, 0, 2, 1}};
  m.arrivals = {{0, 0, {20.0}}};
  m.acceptable_beds = {std::vector<int>{0}, std::vector<int>{1}, std::vector<int>{2}};
  for (auto& s : m.stay) s = LengthOfStay{StayDistribution::weibull, 100.0, 20.0, 0.5};
  m.region_order = {{2, 1}, {}, {}};
  const EventLog log = run(m);
  REQUIRE(log.admissions.size() == 2);
  CHECK(log.admissions[0].second == 0 * 3 + 2);  // general bed in "far"
  CHECK(log.admissions[1].second == 0 * 3 + 1);  // then "near"
  SUBCASE("a region left out of the order is never tried") {
    m.region_order = {{2}, {}, {}};
    CHECK(run(m).admissions.size() == 1);
  }
}

TEST_CASE("monthly levels record the waiting list and occupancy at the end of every month") {
  // No beds, 120 arrivals a year in one stream, nobody gives up: the waiting list at the end of
  // month m holds Poisson(10 m) people; by the end of the year about 120 (within 4 SD of 11).
  CapacityModel m = two_towns(0, 0, 1.0, 2);
  m.arrivals = {{0, 0, {120.0, 120.0}}};
  CapacityRecorder recorder(m.first_year, 6, 6, static_cast<int>(m.units.size()));
  CapacitySimulation(m, carecap::sim::RandomStreams(4), 0, recorder).run();
  const CapacityResult r = recorder.take_result();
  REQUIRE(r.monthly_waiting.size() == 24);
  CHECK(std::abs(r.monthly_waiting[11][0] - 120) <= 4 * std::sqrt(120.0));
  CHECK(std::abs(r.monthly_waiting[23][0] - 240) <= 4 * std::sqrt(240.0));
  for (std::size_t month = 1; month < 24; ++month) CHECK(r.monthly_waiting[month][0] >= r.monthly_waiting[month - 1][0]);
  CHECK(r.monthly_occupied[5][0] == 0);
}

TEST_CASE("people already waiting at the start join the waiting list, and take beds first when beds are free") {
  // 50 people wait for a general bed in the north on 1 January; there are 20 general beds there:
  // 20 are admitted at once, 30 still wait at the end of January (nobody gives up, no arrivals).
  CapacityModel m = two_towns(0, 0, 100.0, 1);
  m.arrivals.clear();
  m.capacity = {{2024.0, 0, 0, 20}};
  m.acceptable_beds = {std::vector<int>{0}, std::vector<int>{1}, std::vector<int>{2}};
  m.admit_in_other_regions = false;
  m.initial_waiting = std::vector<std::int64_t>(6, 0);
  m.initial_waiting[0] = 50;
  CapacityRecorder recorder(m.first_year, 6, 6, static_cast<int>(m.units.size()));
  CapacitySimulation(m, carecap::sim::RandomStreams(2), 0, recorder).run();
  const CapacityResult r = recorder.take_result();
  CHECK(r.monthly_waiting[0][0] == 30);
  CHECK(r.monthly_occupied[0][0] == 20);
  CHECK(r.streams[0][0].arrivals == 0);  // they are not arrivals of the year
}

TEST_CASE("occupancy by facility: admission spreads people over a town's facilities by occupancy rate") {
  // The north's general beds belong to two facilities, A with 10 beds and B with 30. Half the
  // beds are wanted (stock = rate x stay = 20): with admission to the lower occupancy rate,
  // both run at about the same rate, and the facilities add up to the pool.
  CapacityModel m = two_towns(0, 0, 2.0, 6);
  m.units = {{"A", "public", 0, 0}, {"B", "private", 0, 0}};
  m.capacity = {{2024.0, 0, 0, 10, 0}, {2024.0, 0, 0, 30, 1}};
  m.arrivals = {{0, 0, std::vector<double>(6, 10.0)}};
  m.acceptable_beds = {std::vector<int>{0}, std::vector<int>{1}, std::vector<int>{2}};
  m.initial_occupancy = 0.5;
  CapacityRecorder recorder(m.first_year, 6, 6, 2);
  CapacitySimulation(m, carecap::sim::RandomStreams(11), 0, recorder).run();
  const CapacityResult r = recorder.take_result();
  for (std::size_t y = 0; y < r.units.size(); ++y) {
    CAPTURE(y);
    const auto& a = r.units[y][0];
    const auto& b = r.units[y][1];
    CHECK(a.mean_capacity == doctest::Approx(10));
    CHECK(b.mean_capacity == doctest::Approx(30));
    CHECK(a.mean_occupied + b.mean_occupied == doctest::Approx(r.pools[y][0].mean_occupied));
    CHECK(std::abs(a.mean_occupied / 10 - b.mean_occupied / 30) < 0.1);  // within one bed of A
  }

  SUBCASE("a conversion takes general beds from the facility with the most free beds, evicting nobody") {
    m.initial_occupancy = 1.0;
    m.arrivals[0].rate_per_year.assign(6, 0.0);               // nobody new: occupancy only falls
    m.capacity.push_back({2025.0, 0, 0, -5, -1});             // 5 general beds converted away, no unit named
    m.capacity.push_back({2025.0, 1, 0, 5, -1});
    CapacityRecorder converted(m.first_year, 6, 6, 2);
    CapacitySimulation(m, carecap::sim::RandomStreams(11), 0, converted).run();
    const CapacityResult c = converted.take_result();
    // On 1 January 2025 B (larger, same stays) has the most free beds; its capacity drops by 5.
    CHECK(c.units[1][0].mean_capacity + c.units[1][1].mean_capacity == doctest::Approx(35));
    CHECK(c.pools[1][0].mean_capacity == doctest::Approx(35));
  }
  SUBCASE("closing facility A leaves its residents until they leave, in beds that stay open for them") {
    m.initial_occupancy = 1.0;
    m.capacity.push_back({2025.0, 0, 0, -10, 0});
    CapacityRecorder closed(m.first_year, 6, 6, 2);
    CapacitySimulation(m, carecap::sim::RandomStreams(11), 0, closed).run();
    const CapacityResult c = closed.take_result();
    CHECK(c.units[1][0].mean_occupied > 0);   // residents stay on after the closure
    CHECK(c.units[1][0].mean_capacity == doctest::Approx(c.units[1][0].mean_occupied));  // only their beds are open
    CHECK(c.units[5][0].mean_capacity < c.units[1][0].mean_capacity);
    CHECK(c.units[5][0].mean_occupied < c.units[1][0].mean_occupied);
  }
  SUBCASE("the residents left in closed A keep nobody out of B's free beds, and the facilities add up to the pool") {
    // Demand far above the 40 beds (stock 40 a year x 2 years = 80): people wait. A closes on
    // 1 January 2025 with its 10 residents; each bed freed in B goes to the next person waiting,
    // although A's residents and B's together may outnumber B's 30 beds.
    m.initial_occupancy = 1.0;
    m.arrivals[0].rate_per_year.assign(6, 40.0);
    m.capacity.push_back({2025.0, 0, 0, -10, 0});
    CapacityRecorder closed(m.first_year, 6, 6, 2);
    CapacitySimulation(m, carecap::sim::RandomStreams(11), 0, closed).run();
    const CapacityResult c = closed.take_result();
    CHECK(c.units[1][1].mean_occupied > 29.5);  // B full all year (waits are a few days at most)
    for (std::size_t y = 0; y < c.units.size(); ++y) {
      CAPTURE(y);
      CHECK(c.pools[y][0].mean_capacity == doctest::Approx(c.units[y][0].mean_capacity + c.units[y][1].mean_capacity));
      CHECK(c.pools[y][0].mean_occupied == doctest::Approx(c.units[y][0].mean_occupied + c.units[y][1].mean_occupied));
    }
  }
}

TEST_CASE("the affordable price tier takes affordable beds only: which beds are affordable decides who waits") {
  // One town, general beds only: facility A (20 beds) and B (80 beds). 60 people a year seek a bed
  // and stay a year on average (stock 60); half are of the affordable tier (stock 30), who may use
  // only affordable (普惠) beds, and give up after 0.5 years on average.
  auto model = [](bool a_affordable, bool b_affordable, double affordable_share) {
    CapacityModel m = two_towns(0, 0, 1.0, 6);
    m.regions = {"town"};
    m.units = {{"A", "public", 0, 0, a_affordable}, {"B", "private", 0, 0, b_affordable}};
    m.capacity = {{2024.0, 0, 0, 20, 0}, {2024.0, 0, 0, 80, 1}};
    m.arrivals = {{0, 0, std::vector<double>(6, 60.0)}};
    m.acceptable_beds = {std::vector<int>{0}, std::vector<int>{1}, std::vector<int>{2}};
    m.mean_patience_years = 0.5;
    m.affordable_share = affordable_share;
    return m;
  };
  auto result = [](const CapacityModel& m) {
    CapacityRecorder recorder(m.first_year, 3, 3, 2);
    CapacitySimulation(m, carecap::sim::RandomStreams(5), 0, recorder).run();
    return recorder.take_result();
  };
  auto total = [](const CapacityResult& r, auto field) {
    double sum = 0;
    for (std::size_t y = 1; y < r.streams.size(); ++y) sum += field(r.streams[y][0]);
    return sum;
  };
  auto unserved = [&](const CapacityResult& r, int tier) {
    return total(r, [&](const StreamYear& s) { return s.left_unserved_by_tier[static_cast<std::size_t>(tier)]; });
  };
  auto mean_wait_days = [&](const CapacityResult& r, int tier) {
    return total(r, [&](const StreamYear& s) { return s.wait_days_by_tier[static_cast<std::size_t>(tier)]; }) /
           total(r, [&](const StreamYear& s) { return s.admitted_by_tier[static_cast<std::size_t>(tier)]; });
  };
  // A's 20 beds affordable: the affordable tier (stock 30) queues for them while B stands half empty.
  const CapacityResult small = result(model(true, false, 0.5));
  CHECK(unserved(small, kAffordable) > 20);     // about 10 a year give up
  CHECK(unserved(small, kMarket) == 0);
  CHECK(mean_wait_days(small, kAffordable) > 20);
  CHECK(small.units[3][0].mean_occupied > 18);  // A full
  CHECK(small.units[3][1].mean_occupied < 50);  // B: market demand (30) and no affordable-tier resident
  // Flipped: B's 80 beds affordable, A's 20 market: nobody waits long.
  const CapacityResult flipped = result(model(false, true, 0.5));
  CHECK(unserved(flipped, kAffordable) < 0.2 * unserved(small, kAffordable));
  CHECK(mean_wait_days(flipped, kAffordable) < 0.2 * mean_wait_days(small, kAffordable));
  CHECK(flipped.units[3][1].mean_occupied > small.units[3][1].mean_occupied);

  SUBCASE("with no demand of the affordable tier the flags change nothing") {
    const CapacityResult one = result(model(true, false, 0.0)), other = result(model(false, true, 0.0));
    for (std::size_t y = 0; y < one.pools.size(); ++y) {
      CHECK(one.pools[y][0].mean_occupied == other.pools[y][0].mean_occupied);
      CHECK(one.units[y][0].mean_occupied == other.units[y][0].mean_occupied);
    }
  }
}
