// carecap. SPDX-License-Identifier: MIT
// Specification of studies: plan variants as scenario overlays, run with common random numbers
// and compared against the baseline (scenarios/studies/beian_plan_variants.toml).
#include <doctest/doctest.h>

#include <cmath>

#include "CliRunner.hpp"
#include "scenarios/loader/ScenarioLoader.hpp"
#include "scenarios/loader/Study.hpp"
#include "sim/Errors.hpp"
#include "tools/run/RunOutcomes.hpp"
#include "tools/run/ScenarioRun.hpp"

namespace fs = std::filesystem;
using namespace carecap;
using namespace carecap::testing;

namespace {

const std::string kStudy = "scenarios/studies/beian_plan_variants.toml";

double outcome(const std::vector<tools::Outcome>& outcomes, const std::string& name) {
  for (const auto& o : outcomes)
    if (o.name == name) return o.value;
  FAIL("no outcome " << name);
  return 0;
}

std::vector<tools::Outcome> outcomes_of(const scenarios::Scenario& s) {
  return tools::run_outcomes(s, tools::run_scenario(s, 2).replications);
}

}  // namespace

TEST_CASE("a study loads its baseline and applies each variant's overrides, seed and replications") {
  const scenarios::Study study = scenarios::load_study(kStudy);
  REQUIRE(study.variants.size() == 4);
  CHECK(study.variants[0].name == "as_published");
  CHECK(study.variants[0].scenario.supply->supply.build_lag_years == 1);
  CHECK(study.variants[1].name == "delayed_one_year");
  CHECK(study.variants[1].scenario.supply->supply.build_lag_years == 2);
  for (const auto& v : study.variants) {
    CHECK(v.scenario.run.seed == 20230101);
    CHECK(v.scenario.supply->capacity.replications == 10);
  }
  CHECK(contains(study.variants[1].scenario.text, "# overlay: " + kStudy));  // recorded in the output's provenance
}

TEST_CASE("the study's baseline is the scenario run on its own with the same seed (common random numbers)") {
  const scenarios::Study study = scenarios::load_study(kStudy);
  scenarios::Scenario alone = scenarios::load_scenario("scenarios/beian/beian.toml");
  alone.run.seed = 20230101;
  alone.supply->capacity.replications = 10;
  const auto a = outcomes_of(alone), b = outcomes_of(study.variants[0].scenario);
  for (std::size_t k = 0; k < a.size(); ++k) {
    CAPTURE(a[k].name);
    CHECK((a[k].value == b[k].value || (std::isnan(a[k].value) && std::isnan(b[k].value))));
  }
}

TEST_CASE("variants move the outcomes the way the plan's project list says they must") {
  const scenarios::Study study = scenarios::load_study(kStudy);
  const auto base = outcomes_of(study.variants[0].scenario);
  const auto delayed = outcomes_of(study.variants[1].scenario);
  const auto converted = outcomes_of(study.variants[2].scenario);
  // The list's 2022 projects open on 1 January 2023 (lag 1): 5,298 + their beds pass the
  // 5,598-bed target in 2023; a year's delay moves that to 2024.
  CHECK(outcome(base, "first_year_beds_target_met") == 2023);
  CHECK(outcome(delayed, "first_year_beds_target_met") == 2024);
  // Converting 30% of each town's 2020 general beds adds exactly those beds to the nursing
  // share in 2025 and costs 12.1 (10,000 yuan) per bed converted.
  const auto& supply = study.variants[0].scenario.supply->supply;
  double converted_beds = 0;
  for (std::size_t r = 0; r < supply.regions.size(); ++r) {
    double general = 0;
    for (const auto& f : supply.facilities)
      if (f.region == static_cast<int>(r) && f.opens <= 2021) general += static_cast<double>(f.beds[0]);
    converted_beds += std::round(0.3 * general);
  }
  const double beds_2025 = outcome(base, "beds_in_target_year");
  CHECK(outcome(converted, "nursing_share_in_target_year") ==
        doctest::Approx(outcome(base, "nursing_share_in_target_year") + converted_beds / beds_2025));
  CHECK(outcome(converted, "capital_cost_wan_yuan") ==
        doctest::Approx(outcome(base, "capital_cost_wan_yuan") + 12.1 * converted_beds));
  // The published plan never reaches its 55% nursing share; the conversion reaches it.
  CHECK(std::isnan(outcome(base, "first_year_nursing_share_target_met")));
  CHECK(outcome(converted, "first_year_nursing_share_target_met") == 2023);
}

TEST_CASE("carecap study prints the comparison table and stores it with the indicators in one HDF5 file") {
  const CaseDir dir;
  const fs::path out = dir.path() / "study.h5";
  const auto run = run_carecap({"study", kStudy, "-o", out.string()});
  INFO(run.err);
  REQUIRE(run.status == 0);
  for (const char* row : {"first_year_beds_target_met 床位目标达成年份", "idle_bed_years 空置床位年", "delayed_one_year",
                          "2024 (+1 y)", "nursing_share_in_target_year"})
    CHECK_MESSAGE(contains(run.out, row), row);
  const CaseDir capture;
  REQUIRE(std::system(("h5ls -r " + quoted(out.string()) + " > " + quoted((capture.path() / "ls").string())).c_str()) == 0);
  const std::string listing = read_file(capture.path() / "ls");
  for (const char* dataset : {"/comparison/idle_bed_years", "/difference_from_baseline/capital_cost_wan_yuan", "/indicators/beds",
                              "/scenario"})
    CHECK_MESSAGE(contains(listing, dataset), dataset);
}

TEST_CASE("a study file saved with a UTF-8 byte-order mark (as Windows editors save it) is read") {
  const CaseDir dir;
  write_file(dir.path() / "bom.toml", "\xef\xbb\xbf" + read_file(kSourceDir / kStudy));
  // Paths in the study are relative to its folder: point the scenario back to the source tree.
  std::string text = read_file(dir.path() / "bom.toml");
  const std::string relative = "scenario = \"../beian/beian.toml\"";
  REQUIRE(text.find(relative) != std::string::npos);
  text.replace(text.find(relative), relative.size(),
               "scenario = \"" + (kSourceDir / "scenarios/beian/beian.toml").string() + "\"");
  write_file(dir.path() / "bom.toml", text);
  const scenarios::Study with_bom = scenarios::load_study((dir.path() / "bom.toml").string());
  const scenarios::Study plain = scenarios::load_study(kStudy);
  CHECK(with_bom.name == plain.name);
  CHECK(with_bom.variants.size() == plain.variants.size());
}

TEST_CASE("bad study files exit 2 with one line naming the file and line, and write nothing") {
  const CaseDir dir;
  const std::string head = "[study]\nname = \"s\"\ndescription = \"d\"\nscenario = \"" +
                           (kSourceDir / "scenarios/beian/beian.toml").string() + "\"\nsource = \"t\"\n";
  struct Bad {
    std::string text, expected;
  };
  const Bad cases[] = {
      {head + "[[variant]]\nname = \"v\"\ndescription = \"d\"\n[variant.overrides.supply]\nbuild_lag_yearz = 2\n",
       "bad.toml:10: supply.build_lag_yearz: unknown key"},
      {head + "[[variant]]\nname = \"v\"\ndescription = \"d\"\n[variant.overrides.supply]\nbuild_lag_years = -1\n",
       "bad.toml:10: supply.build_lag_years: expected a whole number in 0..10"},
      {head, "expected at least one [[variant]]"},
      {head + "[[variant]]\nname = \"baseline\"\ndescription = \"d\"\n[variant.overrides.supply]\nbuild_lag_years = 2\n",
       "got \"baseline\" twice"},
      // The battery of every file type (docs/reliability.md): structure, encoding, paths.
      {"[study]\nname = \"s\"\ndescription = \"d\"\nscenario = \"nothere.toml\"\nsource = \"t\"\n",
       "bad.toml:4: study.scenario: expected an existing file (relative to " + (dir.path() / "bad.toml").string() +
           "), got \"nothere.toml\", which does not exist (resolved: " + (dir.path() / "nothere.toml").string() + ")"},
      {head + "colour = 1\n", "bad.toml:6: study.colour: unknown key; expected one of"},
      {"[study]\nname = \"s\"\ndescription = \"d\n", "bad.toml:3: malformed TOML"},
      {"[study]\nname = \"s\"\ndescription = \"\xb1\xb1\xb0\xb2\"\n", "bad.toml:3: malformed TOML: Encountered invalid utf-8 sequence"},
      {"", "bad.toml: study: expected a [study] table, got none"},
      {"[study]\nname = \"../s\"\n", "bad.toml:2: study.name: expected a snake_case name"},
      // A variant of another capacity horizon: outcomes summed over other years (issue 19).
      {head + "[[variant]]\nname = \"v\"\ndescription = \"d\"\n[variant.overrides.capacity]\nlast_year = 2022\n",
       "bad.toml:10: variant.v.overrides.capacity.last_year: expected the baseline's capacity horizon 2021-2035, got "
       "2021-2022 (outcomes are sums over the simulated years)"},
      // Keys a variant cannot change: the study would run it with the baseline's value, or never
      // read or record it.
      {head + "[[variant]]\nname = \"v\"\ndescription = \"d\"\n[variant.overrides.capacity]\nreplications = 3\n",
       "bad.toml:10: variant.v.overrides.capacity.replications: expected a key that a variant can change, got one the "
       "study would ignore: every scenario is run with the same replications"},
      {head + "[[variant]]\nname = \"v\"\ndescription = \"d\"\n[variant.overrides.projection]\nseed = 5\n",
       "bad.toml:10: variant.v.overrides.projection.seed: expected a key that a variant can change"},
      {head + "[[variant]]\nname = \"v\"\ndescription = \"d\"\n[variant.overrides.scenario]\nname = \"other\"\n",
       "bad.toml:10: variant.v.overrides.scenario.name: expected a key that a variant can change"},
      {head + "[[variant]]\nname = \"v\"\ndescription = \"d\"\n[variant.overrides.plan_facts]\npopulation = 1\n",
       "bad.toml:10: variant.v.overrides.plan_facts.population: expected a key that a variant can change, got one the "
       "study would ignore: [plan_facts] is read only by the plan check"},
      {head + "[[variant]]\nname = \"v\"\ndescription = \"d\"\n[variant.overrides.supply]\nbuild_lag_years = 2\n"
              "source = \"a delay\"\n",
       "bad.toml:11: variant.v.overrides.supply.source: expected a key that a variant can change"},
  };
  for (const Bad& bad : cases) {
    CAPTURE(bad.expected);
    write_file(dir.path() / "bad.toml", bad.text);
    const auto run = run_carecap({"study", (dir.path() / "bad.toml").string(), "-o", (dir.path() / "o.h5").string()});
    CHECK(run.status == 2);
    CHECK(is_one_line(run.err));
    CHECK(contains(run.err, bad.expected));
    CHECK_FALSE(fs::exists(dir.path() / "o.h5"));
  }
}

TEST_CASE("a variant may restate the baseline's capacity horizon") {
  const CaseDir dir;
  write_file(dir.path() / "same.toml", "[study]\nname = \"s\"\ndescription = \"d\"\nscenario = \"" +
                                           (kSourceDir / "scenarios/beian/beian.toml").string() +
                                           "\"\nsource = \"t\"\n[[variant]]\nname = \"v\"\ndescription = \"d\"\n"
                                           "[variant.overrides.capacity]\nlast_year = 2035\n");
  const scenarios::Study study = scenarios::load_study((dir.path() / "same.toml").string());
  REQUIRE(study.variants.size() == 2);
  CHECK(study.variants[1].scenario.supply->capacity.last_year == 2035);
}
