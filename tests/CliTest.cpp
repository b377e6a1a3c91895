// carecap. SPDX-License-Identifier: MIT
// The command line's promises: options and their ranges, one-line errors, and output files that
// are never partial, never overwritten without --force, and never left as temporary files.
#include <doctest/doctest.h>

#include <algorithm>

#include "CliRunner.hpp"

using namespace carecap::testing;

TEST_CASE("with --force a valid run replaces an existing output file") {
  const CaseDir output;
  const fs::path results = output.path() / "out.h5";
  const std::string stale = "results of an earlier run, to be replaced\n";
  write_file(results, stale);
  const Outcome outcome = run_carecap({"run", kChinaScenario.string(), "-o", results.string(), "--force"});
  INFO("stderr: " << outcome.err);
  CHECK(outcome.status == 0);
  CHECK(outcome.err.empty());
  const std::string written = read_file(results);
  CHECK(written != stale);
  CHECK(written.compare(0, 8, "\x89HDF\r\n\x1a\n") == 0);  // the HDF5 signature
  CHECK(entries_of(output.path()) == std::vector<std::string>{"out.h5"});
}

TEST_CASE("a run whose output directory does not exist exits 2 and creates nothing") {
  const CaseDir output;
  const fs::path results = output.path() / "no_such_directory" / "out.h5";
  const Outcome outcome = run_carecap({"run", kChinaScenario.string(), "-o", results.string()});
  INFO("stderr: " << outcome.err);
  CHECK(outcome.status == 2);
  CHECK(is_one_line(outcome.err));
  CHECK(contains(outcome.err, results.string()));
  CHECK(entries_of(output.path()).empty());
}

TEST_CASE("a deterministic run asked for several replications on the command line exits 2 and writes nothing") {
  const CaseDir output;
  const fs::path results = output.path() / "out.h5";
  const Outcome outcome = run_carecap({"run", kChinaScenario.string(), "-o", results.string(), "--replications", "5"});
  INFO("stderr: " << outcome.err);
  CHECK(outcome.status == 2);
  CHECK(is_one_line(outcome.err));
  CHECK(contains(outcome.err, "--replications"));
  CHECK(entries_of(output.path()).empty());
}

TEST_CASE("--version exits 0 and names carecap") {
  const Outcome outcome = run_carecap({"--version"});
  INFO("stdout: " << outcome.out);
  CHECK(outcome.status == 0);
  CHECK(contains(outcome.out, "carecap"));
}

TEST_CASE("a results file that cannot be written exits 1 with one line, keeps the existing file and leaves no temporary file") {
  // The China results file takes about 1 MB, far beyond the 64 KiB limit.
  const CaseDir output;
  const fs::path results = output.path() / "out.h5";
  SUBCASE("replacing an existing file with --force") {
    const std::string precious = "results of an earlier run, not to be lost\n";
    write_file(results, precious);
    const Outcome outcome =
        run_carecap({"run", kChinaScenario.string(), "-o", results.string(), "--force"}, kSourceDir, kFileSizeLimit);
    INFO("stderr: " << outcome.err);
    CHECK(outcome.status == 1);
    CHECK(is_one_line(outcome.err));
    CHECK(starts_with(outcome.err, "carecap: error: " + results.string()));
    CHECK(read_file(results) == precious);
    CHECK(entries_of(output.path()) == std::vector<std::string>{"out.h5"});
  }
  SUBCASE("writing a new file") {
    const Outcome outcome = run_carecap({"run", kChinaScenario.string(), "-o", results.string()}, kSourceDir, kFileSizeLimit);
    INFO("stderr: " << outcome.err);
    CHECK(outcome.status == 1);
    CHECK(is_one_line(outcome.err));
    CHECK(entries_of(output.path()).empty());
  }
}

TEST_CASE("an output path that is an existing directory is bad input, with or without --force, and nothing is written") {
  const CaseDir output;
  const fs::path directory = output.path() / "results.h5";
  fs::create_directories(directory);
  for (const bool force : {false, true}) {
    CAPTURE(force);
    std::vector<std::string> args{"run", kChinaScenario.string(), "-o", directory.string()};
    if (force) args.emplace_back("--force");
    const Outcome outcome = run_carecap(args);
    INFO("stderr: " << outcome.err);
    CHECK(outcome.status == 2);
    CHECK(is_one_line(outcome.err));
    CHECK(contains(outcome.err, directory.string()));
    CHECK(contains(outcome.err, "directory"));
    CHECK(entries_of(output.path()) == std::vector<std::string>{"results.h5"});
    CHECK(entries_of(directory).empty());
  }
}

TEST_CASE("a run option out of range is bad input: exit 2, one line naming the option, nothing written") {
  // Ranges: --threads 0..256, --replications 1..100000 (as projection.replications), --seed
  // 0..9223372036854775807 (as projection.seed, a TOML integer); plain decimal integers only.
  const std::vector<std::vector<std::string>> options{
      {"--threads", "100000"},     {"--threads", "257"},           {"--threads", "-1"},
      {"--threads", "x"},          {"--replications", "0"},        {"--replications", "100001"},
      {"--replications", "1e3"},   {"--seed", "-1"},               {"--seed", "9223372036854775808"},
      {"--seed", "99999999999999999999"}, {"--seed", "0x10"},
  };
  const fs::path stochastic = kSourceDir / "tests" / "scenarios" / "china_stochastic.toml";
  for (const auto& option : options) {
    const std::string name = option[0] + " " + option[1];
    SUBCASE(name.c_str()) {
      const CaseDir output;
      const Outcome outcome =
          run_carecap({"run", stochastic.string(), "-o", (output.path() / "out.h5").string(), option[0], option[1]});
      INFO("stderr: " << outcome.err);
      CHECK(outcome.status == 2);
      CHECK(is_one_line(outcome.err));
      CHECK(starts_with(outcome.err, "carecap: error: " + option[0] + ":"));
      CHECK(entries_of(output.path()).empty());
    }
  }
}

TEST_CASE("options at the ends of their ranges are accepted, with more threads than replications") {
  const CaseDir output;
  const fs::path stochastic = kSourceDir / "tests" / "scenarios" / "china_stochastic.toml";
  const Outcome outcome = run_carecap({"run", stochastic.string(), "-o", (output.path() / "out.h5").string(),
                                       "--threads", "256", "--replications", "2", "--seed", "9223372036854775807"});
  INFO("stderr: " << outcome.err);
  CHECK(outcome.status == 0);
  CHECK(outcome.err.empty());
  CHECK(entries_of(output.path()) == std::vector<std::string>{"out.h5"});
}

TEST_CASE("a command line that cannot be parsed exits 2 with one line 'carecap: error: ...'") {
  const std::vector<std::vector<std::string>> command_lines{
      {}, {"frobnicate"}, {"run"}, {"validate"}, {"run", kChinaScenario.string(), "--no-such-option"},
      {"run", kChinaScenario.string(), "--threads"},
  };
  for (const auto& args : command_lines) {
    std::string name = "carecap";
    for (const auto& arg : args) name += " " + arg;
    SUBCASE(name.c_str()) {
      const CaseDir cwd;
      const Outcome outcome = run_carecap(args, cwd.path());
      INFO("stderr: " << outcome.err);
      CHECK(outcome.status == 2);
      CHECK(is_one_line(outcome.err));
      CHECK(starts_with(outcome.err, "carecap: error: "));
      CHECK(outcome.out.empty());
      CHECK(entries_of(cwd.path()).empty());
    }
  }
}

TEST_CASE("--help exits 0 and describes the command line") {
  SUBCASE("carecap --help") {
    const Outcome outcome = run_carecap({"--help"});
    CHECK(outcome.status == 0);
    CHECK(contains(outcome.out, "validate"));
    CHECK(outcome.err.empty());
  }
  SUBCASE("carecap run --help") {
    const Outcome outcome = run_carecap({"run", "--help"});
    CHECK(outcome.status == 0);
    CHECK(contains(outcome.out, "--threads"));
    CHECK(outcome.err.empty());
  }
}

TEST_CASE("check-plan prints Bei'an's contradictions and writes nothing") {
  // The Bei'an plan (北政办规〔2023〕9号): 5,598 beds at 73.6 per 1,000 elders imply about 76,000 elders, not 90,000;
  // and it trains 240 care workers by 2025 in its text, 1,000 in its 附件4 (the fourth contradiction).
  const CaseDir cwd;
  const Outcome outcome = run_carecap({"check-plan", (kSourceDir / "scenarios/beian/beian.toml").string()}, cwd.path());
  INFO("stderr: " << outcome.err);
  CHECK(outcome.status == 0);
  CHECK(outcome.out.find("CONTRADICTION 5,598 beds at 73.6 per 1,000 aged 60+ imply 76,060") != std::string::npos);
  CHECK(outcome.out.find("CONTRADICTION care workers trained, cumulative, 2025: the plan states both 240") != std::string::npos);
  CHECK(outcome.out.find("4 contradiction(s) within the plan") != std::string::npos);
  CHECK(entries_of(cwd.path()).empty());
}

TEST_CASE("check-plan and calibrate on a scenario without their sections exit 2 with one line") {
  for (const char* command : {"check-plan", "calibrate"}) {
    CAPTURE(command);
    const Outcome outcome = run_carecap({command, kChinaScenario.string()});
    CHECK(outcome.status == 2);
    CHECK(std::count(outcome.err.begin(), outcome.err.end(), '\n') == 1);
    CHECK(outcome.err.find(std::string(command) == "calibrate" ? "calibration: missing" : "plan_facts: missing") !=
          std::string::npos);
  }
}

TEST_CASE("calibrate prints the TFR that gives Anyang's 40,000 births and the line that holds it") {
  const Outcome outcome = run_carecap({"calibrate", (kSourceDir / "scenarios/anyang/anyang.toml").string()});
  INFO("stderr: " << outcome.err);
  CHECK(outcome.status == 0);
  CHECK(outcome.out.find("births 40000.0 (target 40000.0)") != std::string::npos);
  CHECK(outcome.out.find("[fertility] tfr_path = [[2021, 1.1095], [2035, 1.1095]]") != std::string::npos);
}

TEST_CASE("calibrate prints the care-use factors the run calibrates to Bei'an's half-occupied beds") {
  // beian_national_vacancy.toml: capacity.initial_occupancy = 0.5 of 5,298 beds -> 2,651 residents,
  // 3.77% of people aged 60+ where the national default propensities seek 0.74% (the run's summary).
  const std::string factors =
      "care use (institutions): general x 9.650, nursing x 2.414, dementia x 2.414 — residents 2,651 = 3.77% of "
      "people aged 60+, 5.1 times the national default of 0.74% (capacity.initial_occupancy)\n";
  SUBCASE("next to the fertility the scenario's [calibration] fits") {
    const Outcome outcome =
        run_carecap({"calibrate", (kSourceDir / "scenarios/beian/beian_national_vacancy.toml").string()});
    INFO("stderr: " << outcome.err);
    CHECK(outcome.status == 0);
    CHECK(contains(outcome.out, "[fertility] tfr_path = [[2021, 0.4314], [2035, 0.4314]]"));
    CHECK(contains(outcome.out, factors));
    CHECK(outcome.out.find("fertility:") < outcome.out.find("care use"));
  }
  SUBCASE("without [calibration]: the care use alone") {
    // Bei'an's file without its [calibration] section, its paths made absolute, the beds half occupied.
    const CaseDir dir;
    const fs::path beian = kSourceDir / "scenarios/beian";
    std::string text = read_file(beian / "beian.toml");
    text = text.substr(0, text.find("\n[calibration]") + 1);
    auto replace_all = [&text](const std::string& from, const std::string& to) {
      for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    };
    replace_all("\"../", "\"" + (beian / "..").string() + "/");
    replace_all("\"data/", "\"" + (beian / "data").string() + "/");
    replace_all("[capacity]\n", "[capacity]\ninitial_occupancy = 0.5\n");
    const fs::path scenario = dir.path() / "uncalibrated.toml";
    write_file(scenario, text);
    const Outcome outcome = run_carecap({"calibrate", scenario.string()});
    INFO("stderr: " << outcome.err);
    CHECK(outcome.status == 0);
    CHECK(contains(outcome.out, "(no [calibration]: fertility and migration as the scenario states them)"));
    CHECK_FALSE(contains(outcome.out, "fertility:"));
    CHECK(contains(outcome.out, factors));
  }
  SUBCASE("Bei'an as published states no use: the national default, not calibrated") {
    const Outcome outcome = run_carecap({"calibrate", (kSourceDir / "scenarios/beian/beian.toml").string()});
    CHECK(outcome.status == 0);
    CHECK(contains(outcome.out, "care use (institutions): the national default, not calibrated"));
  }
}

TEST_CASE("an unknown subcommand is named, with the subcommands there are") {
  const CaseDir cwd;
  const Outcome outcome = run_carecap({"rnu", kChinaScenario.string()}, cwd.path());
  CHECK(outcome.status == 2);
  CHECK(outcome.err ==
        "carecap: error: rnu: unknown subcommand; expected one of run, validate, synth-pop, check-plan, study, optimise, "
        "sweep, report, export, calibrate, serve\n");
  CHECK(entries_of(cwd.path()).empty());
}

TEST_CASE("an empty output path is bad input for every command that writes one: exit 2, one line, nothing written") {
  // Without the check, -o "" would mean the default name and write NAME.h5 here.
  const std::string with_default = "(leave the option out for the default name)";
  const std::vector<std::pair<std::vector<std::string>, std::string>> command_lines{
      {{"run", kChinaScenario.string(), "-o", ""}, "carecap: error: --output: expected a path, got \"\" " + with_default},
      {{"study", (kSourceDir / "scenarios/studies/beian_plan_variants.toml").string(), "-o", ""},
       "carecap: error: --output: expected a path, got \"\" " + with_default},
      {{"sweep", (kSourceDir / "scenarios/sweeps/beian_uncertainty.toml").string(), "-o", ""},
       "carecap: error: --output: expected a path, got \"\" " + with_default},
      {{"report", "results.h5", "-o", ""}, "carecap: error: --output: expected a path, got \"\" " + with_default},
      {{"synth-pop", (kSourceDir / "scenarios/anyang/population_groups.toml").string(), "-o", ""},
       "carecap: error: --output: expected a path, got \"\""},
      {{"export", "results.h5", "--xlsx", ""}, "carecap: error: --xlsx: expected a path, got \"\""},
      {{"export", "results.h5", "--csv", ""}, "carecap: error: --csv: expected a path, got \"\""},
  };
  for (const auto& [args, line] : command_lines) {
    SUBCASE((args[0] + " " + args[args.size() - 2]).c_str()) {
      const CaseDir cwd;
      const Outcome outcome = run_carecap(args, cwd.path());
      CHECK(outcome.status == 2);
      CHECK(outcome.err == line + "\n");
      CHECK(entries_of(cwd.path()).empty());
    }
  }
}

TEST_CASE("without -o a run writes the scenario's name .h5, not the file's stem") {
  // scenarios/china.toml: [scenario] name = "china_wpp2024_medium" (scenarios/README.md, "name").
  const CaseDir cwd;
  const Outcome outcome = run_carecap({"run", kChinaScenario.string()}, cwd.path());
  INFO("stderr: " << outcome.err);
  CHECK(outcome.status == 0);
  CHECK(entries_of(cwd.path()) == std::vector<std::string>{"china_wpp2024_medium.h5"});
  CHECK(contains(outcome.out, "wrote china_wpp2024_medium.h5"));
}

TEST_CASE("a calibration that cannot be done names the scenario file") {
  // Bei'an's migration is closed: there is no migration profile whose level could be fitted.
  const CaseDir dir;
  const fs::path scenario = dir.path() / "fit_population.toml";
  write_file(scenario, "base = \"" + (kSourceDir / "scenarios/beian/beian.toml").string() +
                           "\"\n[calibration]\npopulation = 300000\npopulation_year = 2025\n");
  const Outcome outcome = run_carecap({"calibrate", scenario.string()}, dir.path());
  CHECK(outcome.status == 2);
  CHECK(is_one_line(outcome.err));
  CHECK(starts_with(outcome.err, "carecap: error: " + scenario.string() + ": calibration.population: expected [migration] "
                                 "total_path or total_file with age_sex_profile_file"));
}
