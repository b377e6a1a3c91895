// carecap. SPDX-License-Identifier: MIT
// `carecap synth-pop`: the base population of a county from its published groups, and the bad
// inputs a planner may give it (exit 2, one line naming file and key, nothing written).
#include <doctest/doctest.h>

#include "CliRunner.hpp"

using namespace carecap::testing;

namespace {

/// A groups file in `dir` with the given [population_groups] lines after the standard file.
fs::path groups_file(const CaseDir& dir, const std::string& lines) {
  const fs::path path = dir.path() / "groups.toml";
  write_file(path, "[population_groups]\nstandard_file = \"" +
                       (kSourceDir / "scenarios/data/china_wpp2024/pop_2020_by_age_sex.csv").string() +
                       "\"\nsource = \"test\"\n" + lines);
  return path;
}

}  // namespace

TEST_CASE("synth-pop writes Bei'an's base population and prints each figure next to the result") {
  const CaseDir dir;
  const fs::path out = dir.path() / "population.csv";
  const Outcome outcome =
      run_carecap({"synth-pop", (kSourceDir / "scenarios/beian/population_groups.toml").string(), "-o", out.string()});
  INFO("stderr: " << outcome.err);
  REQUIRE(outcome.status == 0);
  CHECK(outcome.out.find("age_60_plus (ages 60-100)") != std::string::npos);
  CHECK(outcome.out.find("70000           70000") != std::string::npos);
  const std::string csv = read_file(out);
  CHECK(csv.rfind("age,male,female\n0,", 0) == 0);
  CHECK(std::count(csv.begin(), csv.end(), '\n') == 102);  // header and ages 0..100
  SUBCASE("the shipped Bei'an base population is this output") {
    CHECK(csv == read_file(kSourceDir / "scenarios/beian/data/population_2021.csv"));
  }
}

TEST_CASE("synth-pop refuses groups a county cannot have, with one line and nothing written") {
  struct Case {
    const char* what;
    const char* lines;
    const char* message;
  };
  const Case cases[] = {
      {"broad groups that do not add up", "total = 100000\nage_0_14 = 10000\nage_15_59 = 60000\nage_60_plus = 25000\n",
       "groups.toml:7: population_groups.age_60_plus: expected age_0_14 + age_15_59 + age_60_plus to add up to the total 100000, got 95000"},
      {"a share above 1", "total = 100000\nshare_age_60_plus = 1.25\n",
       "groups.toml:5: population_groups.share_age_60_plus: expected a finite number in 0..1, got 1.25"},
      {"more children under 3 than aged 0-14", "total = 100000\nage_0_14 = 9000\nage_0_2 = 12000\n",
       "groups.toml:6: population_groups.age_0_2: expected at most age_0_14 = 9000 persons (a group within it), got 12000"},
      {"a group larger than the total", "total = 100000\nage_60_plus = 120000\n",
       "groups.toml:5: population_groups.age_60_plus: expected at most the total of 100000 persons, got 120000"},
      {"an unknown key", "total = 100000\nage_60_pluss = 1000\n", "groups.toml:5: population_groups.age_60_pluss"},
  };
  for (const Case& c : cases) {
    CAPTURE(std::string(c.what));
    const CaseDir dir;
    const fs::path out = dir.path() / "population.csv";
    const Outcome outcome = run_carecap({"synth-pop", groups_file(dir, c.lines).string(), "-o", out.string()});
    CHECK(outcome.status == 2);
    CHECK(outcome.err.find(c.message) != std::string::npos);
    CHECK(std::count(outcome.err.begin(), outcome.err.end(), '\n') == 1);
    CHECK(!fs::exists(out));
  }
}
