// carecap. SPDX-License-Identifier: MIT
// The carecap command line: run and validate scenarios. Exit 0 on success, 2 on bad input (a
// scenario, a table or a command-line option), 1 on a failure while running or an internal error.
// Every failure is reported as one line on stderr.
#include <CLI/CLI.hpp>
#include <charconv>
#include <cstdint>
#include <iostream>
#include <string>

#include "sim/Errors.hpp"
#include "tools/cli/CalibrateCommand.hpp"
#include "tools/cli/CheckPlanCommand.hpp"
#include "tools/cli/ExportCommand.hpp"
#include "tools/run/ErrorReport.hpp"
#include "tools/run/MemoryEstimate.hpp"
#include "tools/sweep/MpiSession.hpp"
#include "tools/cli/ReportCommand.hpp"
#include "tools/cli/RunCommand.hpp"
#include "tools/cli/StudyCommand.hpp"
#include "tools/sweep/SweepEngine.hpp"
#include "tools/cli/SynthPopCommand.hpp"
#include "tools/run/Version.hpp"

namespace {

/// Prints the error that ends the command as one line, unless rank 0 of an MPI sweep already
/// printed it for every process.
void report_error(carecap::tools::ErrorKind kind, const std::string& what) {
  if (!carecap::tools::MpiSession::error_reported()) carecap::tools::print_error(kind, what);
}

/// Accepts only a plain decimal integer from `min` to `max`, and hands CLI11 its canonical form:
/// CLI11 2.1 itself would read "010" as octal, "0x10" as hex, "-1" as the largest unsigned value
/// and saturate on overflow.
CLI::Validator decimal_from_to(std::int64_t min, std::int64_t max) {
  const std::string range = std::to_string(min) + " to " + std::to_string(max);
  return CLI::Validator(
      [min, max, range](std::string& text) -> std::string {
        std::int64_t value = 0;
        const char* end = text.data() + text.size();
        const auto [stop, error] = std::from_chars(text.data(), end, value);
        if (text.empty() || error != std::errc() || stop != end || value < min || value > max)
          return "expected an integer from " + range + ", got " + text;
        text = std::to_string(value);
        return {};
      },
      "INT from " + range);
}

/// An output path given as "" is bad input (without the check, "" would mean the default name).
/// `has_default`: the message says how to get the default instead.
CLI::Validator non_empty_path(bool has_default) {
  const std::string message =
      std::string("expected a path, got \"\"") + (has_default ? " (leave the option out for the default name)" : "");
  return CLI::Validator([message](std::string& text) -> std::string { return text.empty() ? message : ""; }, "PATH");
}

/// The first word that is not an option must name a subcommand: CLI11 would only say that one
/// is required. Throws InputError naming the word and listing the subcommands.
void check_subcommand_word(CLI::App& app, int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string word = argv[i];
    if (!word.empty() && word.front() == '-') continue;  // --help, --version: the only options before one
    std::string names;
    for (const CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
      if (sub->get_name() == word) return;
      names += (names.empty() ? "" : ", ") + sub->get_name();
    }
    throw carecap::InputError(word + ": unknown subcommand; expected one of " + names);
  }
}

}  // namespace

int main(int argc, char** argv) {
  using namespace carecap;
  try {
    CLI::App app{"carecap: population projection and care-capacity simulation"};
    app.set_version_flag("--version", std::string("carecap ") + tools::kVersion + " (" + tools::kGitCommit + ")");
    app.require_subcommand(1);

    std::string max_memory;  // --max-memory of run, study, sweep and check-plan (one subcommand runs)
    const char* max_memory_help = "memory the command may plan to use, e.g. 4G or 512M (default: 80% of RAM or the cgroup limit)";
    tools::RunOptions run;
    CLI::App* run_cmd = app.add_subcommand("run", "run a scenario and write its results to HDF5");
    run_cmd->add_option("scenario", run.scenario_path, "scenario TOML file")->required();
    run_cmd->add_option("-o,--output", run.output_path, "results file (default: <scenario name>.h5 here)")
        ->check(non_empty_path(true));
    run_cmd->add_flag("--force", run.force, "replace an existing results file");
    run_cmd->add_option("--replications", run.replications, "stochastic replications (overrides projection.replications)")
        ->check(decimal_from_to(1, tools::kMaxReplications));
    run_cmd->add_option("--seed", run.seed, "root random seed (overrides projection.seed)")
        ->check(decimal_from_to(0, static_cast<std::int64_t>(tools::kMaxSeed)));
    run_cmd->add_option("--mode", run.mode,
                        "deterministic or stochastic (overrides projection.mode; deterministic means 1 replication)");
    run_cmd->add_option("--threads", run.threads, "threads for replications (0: all cores)")
        ->check(decimal_from_to(0, tools::kMaxThreads));
    run_cmd->add_option("--max-memory", max_memory, max_memory_help);

    std::string validate_path;
    CLI::App* validate_cmd = app.add_subcommand("validate", "check a scenario and its tables without running it");
    validate_cmd->add_option("scenario", validate_path, "scenario TOML file")->required();

    std::string groups_path, population_path;
    bool population_force = false;
    CLI::App* synth_cmd = app.add_subcommand(
        "synth-pop", "make a single-age base population (CSV) from a county's total and age groups");
    synth_cmd->add_option("groups", groups_path, "population-groups TOML file")->required();
    synth_cmd->add_option("-o,--output", population_path, "population CSV to write (age,male,female)")
        ->required()
        ->check(non_empty_path(false));
    synth_cmd->add_flag("--force", population_force, "replace an existing file");

    std::string check_path;
    int check_threads = 0;
    CLI::App* check_cmd = app.add_subcommand(
        "check-plan", "run a scenario and compare its plan's facts, forecasts and targets with the model and each other");
    check_cmd->add_option("scenario", check_path, "scenario TOML file with [plan_facts]")->required();
    check_cmd->add_option("--threads", check_threads, "threads for replications (0: all cores)")
        ->check(decimal_from_to(0, tools::kMaxThreads));
    check_cmd->add_option("--max-memory", max_memory, max_memory_help);

    tools::StudyOptions study;
    CLI::App* study_cmd = app.add_subcommand(
        "study", "run a baseline scenario and plan variants with common random numbers and compare them");
    study_cmd->add_option("study", study.study_path, "study TOML file ([study] and [[variant]] tables)")->required();
    study_cmd->add_option("-o,--output", study.output_path, "results file (default: <study name>.h5 here)")
        ->check(non_empty_path(true));
    study_cmd->add_flag("--force", study.force, "replace an existing results file");
    study_cmd->add_option("--threads", study.threads, "threads for replications (0: all cores)")
        ->check(decimal_from_to(0, tools::kMaxThreads));
    study_cmd->add_option("--max-memory", max_memory, max_memory_help);

    tools::SweepOptions sweep;
    CLI::App* sweep_cmd = app.add_subcommand(
        "sweep", "run a sensitivity sweep of a scenario's uncertain parameters (OpenMP threads; MPI processes under mpirun)");
    sweep_cmd->add_option("sweep", sweep.sweep_path, "sweep TOML file ([sweep] and [[parameter]] tables)")->required();
    sweep_cmd->add_option("-o,--output", sweep.output_path, "results file (default: <sweep name>.h5 here)")
        ->check(non_empty_path(true));
    sweep_cmd->add_flag("--force", sweep.force, "replace an existing results file or interrupted sweep");
    sweep_cmd->add_flag("--resume", sweep.resume,
                        "continue an interrupted sweep from OUTPUT.partial (with none, start the sweep; on a complete OUTPUT of the same sweep, do nothing)");
    sweep_cmd->add_flag("--keep-trajectories", sweep.keep_trajectories, "also write every run's indicators by year");
    sweep_cmd->add_option("--threads", sweep.threads, "threads per process (0: all cores)")
        ->check(decimal_from_to(0, tools::kMaxThreads));
    sweep_cmd->add_option("--max-memory", max_memory, max_memory_help);

    tools::ReportOptions report;
    CLI::App* report_cmd = app.add_subcommand(
        "report", "write a self-contained HTML report (charts, tables, warnings) of a run, study or sweep output; works offline");
    report_cmd->add_option("input", report.input_path, "carecap output: a run's results, a study or a sweep file (.h5)")
        ->required();
    report_cmd->add_option("-o,--output", report.output_path, "HTML file to write (default: the input's name with .html)")
        ->check(non_empty_path(true));
    report_cmd->add_option("--lang", report.lang, "language the page opens in: zh (default) or en; the page switches");
    report_cmd->add_flag("--force", report.force, "replace an existing HTML file");

    tools::ExportOptions export_options;
    CLI::App* export_cmd = app.add_subcommand(
        "export", "write the tables of a run, study or sweep report as an Excel workbook and/or CSV files");
    export_cmd->add_option("input", export_options.input_path, "carecap output: a run's results, a study or a sweep file")
        ->required();
    export_cmd->add_option("--xlsx", export_options.xlsx_path, "Excel workbook to write, one sheet per table")
        ->check(non_empty_path(false));
    export_cmd->add_option("--csv", export_options.csv_directory, "directory to make, one CSV file per table (UTF-8)")
        ->check(non_empty_path(false));
    export_cmd->add_option("--lang", export_options.lang, "language of titles, headers and words: zh (default) or en");
    export_cmd->add_flag("--force", export_options.force, "replace an existing workbook or CSV directory");
    export_cmd->add_flag("--full-precision", export_options.full_precision, "CSV numbers to full precision (default: rounded as the workbook shows them)");

    std::string calibrate_path;
    CLI::App* calibrate_cmd = app.add_subcommand(
        "calibrate", "fit fertility to observed births and migration to an observed population ([calibration]); print care-use factors from stated residents");
    calibrate_cmd->add_option("scenario", calibrate_path, "scenario TOML file with [calibration], observed residents or capacity.initial_occupancy")->required();

    check_subcommand_word(app, argc, argv);
    try {
      app.parse(argc, argv);
    } catch (const CLI::Success& e) {  // --help, --help-all, --version
      return app.exit(e);
    } catch (const CLI::ParseError& e) {
      report_error(tools::ErrorKind::input, e.what());
      return 2;
    }
    if (!max_memory.empty()) tools::set_memory_limit(tools::parse_memory_size(max_memory));
    if (*run_cmd) tools::run_command(run);
    if (*validate_cmd) tools::validate_command(validate_path);
    if (*calibrate_cmd) tools::calibrate_command(calibrate_path);
    if (*check_cmd) tools::check_plan_command(check_path, check_threads);
    if (*study_cmd) tools::study_command(study);
    if (*sweep_cmd) tools::run_sweep(sweep);
    if (*report_cmd) tools::report_command(report);
    if (*export_cmd) tools::export_command(export_options);
    if (*synth_cmd) tools::synth_pop_command(groups_path, population_path, population_force);
  } catch (const InputError& e) {
    report_error(tools::ErrorKind::input, e.what());
    return 2;
  } catch (const RuntimeFault& e) {
    report_error(tools::ErrorKind::fault, e.what());
    return 1;
  } catch (const std::exception& e) {
    report_error(tools::ErrorKind::internal, e.what());
    return 1;
  } catch (...) {
    report_error(tools::ErrorKind::internal, "unknown exception");
    return 1;
  }
  return 0;
}
