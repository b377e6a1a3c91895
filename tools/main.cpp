// carecap. SPDX-License-Identifier: MIT
// The carecap command line: run and validate scenarios. Exit 0 on success, 2 on bad input,
// 1 on an internal error.
#include <CLI/CLI.hpp>
#include <iostream>

#include "sim/Errors.hpp"
#include "tools/RunCommand.hpp"
#include "tools/Version.hpp"

int main(int argc, char** argv) {
  using namespace carecap;
  CLI::App app{"carecap: population projection and care-capacity simulation"};
  app.set_version_flag("--version", std::string("carecap ") + tools::kVersion + " (" + tools::kGitCommit + ")");
  app.require_subcommand(1);

  tools::RunOptions run;
  CLI::App* run_cmd = app.add_subcommand("run", "run a scenario and write its results to HDF5");
  run_cmd->add_option("scenario", run.scenario_path, "scenario TOML file")->required();
  run_cmd->add_option("-o,--output", run.output_path, "results file (default: <scenario name>.h5 here)");
  run_cmd->add_flag("--force", run.force, "replace an existing results file");
  run_cmd->add_option("--replications", run.replications, "stochastic replications (overrides projection.replications)");
  run_cmd->add_option("--seed", run.seed, "root random seed (overrides projection.seed)");
  run_cmd->add_option("--mode", run.mode, "deterministic or stochastic (overrides projection.mode)");
  run_cmd->add_option("--threads", run.threads, "threads for replications (0: all cores)");

  std::string validate_path;
  CLI::App* validate_cmd = app.add_subcommand("validate", "check a scenario and its tables without running it");
  validate_cmd->add_option("scenario", validate_path, "scenario TOML file")->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return 2;
  }
  try {
    if (*run_cmd) tools::run_command(run);
    if (*validate_cmd) tools::validate_command(validate_path);
  } catch (const InputError& e) {
    std::cerr << "carecap: error: " << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "carecap: internal error: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
