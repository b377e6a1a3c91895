// carecap. SPDX-License-Identifier: MIT
// [money]: every key optional, each validated with a one-line message naming file, line and key.
#include "scenarios/loader/MoneyLoader.hpp"

#include <doctest/doctest.h>

#include <fstream>

#include "sim/Errors.hpp"
#include "TestSupport.hpp"

using namespace carecap;

namespace {

scenarios::SupplyScenario two_projects() {
  scenarios::SupplyScenario s;
  s.supply.regions = {"A"};
  s.supply.operating_cost_yuan_per_bed_year = {20000, 30000, 35000};
  s.supply.facilities = {{"F1", "home", 0, "private", false, {10, 0, 0}}};
  s.supply.projects = {{"1", "x", 2022, 0, supply::ProjectAction::add_beds, 1, 20, false, 100.0, "", 2, true},
                       {"9", "y", 2022, 0, supply::ProjectAction::add_beds, 1, 30, false, 100.0, "", 3, true}};
  return s;
}

/// Reads `body` as a scenario file holding [money] only.
std::optional<money::MoneyParameters> read(const std::string& body, const scenarios::SupplyScenario* supply) {
  testing::TempDir dir;
  const std::string path = dir.file("money.toml");
  std::ofstream(path) << body;
  const scenarios::ScenarioDocument doc(path, {scenarios::money_schema()});
  return scenarios::read_money(doc, supply);
}

std::string error_of(const std::string& body, const scenarios::SupplyScenario* supply) {
  try {
    (void)read(body, supply);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("[money] is optional; its defaults are the supply's costs, no subsidy, public projects, no insurance") {
  const auto supply = two_projects();
  CHECK_FALSE(read("# no money\n", &supply).has_value());
  const auto m = read("[money]\n", &supply);
  REQUIRE(m);
  CHECK(m->operating_fixed_yuan_per_bed_year == std::array<double, 3>{20000, 30000, 35000});
  CHECK(m->operating_yuan_per_resident_year == std::array<double, 3>{0, 0, 0});
  CHECK(m->subsidy_yuan_per_new_bed == std::array<double, 3>{0, 0, 0});
  CHECK(m->project_ownership == std::vector<int>{0, 0});
  CHECK_FALSE(m->ltc.has_value());
}

TEST_CASE("[money] reads subsidies by ownership, project owners by id and the insurance") {
  const auto supply = two_projects();
  const auto m = read(R"([money]
subsidy_yuan_per_new_bed = { private = 2000 }
operating_cost_yuan_per_resident_year = { nursing = 5000 }
project_ownership_by_id = { "9" = "private" }
public_share_operating = { public = 0.6 }
ltc_insured_share = 0.9
ltc_insured_base = "age_15_plus"
ltc_benefit_institution_yuan_per_year = { partly_disabled = 12000, fully_disabled = 24000 }
source = "test"
)", &supply);
  REQUIRE(m);
  CHECK(m->subsidy_yuan_per_new_bed == std::array<double, 3>{0, 2000, 0});
  CHECK(m->operating_yuan_per_resident_year[1] == 5000);
  CHECK(m->project_ownership == std::vector<int>{0, 1});
  CHECK(m->public_share_operating == std::array<double, 3>{0.6, 0.0, 0.0});
  REQUIRE(m->ltc);
  CHECK(m->ltc->insured_share == 0.9);
  CHECK(m->ltc->base == money::InsuredBase::age_15_plus);
  CHECK(m->ltc->benefit_yuan_per_user_year[2][2] == 24000);
  CHECK(m->ltc->benefit_yuan_per_user_year[2][0] == 0);
  CHECK(m->source == "test");
}

TEST_CASE("[money] refuses bad values with the file, line, key, what was expected and what was found") {
  const auto supply = two_projects();
  SUBCASE("an unknown ownership in a subsidy table") {
    const std::string e = error_of("[money]\nsubsidy_yuan_per_new_bed = { nonprofit = 2000 }\n", &supply);
    CHECK(e.find("money.toml:2: money.subsidy_yuan_per_new_bed: expected a table of some of { public, private, "
                 "public_built_private_run }") != std::string::npos);
    CHECK(e.find("unknown key 'nonprofit'") != std::string::npos);
  }
  SUBCASE("a negative subsidy") {
    const std::string e = error_of("[money]\n\nsubsidy_yuan_per_occupied_bed_year = { private = -1 }\n", &supply);
    CHECK(e.find("money.toml:3:") != std::string::npos);
    CHECK(e.find("private = -1") != std::string::npos);
  }
  SUBCASE("a project the plan file does not list") {
    const std::string e = error_of("[money]\nproject_ownership_by_id = { \"7\" = \"private\" }\n", &supply);
    CHECK(e.find("expected a project id of the plan file (1, 9), got '7'") != std::string::npos);
  }
  SUBCASE("an insurance benefit without the insured share") {
    const std::string e = error_of("[money]\nltc_benefit_home_yuan_per_year = { fully_disabled = 1 }\n", &supply);
    CHECK(e.find("ltc_insured_share") != std::string::npos);
  }
  SUBCASE("an insured share above 1") {
    CHECK(error_of("[money]\nltc_insured_share = 1.5\n", &supply).find("money.toml:2: money.ltc_insured_share") != std::string::npos);
  }
  SUBCASE("[money] without [supply]") {
    CHECK(error_of("[money]\n", nullptr).find("money.toml: money: expected a scenario with [supply]") != std::string::npos);
    CHECK(error_of("[money]\nsource = \"x\"\n", nullptr).find("money.toml:2: money.source: expected a scenario with [supply]") !=
          std::string::npos);
  }
  SUBCASE("a facility whose ownership money does not know") {
    auto odd = supply;
    odd.supply.facilities[0].ownership = "collective";
    CHECK(error_of("[money]\n", &odd).find("got 'collective' for facility F1") != std::string::npos);
  }
  SUBCASE("every message is in Chinese too") {
    try {
      (void)read("[money]\nproject_ownership = \"state\"\n", &supply);
      FAIL("no error");
    } catch (const InputError& e) {
      CHECK(std::string(e.zh()).find("money.project_ownership") != std::string::npos);
      CHECK(std::string(e.zh()).find("应为") != std::string::npos);
    }
  }
}

TEST_CASE("a scenario rule's conversions keep the ownership of most of the region's general beds") {
  auto supply = two_projects();
  supply.supply.facilities.push_back({"F2", "public home", 0, "public", false, {4, 0, 0}});
  supply::PlanProject rule{"general_to_nursing:A", "x", 2022, 0, supply::ProjectAction::convert_general_to_nursing, 1, 3, false, 30.0, "", 0, false};
  supply.supply.projects.push_back(rule);
  const auto m = read("[money]\nproject_ownership = \"public_built_private_run\"\n", &supply);
  REQUIRE(m);
  // Listed projects: the stated ownership; the rule's conversion: private (10 of the 14 general beds).
  CHECK(m->project_ownership == std::vector<int>{2, 2, 1});
  const auto overridden = read("[money]\nproject_ownership_by_id = { \"general_to_nursing:A\" = \"public\" }\n", &supply);
  CHECK(overridden->project_ownership == std::vector<int>{0, 0, 0});
}
