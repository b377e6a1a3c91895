// carecap. SPDX-License-Identifier: MIT
// The cheapest schedule (issue 22, item 3): the mixed-integer programme solved with CBC gives the
// optimum that exhaustive enumeration of every schedule finds, says where a requirement cannot be
// met, respects the budget and standards, and discounts as a hand computation does.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <vector>

#include "models/planning/CbcSolver.hpp"
#include "models/planning/ScheduleProgramme.hpp"

using namespace carecap::planning;

namespace {

constexpr int G = 0, N = 1, D = 2;  // bed types: general, nursing, dementia
constexpr double kInfinity = std::numeric_limits<double>::infinity();

ScheduleProblem empty_problem(int first_year, int years, int regions) {
  ScheduleProblem p;
  p.required = CapacityGrid::zeros(first_year, years, regions);
  p.existing = CapacityGrid::zeros(first_year, years, regions);
  p.discount_rate = 0.05;
  p.operating_cost_yuan_per_bed_year = {15000, 30000, 36000};
  return p;
}

/// Sets a value for every year from `from` to the end of the horizon.
void set_from(CapacityGrid& grid, int from, int type, int region, double beds) {
  for (int y = from; y <= grid.last_year(); ++y) grid.at(y, type, region) = beds;
}

ListedProject project(int region, int type, double beds, double capital, int earliest, int latest) {
  ListedProject x;
  x.id = "p" + std::to_string(region) + std::to_string(type) + std::to_string(earliest);
  x.region = region;
  x.bed_type = type;
  x.beds = beds;
  x.capital_wan_yuan = capital;
  x.earliest_start = earliest;
  x.latest_start = latest;
  return x;
}

// ---- The test's own account of a schedule of listed projects (start year per project, -1: not built).

/// Beds open with the projects started as `start` says.
CapacityGrid capacity_of(const ScheduleProblem& p, const std::vector<int>& start) {
  CapacityGrid cap = p.existing;
  for (std::size_t i = 0; i < start.size(); ++i) {
    if (start[i] < 0) continue;
    const auto& x = p.projects[i];
    for (int y = start[i] + p.build_lag_years; y <= cap.last_year(); ++y) {
      cap.at(y, x.bed_type, x.region) += x.beds;
      if (x.converts_general) cap.at(y, G, x.region) -= x.beds;
    }
  }
  return cap;
}

/// Whether the schedule meets everything: beds never negative; in each year and region nursing
/// demand takes nursing beds, and general and dementia demand their own beds first and then the
/// nursing beds left (a nursing bed takes any elder, a general or dementia bed only its own);
/// capital started in a year within the budget; the nursing-type share (nursing + dementia).
bool meets(const ScheduleProblem& p, const std::vector<int>& start) {
  const CapacityGrid cap = capacity_of(p, start);
  const auto& req = p.required;
  for (int y = req.first_year; y <= req.last_year(); ++y) {
    double all = 0, nursing_type = 0;
    for (int r = 0; r < req.regions; ++r) {
      for (int t : {G, N, D})
        if (cap.at(y, t, r) < -1e-9) return false;
      const double nursing_left = cap.at(y, N, r) - req.at(y, N, r);
      const double overflow = std::max(0.0, req.at(y, G, r) - cap.at(y, G, r)) +
                              std::max(0.0, req.at(y, D, r) - cap.at(y, D, r));
      if (nursing_left < -1e-9 || overflow > nursing_left + 1e-9) return false;
      all += cap.at(y, G, r) + cap.at(y, N, r) + cap.at(y, D, r);
      nursing_type += cap.at(y, N, r) + cap.at(y, D, r);
    }
    if (const auto& s = p.standards.nursing_share; s && y >= s->from_year && nursing_type < s->min_share * all - 1e-9)
      return false;
    double capital = 0;
    for (std::size_t i = 0; i < start.size(); ++i)
      if (start[i] == y) capital += p.projects[i].capital_wan_yuan;
    if (p.annual_budget_wan_yuan && capital > *p.annual_budget_wan_yuan + 1e-9) return false;
  }
  return true;
}

/// Discounted capital plus operating cost, 10,000 yuan: year y's money counts (1 + rate)^-(y - first year).
double cost_of(const ScheduleProblem& p, const std::vector<int>& start) {
  const CapacityGrid cap = capacity_of(p, start);
  double total = 0;
  for (int y = cap.first_year; y <= cap.last_year(); ++y) {
    double year_cost = 0;
    for (std::size_t i = 0; i < start.size(); ++i)
      if (start[i] == y) year_cost += p.projects[i].capital_wan_yuan;
    for (int r = 0; r < cap.regions; ++r)
      for (int t : {G, N, D}) year_cost += cap.at(y, t, r) * p.operating_cost_yuan_per_bed_year[t] / 10000.0;
    total += year_cost * std::pow(1 + p.discount_rate, -(y - cap.first_year));
  }
  return total;
}

/// The cheapest schedule by trying every one: each project not built or started in any year of
/// its window whose opening falls in the horizon. Returns +infinity when none meets everything.
double enumerate_cheapest(const ScheduleProblem& p) {
  std::vector<std::vector<int>> options;
  for (const auto& x : p.projects) {
    std::vector<int> o{-1};
    for (int s = std::max(x.earliest_start, p.required.first_year);
         s <= std::min(x.latest_start, p.required.last_year() - p.build_lag_years); ++s)
      o.push_back(s);
    options.push_back(o);
  }
  std::vector<std::size_t> pick(options.size(), 0);
  std::vector<int> start(options.size());
  double best = kInfinity;
  while (true) {
    for (std::size_t i = 0; i < pick.size(); ++i) start[i] = options[i][pick[i]];
    if (meets(p, start)) best = std::min(best, cost_of(p, start));
    std::size_t i = 0;  // next combination, like an odometer
    while (i < pick.size() && ++pick[i] == options[i].size()) pick[i++] = 0;
    if (i == pick.size()) break;
  }
  return best;
}

/// The start year per project of a solved schedule (-1: not built).
std::vector<int> starts_of(const ScheduleProblem& p, const ScheduleResult& result) {
  std::vector<int> start(p.projects.size(), -1);
  for (const auto& s : result.schedule)
    if (s.kind == CandidateKind::project) start[static_cast<std::size_t>(s.candidate)] = s.start_year;
  return start;
}

/// A random county of two towns over 2025-2030: existing beds, projects (a quarter of them
/// renovations converting general beds), requirements between half and all of what building
/// everything would give, and sometimes a budget and a nursing share. Some instances have no
/// feasible schedule (renovations need general beds to convert, budgets and shares bind).
ScheduleProblem random_instance(std::uint64_t seed, int n_projects, int window_years) {
  std::mt19937_64 rng(seed);
  const auto uniform = [&](double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(rng); };
  const auto integer = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  ScheduleProblem p = empty_problem(2025, 6, 2);
  p.build_lag_years = integer(1, 2);
  for (int r = 0; r < 2; ++r)
    for (int t : {G, N, D}) set_from(p.existing, 2025, t, r, std::round(t == G ? uniform(40, 80) : uniform(10, 40)));
  for (int i = 0; i < n_projects; ++i) {
    const int earliest = integer(2025, 2030 - p.build_lag_years - window_years + 1);
    auto x = project(integer(0, 1), integer(0, 2), std::round(uniform(10, 40)), std::round(uniform(50, 300)), earliest,
                     earliest + window_years - 1);
    x.converts_general = x.bed_type != G && integer(0, 3) == 0;
    x.id = "project " + std::to_string(i);
    p.projects.push_back(x);
  }
  std::vector<int> all_early(p.projects.size());
  for (std::size_t i = 0; i < all_early.size(); ++i) all_early[i] = p.projects[i].earliest_start;
  const CapacityGrid most = capacity_of(p, all_early);
  for (int y = 2025; y <= 2030; ++y)
    for (int r = 0; r < 2; ++r)
      for (int t : {G, N, D}) p.required.at(y, t, r) = std::round(std::max(0.0, most.at(y, t, r)) * uniform(0.5, 1.0));
  if (integer(0, 1) == 1) p.annual_budget_wan_yuan = uniform(250, 600);
  if (integer(0, 1) == 1) p.standards.nursing_share = CapacityStandards::NursingShare{2027, uniform(0.3, 0.45)};
  return p;
}

void check_against_enumeration(const ScheduleProblem& p) {
  const double best = enumerate_cheapest(p);
  const auto result = solve_schedule(p, CbcSolver());
  if (std::isinf(best)) {
    CHECK(result.status == ScheduleStatus::infeasible);
    CHECK(result.unmet.has_value());
    return;
  }
  REQUIRE(result.status == ScheduleStatus::optimal);
  CHECK(result.costs.discounted_total_wan_yuan == doctest::Approx(best).epsilon(1e-6));
  const auto start = starts_of(p, result);
  CHECK(meets(p, start));
  CHECK(cost_of(p, start) == doctest::Approx(best).epsilon(1e-6));
}

}  // namespace

TEST_CASE("the programme's optimum equals exhaustive enumeration of every schedule of 12 projects") {
  // 12 projects, each at its listed year or not at all: 2^12 = 4,096 schedules per instance.
  for (std::uint64_t seed = 1; seed <= 12; ++seed) {
    CAPTURE(seed);
    check_against_enumeration(random_instance(seed, 12, 1));
  }
}

TEST_CASE("the programme's optimum equals exhaustive enumeration when projects may start in any of three years") {
  // 6 projects, each not built or started in one of three years: 4^6 = 4,096 schedules per instance.
  for (std::uint64_t seed = 101; seed <= 112; ++seed) {
    CAPTURE(seed);
    check_against_enumeration(random_instance(seed, 6, 3));
  }
}

TEST_CASE("an infeasible requirement names the first year, type and region that cannot be met") {
  // Town 1 has 30 general and 10 nursing beds; its nursing requirement jumps from 10 to 40 in
  // 2028. The one nursing project (20 beds, two-year build) can open in 2027 at the earliest:
  // 30 nursing beds, 10 short in 2028. Town 0 cannot meet its 2030 general requirement either,
  // but 2028 comes first.
  ScheduleProblem p = empty_problem(2025, 6, 2);
  p.build_lag_years = 2;
  set_from(p.existing, 2025, G, 0, 50);
  set_from(p.existing, 2025, N, 0, 20);
  set_from(p.existing, 2025, G, 1, 30);
  set_from(p.existing, 2025, N, 1, 10);
  set_from(p.required, 2025, G, 1, 30);
  set_from(p.required, 2025, N, 1, 10);
  set_from(p.required, 2028, N, 1, 40);
  set_from(p.required, 2030, G, 0, 200);
  p.projects = {project(1, N, 20, 300, 2025, 2026)};

  const auto result = solve_schedule(p, CbcSolver());
  REQUIRE(result.status == ScheduleStatus::infeasible);
  REQUIRE(result.unmet.has_value());
  CHECK(result.unmet->kind == UnmetRequirement::Kind::requirement);
  CHECK(result.unmet->year == 2028);
  CHECK(result.unmet->bed_type == N);
  CHECK(result.unmet->region == 1);
  CHECK(result.unmet->required == doctest::Approx(40));
  CHECK(result.unmet->shortfall_beds == doctest::Approx(10));
}

TEST_CASE("a nursing bed takes a general-bed elder, a general bed never a nursing one") {
  ScheduleProblem p = empty_problem(2025, 3, 1);
  SUBCASE("general demand in nursing beds: nothing to build") {
    set_from(p.existing, 2025, N, 0, 10);
    set_from(p.required, 2025, G, 0, 10);
    const auto result = solve_schedule(p, CbcSolver());
    CHECK(result.status == ScheduleStatus::optimal);
    CHECK(result.schedule.empty());
  }
  SUBCASE("nursing demand and only general beds: unmet from the first year") {
    set_from(p.existing, 2025, G, 0, 10);
    set_from(p.required, 2025, N, 0, 10);
    const auto result = solve_schedule(p, CbcSolver());
    REQUIRE(result.status == ScheduleStatus::infeasible);
    CHECK(result.unmet->year == 2025);
    CHECK(result.unmet->bed_type == N);
    CHECK(result.unmet->shortfall_beds == doctest::Approx(10));
  }
}

TEST_CASE("the yearly budget binds where the cheapest schedule would exceed it") {
  // 100 nursing beds needed from 2027; two 50-bed projects of 100 each, startable in 2025 or 2026,
  // one-year build. Unconstrained, both start in 2026 (capital later is cheaper after discounting):
  // 200 / 1.05. A budget of 150 a year fits one project a year: 100 + 100 / 1.05.
  ScheduleProblem p = empty_problem(2025, 4, 1);
  p.operating_cost_yuan_per_bed_year = {0, 0, 0};
  set_from(p.required, 2027, N, 0, 100);
  p.projects = {project(0, N, 50, 100, 2025, 2026), project(0, N, 50, 100, 2025, 2026)};

  const auto free = solve_schedule(p, CbcSolver());
  REQUIRE(free.status == ScheduleStatus::optimal);
  CHECK(starts_of(p, free) == std::vector<int>{2026, 2026});
  CHECK(free.costs.discounted_total_wan_yuan == doctest::Approx(200 / 1.05));

  p.annual_budget_wan_yuan = 150;
  const auto bound = solve_schedule(p, CbcSolver());
  REQUIRE(bound.status == ScheduleStatus::optimal);
  auto start = starts_of(p, bound);
  std::sort(start.begin(), start.end());
  CHECK(start == std::vector<int>{2025, 2026});
  CHECK(bound.costs.discounted_total_wan_yuan == doctest::Approx(100 + 100 / 1.05));
}

TEST_CASE("a nursing-share standard binds where the cheapest schedule builds general beds") {
  // 100 general beds needed from 2026. A general project (100 beds, 100) is cheaper than a nursing
  // one (100 beds, 150) and is chosen without a standard; with a nursing share of at least 50%
  // from 2026 the nursing project is chosen (nursing beds take general-bed elders).
  ScheduleProblem p = empty_problem(2025, 3, 1);
  p.operating_cost_yuan_per_bed_year = {0, 0, 0};
  set_from(p.required, 2026, G, 0, 100);
  p.projects = {project(0, G, 100, 100, 2025, 2025), project(0, N, 100, 150, 2025, 2025)};

  const auto free = solve_schedule(p, CbcSolver());
  REQUIRE(free.status == ScheduleStatus::optimal);
  CHECK(starts_of(p, free) == std::vector<int>{2025, -1});

  p.standards.nursing_share = CapacityStandards::NursingShare{2026, 0.5};
  const auto bound = solve_schedule(p, CbcSolver());
  REQUIRE(bound.status == ScheduleStatus::optimal);
  CHECK(starts_of(p, bound) == std::vector<int>{-1, 2025});
  CHECK(bound.capacity.at(2026, N, 0) == doctest::Approx(100));
  CHECK(bound.costs.discounted_total_wan_yuan == doctest::Approx(150));

  SUBCASE("a standard no candidate can reach is named with its year") {
    p.standards.nursing_share = CapacityStandards::NursingShare{2025, 0.5};  // 2025: no beds can open yet
    set_from(p.existing, 2025, G, 0, 20);
    const auto none = solve_schedule(p, CbcSolver());
    REQUIRE(none.status == ScheduleStatus::infeasible);
    CHECK(none.unmet->kind == UnmetRequirement::Kind::nursing_share);
    CHECK(none.unmet->year == 2025);
    CHECK(none.unmet->shortfall_beds == doctest::Approx(10));  // 20 general beds: 10 nursing beds short of 50%
  }
}

TEST_CASE("costs are discounted as a hand computation does") {
  // 2025-2028 at 5% a year; 5 general beds exist throughout (1 (10,000 yuan) a bed-year); a
  // 10-bed nursing project (capital 100, 2 a bed-year) must start in 2026 and opens in 2027.
  ScheduleProblem p = empty_problem(2025, 4, 1);
  p.operating_cost_yuan_per_bed_year = {10000, 20000, 0};
  set_from(p.existing, 2025, G, 0, 5);
  set_from(p.required, 2027, N, 0, 10);
  p.projects = {project(0, N, 10, 100, 2026, 2026)};

  const auto result = solve_schedule(p, CbcSolver());
  REQUIRE(result.status == ScheduleStatus::optimal);
  REQUIRE(result.schedule.size() == 1);
  CHECK(result.schedule[0].start_year == 2026);
  CHECK(result.schedule[0].opening_year == 2027);
  const double d1 = 1 / 1.05, d2 = d1 * d1, d3 = d2 * d1;
  CHECK(result.costs.capital_wan_yuan == doctest::Approx(100));
  CHECK(result.costs.operating_wan_yuan == doctest::Approx(4 * 5 + 2 * 20));  // general 4 years x 5; nursing 2 years x 20
  CHECK(result.costs.discounted_capital_wan_yuan == doctest::Approx(100 * d1));
  CHECK(result.costs.discounted_operating_wan_yuan == doctest::Approx(5 * (1 + d1 + d2 + d3) + 20 * (d2 + d3)));
  CHECK(result.costs.discounted_total_wan_yuan == doctest::Approx(100 * d1 + 5 * (1 + d1 + d2 + d3) + 20 * (d2 + d3)));
}

TEST_CASE("generic options: conversions in whole blocks, and a closure where beds stand unneeded") {
  ScheduleProblem p = empty_problem(2025, 4, 1);
  set_from(p.existing, 2025, G, 0, 50);
  SUBCASE("converting general beds covers a nursing need more cheaply than building") {
    set_from(p.required, 2027, N, 0, 15);
    set_from(p.required, 2027, G, 0, 30);
    BuildOption build;
    build.bed_type = N;
    p.builds = {build};                            // 10 beds a block at 18.66 a bed
    p.conversions = {ConversionOption{}};          // 10 beds a block at 4 a bed, to nursing
    const auto result = solve_schedule(p, CbcSolver());
    REQUIRE(result.status == ScheduleStatus::optimal);
    CHECK(result.capacity.at(2027, N, 0) == doctest::Approx(20));  // two whole blocks for 15 beds
    CHECK(result.capacity.at(2027, G, 0) == doctest::Approx(30));
    for (const auto& s : result.schedule) CHECK(s.kind == CandidateKind::conversion);
  }
  SUBCASE("a facility whose beds are not needed closes in the first year") {
    set_from(p.required, 2025, G, 0, 20);
    ClosureOption closure;
    closure.id = "F1";
    closure.beds = {30, 0, 0};
    closure.earliest_year = 2025;
    p.closures = {closure};
    const auto result = solve_schedule(p, CbcSolver());
    REQUIRE(result.status == ScheduleStatus::optimal);
    REQUIRE(result.schedule.size() == 1);
    CHECK(result.schedule[0].start_year == 2025);
    CHECK(result.capacity.at(2028, G, 0) == doctest::Approx(20));
  }
}

TEST_CASE("the idle bound: no new bed where the county's beds would stand idle beyond max_idle_share") {
  // 50 general beds; from 2027, 30 general and 15 nursing beds needed, 25 + 12 = 37 of them occupied.
  // A 10-bed nursing block costs 1 a bed, converting 10 general beds 4 a bed. Without a bound two
  // blocks are built (70 beds). With max_idle_share 0.35 the county may have at most
  // max(50, floor(37 / 0.65) + 10) = 66 beds: one block and one conversion (60 beds).
  ScheduleProblem p = empty_problem(2025, 3, 1);
  p.operating_cost_yuan_per_bed_year = {0, 0, 0};
  set_from(p.existing, 2025, G, 0, 50);
  set_from(p.required, 2027, G, 0, 30);
  set_from(p.required, 2027, N, 0, 15);
  BuildOption build;
  build.bed_type = N;
  build.capital_wan_yuan_per_bed = 1;
  p.builds = {build};
  p.conversions = {ConversionOption{}};
  const auto free = solve_schedule(p, CbcSolver());
  REQUIRE(free.status == ScheduleStatus::optimal);
  CHECK(free.capacity.at(2027, N, 0) == doctest::Approx(20));
  CHECK(free.capacity.at(2027, G, 0) == doctest::Approx(50));

  IdleBound bound{0.35, CapacityGrid::zeros(2025, 3, 1)};
  bound.occupied.at(2027, G, 0) = 25;
  bound.occupied.at(2027, N, 0) = 12;
  p.idle_bound = bound;
  const auto bounded = solve_schedule(p, CbcSolver());
  REQUIRE(bounded.status == ScheduleStatus::optimal);
  CHECK(bounded.capacity.at(2027, N, 0) == doctest::Approx(20));
  CHECK(bounded.capacity.at(2027, G, 0) == doctest::Approx(40));
  CHECK(bounded.costs.capital_wan_yuan == doctest::Approx(10 + 40));

  SUBCASE("without conversions the level and the bound conflict, named with the year and the excess") {
    p.conversions.clear();
    set_from(p.required, 2027, N, 0, 25);  // three blocks: 80 beds, 14 above the 66 allowed
    const auto none = solve_schedule(p, CbcSolver());
    REQUIRE(none.status == ScheduleStatus::infeasible);
    CHECK(none.unmet->kind == UnmetRequirement::Kind::idle_share);
    CHECK(none.unmet->year == 2027);
    CHECK(none.unmet->required == doctest::Approx(66));
    CHECK(none.unmet->shortfall_beds == doctest::Approx(14));
  }
  SUBCASE("existing beds above the bound are kept, never forced shut") {
    set_from(p.existing, 2025, G, 0, 200);
    p.required = CapacityGrid::zeros(2025, 3, 1);
    const auto kept = solve_schedule(p, CbcSolver());
    REQUIRE(kept.status == ScheduleStatus::optimal);
    CHECK(kept.schedule.empty());
  }
}
