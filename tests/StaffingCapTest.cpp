// carecap. SPDX-License-Identifier: MIT
// The staffing cap of the capacity simulation (models/supply/CapacitySimulation.hpp,
// CapacityModel::staff_limit): a person is admitted only while the care workers of the bed's
// region cover its residents and the newcomer at the ratios. Checked against an exact equivalence
// (a cap of S workers at k residents each is S x k beds, so the queueing-theory tests of
// QueueingTheoryTest.cpp carry over) and against the staffing rule month by month.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

#include "models/supply/CapacitySimulation.hpp"
#include "models/supply/CapacityRecorder.hpp"
#include "tests/ErlangFormulas.hpp"

using namespace carecap::supply;

namespace {

/// Counts admissions and keeps the levels at every month end.
class Log final : public CapacityMonitor {
public:
  long admitted_count = 0, joined = 0, arrived_count = 0;
  long admitted_at_once_while_waiting = 0;  // admitted on arrival while someone waited
  long waiting_now = 0;
  std::vector<int> admitted_streams;
  std::vector<double> admitted_waits;
  double from = 0.0;  // arrivals and people joining a list counted from this time, years
  std::vector<double> admission_times;
  std::vector<CapacityLevelsNow> months;
  void arrived(int, double time) override { arrived_count += time >= from ? 1 : 0; }
  void admitted(int stream, int, double time, double waited, bool, bool) override {
    ++admitted_count;
    admission_times.push_back(time);
    admitted_streams.push_back(stream);
    admitted_waits.push_back(waited);
    if (waited > 0.0) --waiting_now;
    else if (waiting_now > 0) ++admitted_at_once_while_waiting;
  }
  void turned_away(int, double) override {}
  void joined_waiting(int, double time) override {
    joined += time >= from ? 1 : 0;
    ++waiting_now;
  }
  void left_waiting(int, double, double, bool, bool) override { --waiting_now; }
  void year_end(int, double, const CapacityYearLevels&) override {}
  void month_end(int, double, const CapacityLevelsNow& now) override { months.push_back(now); }
};

/// One region; `arrivals` per year of each bed type's demand (general, nursing, dementia), each
/// type taking its own beds only; `beds` beds of each type; exponential stays of 2 years.
CapacityModel one_town(std::array<double, 3> arrivals, std::int64_t beds, int years = 4) {
  CapacityModel m;
  m.first_year = 2024;
  m.last_year = 2024 + years - 1;
  m.regions = {"town"};
  for (int t = 0; t < 3; ++t) {
    m.capacity.push_back({2024.0, t, 0, beds});
    m.arrivals.push_back({t, 0, std::vector<double>(static_cast<std::size_t>(years), arrivals[static_cast<std::size_t>(t)])});
  }
  m.acceptable_beds = {std::vector<int>{0}, std::vector<int>{1}, std::vector<int>{2}};
  for (auto& s : m.stay) s.mean_years = 2.0;
  m.care_workers_per_resident.assign(static_cast<std::size_t>(years), {1.0 / 10.0, 1.0 / 4.5, 1.0 / 3.0});
  return m;
}

Log run(const CapacityModel& model) {
  Log log;
  CapacitySimulation(model, carecap::sim::RandomStreams(11), 0, log).run();
  return log;
}

}  // namespace

TEST_CASE("a staffing cap of 2 care workers at 1:4.5 admits exactly as 9 nursing beds do") {
  // Nursing demand only, 20 a year, 2-year stays: 40 residents wanted. With 1,000 beds and 2 care
  // workers (9 residents at 1:4.5), the cap is the only limit, so the run is the same as one with
  // 9 beds and no cap: the same people admitted at the same times.
  CapacityModel capped = one_town({0.0, 20.0, 0.0}, 1000);
  capped.staff_limit.assign(4, std::vector<double>{2.0});
  CapacityModel nine_beds = one_town({0.0, 20.0, 0.0}, 9);
  const Log a = run(capped), b = run(nine_beds);
  REQUIRE(a.admitted_count > 15);
  CHECK(a.admitted_count == b.admitted_count);
  CHECK(a.admission_times == b.admission_times);
  CHECK(a.joined == b.joined);
  for (const auto& month : a.months) CHECK(month.occupied[1] <= 9.0);
}

TEST_CASE("under a staffing cap the share of arrivals who wait is Erlang C's for the beds the staff cover") {
  // Nursing demand 60 a year, stays of 0.1 years (offered load 6), 1,000 beds, 2 care workers at
  // 1:4.5: an M/M/9 queue of patient people, whose probability of waiting is Erlang C(9, 6) =
  // 0.196. 40 replications of 21 years, the first a warm-up: the mean within 3 standard errors.
  CapacityModel m = one_town({0.0, 60.0, 0.0}, 1000, 21);
  for (auto& stay : m.stay) stay.mean_years = 0.1;
  m.staff_limit.assign(21, std::vector<double>{2.0});
  std::vector<double> shares;
  for (std::uint64_t r = 0; r < 40; ++r) {
    Log log;
    log.from = 2025.0;
    CapacitySimulation(m, carecap::sim::RandomStreams(20261206), r, log).run();
    shares.push_back(static_cast<double>(log.joined) / static_cast<double>(log.arrived_count));
  }
  double mean = 0.0, sum_sq = 0.0;
  for (double v : shares) mean += v / 40.0;
  for (double v : shares) sum_sq += (v - mean) * (v - mean);
  const double se = std::sqrt(sum_sq / 39.0 / 40.0);
  INFO("simulated " << mean << " +- " << se << " (1 SE), Erlang C " << carecap::testing::erlang_c(9, 6.0));
  CHECK(std::abs(mean - carecap::testing::erlang_c(9, 6.0)) <= 3.0 * se);
  CHECK(se < 0.01);  // the test can tell a cap of 9 from one of 8 or 10 (C = 0.357, 0.101)
}

TEST_CASE("the care workers of a town cover every bed type together, month by month") {
  // 1 care worker: 10 general residents, or 4 nursing, or 3 with dementia, or a mix. Demand far
  // above it: the load sum(occupied_t / ratio_t) stays within 1 worker at every month end, and
  // is near it (the staff are used).
  CapacityModel m = one_town({30.0, 30.0, 30.0}, 100);
  m.staff_limit.assign(4, std::vector<double>{1.0});
  const Log log = run(m);
  REQUIRE(log.months.size() == 48);
  double highest = 0.0;
  for (const auto& month : log.months) {
    const double load = month.occupied[0] / 10.0 + month.occupied[1] / 4.5 + month.occupied[2] / 3.0;
    CHECK(load <= 1.0 + 1e-9);
    highest = std::max(highest, load);
  }
  CHECK(highest > 0.6);
}

TEST_CASE("people waiting are admitted on the 1 January their town's staff grow, and a cut evicts no one") {
  // No care workers in 2024: nobody is admitted and everyone waits (no patience, no deaths).
  // 3 care workers from 2025 (30 general residents): admissions start at 2025.0 exactly.
  // 1 care worker from 2026: the residents above 10 stay until they leave.
  CapacityModel m = one_town({40.0, 0.0, 0.0}, 100);
  m.staff_limit = {{0.0}, {3.0}, {1.0}, {1.0}};
  const Log log = run(m);
  REQUIRE(!log.admission_times.empty());
  CHECK(log.admission_times.front() == 2025.0);
  CHECK(log.months[10].occupied[0] == 0.0);   // end of November 2024
  CHECK(log.months[12].occupied[0] == 30.0);  // end of January 2025: the 30 the staff cover
  CHECK(log.months[24].occupied[0] > 10.0);   // end of January 2026: more than the new staff cover, none evicted
  // From then on the residents may only fall while above the 10 the staff cover, and never rise
  // above 10 again.
  for (std::size_t month = 25; month < log.months.size(); ++month)
    CHECK(log.months[month].occupied[0] <= std::max(10.0, log.months[month - 1].occupied[0]));
}

TEST_CASE("without staff limits the simulation is the one without a cap") {
  // care_workers_per_resident alone changes nothing: the cap needs staff_limit.
  CapacityModel a = one_town({20.0, 20.0, 20.0}, 12);
  CapacityModel b = a;
  b.care_workers_per_resident.clear();
  CHECK(run(a).admission_times == run(b).admission_times);
}

TEST_CASE("a person with dementia in a nursing bed needs the dementia ratio, not the bed's") {
  // Only nursing beds; dementia demand may take them. 1 care worker: 3 residents with dementia
  // (1:3), never the 4 that nursing care alone would allow (1:4.5).
  CapacityModel m = one_town({0.0, 0.0, 30.0}, 0);
  m.capacity = {{2024.0, 1, 0, 100}};
  m.acceptable_beds = {std::vector<int>{0}, std::vector<int>{1}, std::vector<int>{2, 1}};
  m.staff_limit.assign(4, std::vector<double>{1.0});
  const Log log = run(m);
  double highest = 0.0;
  for (const auto& month : log.months) highest = std::max(highest, month.occupied[1]);
  CHECK(highest == 3.0);
}

TEST_CASE("residents counted by need add up to the occupied beds, year by year and town by town") {
  // Two towns, general demand spilling into nursing beds: the time-averaged residents by need
  // (streams) and by bed (pools) are two splits of the same people.
  CapacityModel m = one_town({60.0, 20.0, 10.0}, 15, 3);
  m.regions = {"north", "south"};
  m.capacity.clear();
  m.arrivals.clear();
  for (int t = 0; t < 3; ++t)
    for (int r = 0; r < 2; ++r) {
      m.capacity.push_back({2024.0, t, r, 15});
      m.arrivals.push_back({t, r, std::vector<double>(3, t == 0 ? 60.0 : 15.0)});
    }
  m.acceptable_beds = {std::vector<int>{0, 1}, std::vector<int>{1}, std::vector<int>{2, 1}};
  CapacityRecorder recorder(m.first_year, 6, 6, 0);
  CapacitySimulation(m, carecap::sim::RandomStreams(3), 0, recorder).run();
  const CapacityResult r = recorder.take_result();
  for (std::size_t y = 0; y < 3; ++y)
    for (std::size_t town = 0; town < 2; ++town) {
      double by_need = 0.0, by_bed = 0.0;
      for (std::size_t t = 0; t < 3; ++t) {
        by_need += r.streams[y][t * 2 + town].mean_residents;
        by_bed += r.pools[y][t * 2 + town].mean_occupied;
      }
      CHECK(by_need == doctest::Approx(by_bed).epsilon(1e-12));
      CHECK(by_bed > 10.0);
    }
}

namespace {

/// One town, nursing beds only, taken by nursing and dementia needs (6 a year each, stays of a
/// year): 1 care worker holds one resident with dementia (0.9) or up to 4 needing nursing (0.25).
CapacityModel shared_nursing(int years, double patience_years) {
  CapacityModel m = one_town({0.0, 6.0, 6.0}, 0, years);
  m.capacity = {{2024.0, 1, 0, 100}};
  m.acceptable_beds = {std::vector<int>{0}, std::vector<int>{1}, std::vector<int>{1}};
  for (auto& s : m.stay) s.mean_years = 1.0;
  m.mean_patience_years = patience_years;
  m.care_workers_per_resident.assign(static_cast<std::size_t>(years), {0.1, 0.25, 0.9});
  m.staff_limit.assign(static_cast<std::size_t>(years), std::vector<double>{1.0});
  return m;
}

}  // namespace

// The next four cases came from a review (issue 24): each failed before its fix.
TEST_CASE("a newcomer needing less care does not pass a person waiting for the town's staff") {
  // Nursing newcomers would fit beside residents where a person with dementia at the head of the
  // line does not: they wait behind them (the first in line waits for staff).
  const Log log = run(shared_nursing(20, 0.0));
  REQUIRE(log.admitted_count > 20);
  CHECK(log.admitted_at_once_while_waiting == 0);
  long dementia = 0;
  for (int s : log.admitted_streams) dementia += s == 2 ? 1 : 0;
  CHECK(dementia > 5);  // people with dementia are served in their turn, not starved
}

TEST_CASE("when the blocking first in line gives up, the next one the staff cover is admitted at once") {
  // With patience, a person with dementia at the head may leave; a nursing person behind, with a
  // free bed and staff for them, is admitted then: no month end has 2 or 3 nursing residents
  // (0.5 or 0.75 of the worker used), nobody with dementia waiting and a nursing person waiting.
  long stuck = 0;
  for (std::uint64_t r = 0; r < 5; ++r) {
    Log log;
    CapacitySimulation(shared_nursing(30, 0.2), carecap::sim::RandomStreams(77), r, log).run();
    for (const auto& month : log.months)
      if ((month.occupied[1] == 2.0 || month.occupied[1] == 3.0) && month.waiting[2] == 0.0 && month.waiting[1] > 0.0) ++stuck;
  }
  CHECK(stuck == 0);
}

TEST_CASE("beds opening on 1 January are filled at the new year's staff") {
  // 10 general beds in 2024 and 3 care workers (30 residents at 1:10); 20 more beds on 1 January
  // 2025 and 0.5 care workers from then (5 residents): the 10 residents already exceed them, so
  // nobody is admitted at 2025.0 however many wait.
  CapacityModel m = one_town({100.0, 0.0, 0.0}, 0, 2);
  m.capacity = {{2024.0, 0, 0, 10}, {2025.0, 0, 0, 20}};
  for (auto& s : m.stay) s.mean_years = 20.0;
  m.staff_limit = {{3.0}, {0.5}};
  const Log log = run(m);
  long at_new_year = 0;
  for (double t : log.admission_times) at_new_year += t == 2025.0 ? 1 : 0;
  CHECK(at_new_year == 0);
  CHECK(log.months[11].occupied[0] == 10.0);
}

TEST_CASE("a resident leaving a general bed frees the care worker for a person waiting for a nursing bed") {
  // 2 general residents at the start use the 1 care worker (0.5 each) and leave after 0.3 years
  // on average; nursing residents never leave in the year. So a nursing person who waited can only
  // be admitted when a general resident leaves (before the fix, only a newcomer could take the
  // freed care worker), and no newcomer passes them.
  CapacityModel m = one_town({0.0, 5.0, 0.0}, 0, 1);
  m.capacity = {{2024.0, 0, 0, 2}, {2024.01, 1, 0, 10}};  // nursing beds open just after the warm start
  m.initial_occupancy = 1.0;
  m.initial_need_share = {{1.0, 0.0, 0.0}, {0.0, 1.0, 0.0}, {0.0, 0.0, 1.0}};
  m.stay[0].mean_years = 0.3;
  m.stay[1].mean_years = 1e6;
  m.care_workers_per_resident = {{0.5, 0.5, 0.5}};
  m.staff_limit = {{1.0}};
  const Log log = run(m);
  long after_waiting = 0;
  for (std::size_t k = 0; k < log.admitted_streams.size(); ++k)
    after_waiting += log.admitted_streams[k] == 1 && log.admitted_waits[k] > 0.0 ? 1 : 0;
  CHECK(after_waiting >= 1);
  CHECK(log.admitted_at_once_while_waiting == 0);
}

TEST_CASE("residents found in the beds at the start take the needs of the demand placed there") {
  // 10 general beds full at the start, half of their residents placed there by general demand,
  // half by nursing demand (initial_need_share): 5 and 5 residents by need all year (stays of a
  // million years; no staff, so nobody else is admitted).
  CapacityModel m = one_town({1.0, 1.0, 0.0}, 0, 1);
  m.capacity = {{2024.0, 0, 0, 10}};
  m.initial_occupancy = 1.0;
  m.initial_need_share = {{0.5, 0.5, 0.0}, {0.0, 1.0, 0.0}, {0.0, 0.0, 1.0}};
  for (auto& s : m.stay) s.mean_years = 1e6;
  m.staff_limit = {{0.0}};
  CapacityRecorder recorder(m.first_year, 3, 3, 0);
  CapacitySimulation(m, carecap::sim::RandomStreams(1), 0, recorder).run();
  const CapacityResult r = recorder.take_result();
  CHECK(r.streams[0][0].mean_residents == doctest::Approx(5.0));
  CHECK(r.streams[0][1].mean_residents == doctest::Approx(5.0));
  CHECK(r.pools[0][0].mean_occupied == doctest::Approx(10.0));
}
