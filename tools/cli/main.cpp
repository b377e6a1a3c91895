// carecap. SPDX-License-Identifier: MIT
// The carecap command line: run and validate scenarios. Exit 0 on success, 2 on bad input (a
// scenario, a table or a command-line option), 1 on a failure while running or an internal error.
// Every failure is reported as one line on stderr, in the command's language (--lang, else the
// locale: tools/cli/CommandLanguage), as are the help and everything the command prints.
#include <CLI/CLI.hpp>
#include <cstdint>
#include <iostream>
#include <string>

#include "sim/Errors.hpp"
#include "text/Catalogue.hpp"
#include "tools/cli/CalibrateCommand.hpp"
#include "tools/cli/CheckPlanCommand.hpp"
#include "tools/cli/Cli11Words.hpp"
#include "tools/cli/CommandLanguage.hpp"
#include "tools/cli/ExportCommand.hpp"
#include "tools/cli/OptionChecks.hpp"
#include "tools/cli/ReportCommand.hpp"
#include "tools/cli/RunCommand.hpp"
#include "tools/cli/ServeCommand.hpp"
#include "tools/cli/OptimiseCommand.hpp"
#include "tools/cli/StudyCommand.hpp"
#include "tools/cli/SynthPopCommand.hpp"
#include "tools/run/ErrorReport.hpp"
#include "tools/run/MemoryEstimate.hpp"
#include "tools/run/Version.hpp"
#include "tools/sweep/MpiSession.hpp"
#include "tools/sweep/SweepEngine.hpp"

namespace {

/// Prints the error that ends the command as one line, unless rank 0 of an MPI sweep already
/// printed it for every process.
void report_error(carecap::tools::ErrorKind kind, const carecap::text::Text& what, carecap::text::Lang lang) {
  if (!carecap::tools::MpiSession::error_reported()) carecap::tools::print_error(kind, what, lang);
}

}  // namespace

int main(int argc, char** argv) {
  using namespace carecap;
  const text::Lang lang = tools::command_language(argc, argv);
  try {
    CLI::App app{text::say(lang, "cli.app.description")};
    app.set_version_flag("--version", std::string("carecap ") + tools::kVersion + " (" + tools::kGitCommit + ")");
    app.require_subcommand(1);
    std::string lang_word;  // --lang of every subcommand but report and export: read by command_language
    app.add_option("--lang", lang_word, text::say(lang, "cli.option.lang"))->check(tools::language_code(lang));
    const auto add_lang = [&](CLI::App* sub) {
      sub->add_option("--lang", lang_word, text::say(lang, "cli.option.lang"))->check(tools::language_code(lang));
    };
    const auto decimal = [lang](std::int64_t min, std::int64_t max) { return tools::decimal_from_to(min, max, lang); };
    const auto path = [lang](bool has_default) { return tools::non_empty_path(has_default, lang); };

    std::string max_memory;  // --max-memory of run, study, sweep and check-plan (one subcommand runs)
    tools::RunOptions run;
    run.lang = lang;
    CLI::App* run_cmd = app.add_subcommand("run", text::say(lang, "cli.run.description"));
    run_cmd->add_option("scenario", run.scenario_path, text::say(lang, "cli.option.scenario"))->required();
    run_cmd->add_option("-o,--output", run.output_path, text::say(lang, "cli.run.output"))->check(path(true));
    run_cmd->add_flag("--force", run.force, text::say(lang, "cli.option.force_results"));
    run_cmd->add_option("--replications", run.replications, text::say(lang, "cli.run.replications"))
        ->check(decimal(1, tools::kMaxReplications));
    run_cmd->add_option("--seed", run.seed, text::say(lang, "cli.run.seed"))->check(decimal(0, static_cast<std::int64_t>(tools::kMaxSeed)));
    run_cmd->add_option("--mode", run.mode, text::say(lang, "cli.run.mode"));
    run_cmd->add_option("--threads", run.threads, text::say(lang, "cli.option.threads"))->check(decimal(0, tools::kMaxThreads));
    run_cmd->add_option("--max-memory", max_memory, text::say(lang, "cli.option.max_memory"));
    add_lang(run_cmd);

    std::string validate_path;
    CLI::App* validate_cmd = app.add_subcommand("validate", text::say(lang, "cli.validate.description"));
    validate_cmd->add_option("scenario", validate_path, text::say(lang, "cli.option.scenario"))->required();
    add_lang(validate_cmd);

    std::string groups_path, population_path;
    bool population_force = false;
    CLI::App* synth_cmd = app.add_subcommand("synth-pop", text::say(lang, "cli.synth_pop.description"));
    synth_cmd->add_option("groups", groups_path, text::say(lang, "cli.synth_pop.groups"))->required();
    synth_cmd->add_option("-o,--output", population_path, text::say(lang, "cli.synth_pop.output"))->required()->check(path(false));
    synth_cmd->add_flag("--force", population_force, text::say(lang, "cli.synth_pop.force"));
    add_lang(synth_cmd);

    std::string check_path;
    int check_threads = 0;
    CLI::App* check_cmd = app.add_subcommand("check-plan", text::say(lang, "cli.check_plan.description"));
    check_cmd->add_option("scenario", check_path, text::say(lang, "cli.check_plan.scenario"))->required();
    check_cmd->add_option("--threads", check_threads, text::say(lang, "cli.option.threads"))->check(decimal(0, tools::kMaxThreads));
    check_cmd->add_option("--max-memory", max_memory, text::say(lang, "cli.option.max_memory"));
    add_lang(check_cmd);

    tools::StudyOptions study;
    study.lang = lang;
    CLI::App* study_cmd = app.add_subcommand("study", text::say(lang, "cli.study.description"));
    study_cmd->add_option("study", study.study_path, text::say(lang, "cli.study.study"))->required();
    study_cmd->add_option("-o,--output", study.output_path, text::say(lang, "cli.study.output"))->check(path(true));
    study_cmd->add_flag("--force", study.force, text::say(lang, "cli.option.force_results"));
    study_cmd->add_option("--threads", study.threads, text::say(lang, "cli.option.threads"))->check(decimal(0, tools::kMaxThreads));
    study_cmd->add_option("--max-memory", max_memory, text::say(lang, "cli.option.max_memory"));
    add_lang(study_cmd);

    tools::OptimiseOptions optimise;
    optimise.lang = lang;
    CLI::App* optimise_cmd = app.add_subcommand("optimise", text::say(lang, "cli.optimise.description"));
    optimise_cmd->add_option("scenario", optimise.scenario_path, text::say(lang, "cli.option.scenario"))->required();
    optimise_cmd->add_option("-o,--output", optimise.output_path, text::say(lang, "cli.optimise.output"))->check(path(true));
    optimise_cmd->add_flag("--force", optimise.force, text::say(lang, "cli.option.force_results"));
    optimise_cmd->add_option("--sweep", optimise.sweep_path, text::say(lang, "cli.optimise.sweep"));
    optimise_cmd->add_option("--threads", optimise.threads, text::say(lang, "cli.option.threads"))->check(decimal(0, tools::kMaxThreads));
    optimise_cmd->add_option("--max-memory", max_memory, text::say(lang, "cli.option.max_memory"));
    add_lang(optimise_cmd);

    tools::SweepOptions sweep;
    sweep.lang = lang;
    CLI::App* sweep_cmd = app.add_subcommand("sweep", text::say(lang, "cli.sweep.description"));
    sweep_cmd->add_option("sweep", sweep.sweep_path, text::say(lang, "cli.sweep.sweep"))->required();
    sweep_cmd->add_option("-o,--output", sweep.output_path, text::say(lang, "cli.sweep.output"))->check(path(true));
    sweep_cmd->add_flag("--force", sweep.force, text::say(lang, "cli.sweep.force"));
    sweep_cmd->add_flag("--resume", sweep.resume, text::say(lang, "cli.sweep.resume"));
    sweep_cmd->add_flag("--keep-trajectories", sweep.keep_trajectories, text::say(lang, "cli.sweep.keep_trajectories"));
    sweep_cmd->add_option("--threads", sweep.threads, text::say(lang, "cli.sweep.threads"))->check(decimal(0, tools::kMaxThreads));
    sweep_cmd->add_option("--max-memory", max_memory, text::say(lang, "cli.option.max_memory"));
    add_lang(sweep_cmd);

    tools::ReportOptions report;
    report.message_lang = lang;
    CLI::App* report_cmd = app.add_subcommand("report", text::say(lang, "cli.report.description"));
    report_cmd->add_option("input", report.input_path, text::say(lang, "cli.report.input"))->required();
    report_cmd->add_option("-o,--output", report.output_path, text::say(lang, "cli.report.output"))->check(path(true));
    report_cmd->add_option("--lang", report.lang, text::say(lang, "cli.report.lang"))->check(tools::language_code(lang));
    report_cmd->add_flag("--force", report.force, text::say(lang, "cli.report.force"));

    tools::ExportOptions export_options;
    export_options.message_lang = lang;
    CLI::App* export_cmd = app.add_subcommand("export", text::say(lang, "cli.export.description"));
    export_cmd->add_option("input", export_options.input_path, text::say(lang, "cli.export.input"))->required();
    export_cmd->add_option("--xlsx", export_options.xlsx_path, text::say(lang, "cli.export.xlsx"))->check(path(false));
    export_cmd->add_option("--csv", export_options.csv_directory, text::say(lang, "cli.export.csv"))->check(path(false));
    export_cmd->add_option("--lang", export_options.lang, text::say(lang, "cli.export.lang"))->check(tools::language_code(lang));
    export_cmd->add_flag("--force", export_options.force, text::say(lang, "cli.export.force"));
    export_cmd->add_flag("--full-precision", export_options.full_precision, text::say(lang, "cli.export.full_precision"));

    std::string calibrate_path;
    CLI::App* calibrate_cmd = app.add_subcommand("calibrate", text::say(lang, "cli.calibrate.description"));
    calibrate_cmd->add_option("scenario", calibrate_path, text::say(lang, "cli.calibrate.scenario"))->required();
    add_lang(calibrate_cmd);

    tools::ServeOptions serve;
    serve.lang = lang;
    CLI::App* serve_cmd = app.add_subcommand("serve", text::say(lang, "cli.serve.description"));
    serve_cmd->add_option("--workspace", serve.workspace, text::say(lang, "cli.serve.workspace"))->check(path(true));
    serve_cmd->add_option("--listen", serve.listen, text::say(lang, "cli.serve.listen"));
    serve_cmd->add_option("--token-file", serve.token_file, text::say(lang, "cli.serve.token_file"))->check(path(false));
    add_lang(serve_cmd);

    tools::use_help_words(app, lang);
    tools::check_subcommand_word(app, argc, argv);
    try {
      app.parse(argc, argv);
    } catch (const CLI::Success& e) {  // --help, --help-all, --version
      return app.exit(e);
    } catch (const CLI::ParseError& e) {
      report_error(tools::ErrorKind::input, tools::parse_error_text(e), lang);
      return 2;
    }
    if (!max_memory.empty()) tools::set_memory_limit(tools::parse_memory_size(max_memory));
    if (*run_cmd) tools::run_command(run);
    if (*validate_cmd) tools::validate_command(validate_path, lang);
    if (*calibrate_cmd) tools::calibrate_command(calibrate_path, lang);
    if (*check_cmd) tools::check_plan_command(check_path, check_threads, lang);
    if (*study_cmd) tools::study_command(study);
    if (*optimise_cmd) tools::optimise_command(optimise);
    if (*sweep_cmd) tools::run_sweep(sweep);
    if (*report_cmd) tools::report_command(report);
    if (*export_cmd) tools::export_command(export_options);
    if (*synth_cmd) tools::synth_pop_command(groups_path, population_path, population_force, lang);
    if (*serve_cmd) tools::serve_command(serve);
  } catch (const InputError& e) {
    report_error(tools::ErrorKind::input, {e.zh(), e.what()}, lang);
    return 2;
  } catch (const RuntimeFault& e) {
    report_error(tools::ErrorKind::fault, {e.zh(), e.what()}, lang);
    return 1;
  } catch (const std::exception& e) {
    report_error(tools::ErrorKind::internal, {e.what(), e.what()}, lang);
    return 1;
  } catch (...) {
    report_error(tools::ErrorKind::internal, text::both("errors.unknown_exception"), lang);
    return 1;
  }
  return 0;
}
