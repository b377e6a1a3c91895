// carecap. SPDX-License-Identifier: MIT
// `carecap optimise` (tools/optimise/OptimiseRun, tools/cli/OptimiseCommand) on a small Bei'an test
// scenario (tests/scenarios/beian_optimise.toml: 2021-2026, 3 replications, about a second a run).
#include <doctest/doctest.h>

#include "CliRunner.hpp"
#include "tools/optimise/OptimiseRun.hpp"

using namespace carecap;
using namespace carecap::testing;

namespace {

const std::string kScenario = "tests/scenarios/beian_optimise.toml";

/// A scenario file in `dir` that is the test scenario with `extra` TOML laid over it.
fs::path variant(const CaseDir& dir, const std::string& extra) {
  const fs::path path = dir.path() / "variant.toml";
  write_file(path, "base = \"" + (kSourceDir / kScenario).string() + "\"\n" + extra);
  return path;
}

}  // namespace

TEST_CASE("the chosen plan covers the requirement every year and meets the service level with fresh random numbers") {
  const CaseDir dir;
  const tools::OptimiseResult r = tools::run_optimise_into_file({kScenario, (dir.path() / "out.h5").string(), false, 2});
  REQUIRE(r.schedule.status == planning::ScheduleStatus::optimal);
  const auto& need = r.programme_required;
  const auto& beds = r.schedule.capacity;
  REQUIRE(need.same_shape(beds));
  // Bei'an's rules: general need may take general or nursing beds, dementia need dementia or
  // nursing beds, nursing need nursing beds only; so every set of needs must fit in the beds it may
  // take (Hall's condition), each year from base year + build lag, in each town.
  const int lag = r.scenario.supply->supply.build_lag_years;
  for (int y = need.first_year + lag; y <= need.last_year(); ++y)
    for (int t = 0; t < need.regions; ++t) {
      CAPTURE(y);
      CAPTURE(t);
      const double g = need.at(y, 0, t), n = need.at(y, 1, t), d = need.at(y, 2, t);
      const double G = beds.at(y, 0, t), N = beds.at(y, 1, t), D = beds.at(y, 2, t);
      CHECK(N >= n - 1e-9);
      CHECK(G + N >= g + n - 1e-9);
      CHECK(N + D >= n + d - 1e-9);
      CHECK(G + N + D >= g + n + d - 1e-9);
      CHECK(need.at(y, 1, t) >= r.required_grid.at(y, 1, t));  // tightening only raises
    }
  // The requirement is not trivial: some town's nursing and dementia need exceeds the beds it had
  // that may take them (nursing and dementia beds).
  bool above_existing = false;
  for (int t = 0; t < need.regions; ++t) {
    const int y = need.last_year();
    above_existing |= need.at(y, 1, t) + need.at(y, 2, t) > r.existing.at(y, 1, t) + r.existing.at(y, 2, t);
  }
  CHECK(above_existing);
  CHECK_FALSE(r.schedule.schedule.empty());
  // Verified with another seed than the search's, in every year, type and town.
  CHECK(r.verification_seed != r.scenario.run.seed);
  CHECK(r.verification.met);
  for (const auto& year : r.verification.level)
    for (const auto& a : year) CHECK(a.share_meeting >= r.scenario.service_level->probability);
  // The published plan is priced and verified beside it.
  CHECK(r.published.costs.capital_wan_yuan > 0);
  CHECK(r.schedule.costs.discounted_total_wan_yuan <= r.published.costs.discounted_total_wan_yuan);
}

TEST_CASE("the thread count does not change the optimise file") {
  const CaseDir dir;
  const auto one = run_carecap({"optimise", kScenario, "-o", (dir.path() / "one.h5").string(), "--threads", "1"});
  const auto two = run_carecap({"optimise", kScenario, "-o", (dir.path() / "two.h5").string(), "--threads", "2"});
  REQUIRE(one.status == 0);
  REQUIRE(two.status == 0);
  CHECK(contains(one.out, "verified with fresh random numbers"));
  CHECK(one.out == two.out.substr(0, two.out.rfind("wrote")) + "wrote " + (dir.path() / "one.h5").string() + "\n");
  CHECK(h5diff(dir.path() / "one.h5", dir.path() / "two.h5") == 0);
}

TEST_CASE("bad optimise input is refused with one line and exit 2") {
  const CaseDir dir;
  SUBCASE("a scenario without [service_level]") {
    const auto o = run_carecap({"optimise", "tests/scenarios/beian_plan.toml", "-o", (dir.path() / "x.h5").string()});
    CHECK(o.status == 2);
    CHECK(is_one_line(o.err));
    CHECK(contains(o.err, "[service_level]"));
  }
  SUBCASE("a probability of 1") {
    const auto o = run_carecap({"optimise", variant(dir, "[service_level]\nprobability = 1.0\n").string()});
    CHECK(o.status == 2);
    CHECK(is_one_line(o.err));
    CHECK(contains(o.err, "service_level.probability"));
  }
  SUBCASE("a negative discount rate") {
    const auto o = run_carecap({"optimise", variant(dir, "[optimise]\ndiscount_rate = -0.1\n").string()});
    CHECK(o.status == 2);
    CHECK(is_one_line(o.err));
    CHECK(contains(o.err, "optimise.discount_rate"));
  }
  SUBCASE("a town that is not one of the scenario's") {
    const auto o = run_carecap({"optimise", variant(dir, "[optimise]\nbuild_regions = [\"nowhere\"]\n").string()});
    CHECK(o.status == 2);
    CHECK(is_one_line(o.err));
    CHECK(contains(o.err, "optimise.build_regions"));
  }
  SUBCASE("a verification seed equal to the scenario's") {
    const auto o = run_carecap({"optimise", variant(dir, "[optimise]\nverification_seed = 20240101\n").string()});
    CHECK(o.status == 2);
    CHECK(is_one_line(o.err));
    CHECK(contains(o.err, "fresh random numbers"));
  }
  CHECK_FALSE(fs::exists(dir.path() / "x.h5"));
}

TEST_CASE("a schedule that cannot meet the level names the year, bed type and town") {
  // No capital at all, and the small towns need more nursing beds than they have.
  const CaseDir dir;
  const auto o = run_carecap({"optimise", variant(dir, "[optimise]\nannual_budget_wan_yuan = 0\n").string(), "-o",
                              (dir.path() / "x.h5").string()});
  CHECK(o.status == 2);
  CHECK(is_one_line(o.err));
  CHECK(contains(o.err, "no schedule meets the service level: 20"));
  CHECK(contains(o.err, " beds in "));
  CHECK(contains(o.err, " required, at least "));
  CHECK((contains(o.err, "通北镇") || contains(o.err, "二井镇") || contains(o.err, "赵光镇") || contains(o.err, "北安市")));
  CHECK_FALSE(fs::exists(dir.path() / "x.h5"));
}
