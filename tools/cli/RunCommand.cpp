// carecap. SPDX-License-Identifier: MIT
#include "tools/cli/RunCommand.hpp"

#include <chrono>
#include <ctime>
#include <iostream>

#include "models/demography/ProjectionParameters.hpp"
#include "output/OutputLock.hpp"
#include "output/ResultsFile.hpp"
#include "scenarios/loader/ScenarioLoader.hpp"
#include "sim/Errors.hpp"
#include "text/Catalogue.hpp"
#include "tools/run/LabelSeries.hpp"
#include "tools/run/MemoryEstimate.hpp"
#include "tools/run/PlanCheckReport.hpp"
#include "tools/run/PooledWaits.hpp"
#include "tools/run/RunFindings.hpp"
#include "tools/run/RunSummary.hpp"
#include "tools/run/ScenarioRun.hpp"
#include "tools/run/UtcNow.hpp"
#include "tools/run/Version.hpp"

namespace carecap::tools {
namespace {

const char* mode_name(demography::ProjectionMode mode) {
  return mode == demography::ProjectionMode::stochastic ? "stochastic" : "deterministic";
}

/// The mode in the words of `lang`.
std::string mode_words(demography::ProjectionMode mode, text::Lang lang) {
  return mode == demography::ProjectionMode::stochastic ? text::say(lang, "cli.mode.stochastic")
                                                        : text::say(lang, "cli.mode.deterministic");
}

/// Applies command-line overrides to the scenario's run settings, with the same checks as the
/// scenario file. `--mode deterministic` without `--replications` makes a stochastic scenario's
/// replication count 1; with an explicit count above 1 it is an error.
void apply_overrides(const RunOptions& options, demography::RunSettings& run) {
  check_thread_count(options.threads);
  if (options.mode) {
    if (*options.mode == "deterministic") run.mode = demography::ProjectionMode::deterministic;
    else if (*options.mode == "stochastic") run.mode = demography::ProjectionMode::stochastic;
    else throw InputError(text::both("errors.option.mode", {{"found", *options.mode}}));
    if (run.mode == demography::ProjectionMode::deterministic && !options.replications) run.replications = 1;
  }
  if (options.replications) {
    if (*options.replications < 1 || *options.replications > kMaxReplications)
      throw InputError(text::both("errors.option.count_from_to", {{"option", "--replications"}, {"min", 1},
                                                                   {"max", kMaxReplications}, {"found", *options.replications}}));
    run.replications = *options.replications;
  }
  if (options.seed) {
    if (*options.seed > kMaxSeed)
      throw InputError(text::both("errors.option.integer_from_to_named", {{"option", "--seed"}, {"min", 0},
                                                                          {"max", std::to_string(kMaxSeed)},
                                                                          {"found", std::to_string(*options.seed)}}));
    run.seed = *options.seed;
  }
  if (run.mode == demography::ProjectionMode::deterministic && run.replications != 1)
    throw InputError(text::both("errors.option.deterministic_replications", {{"count", run.replications}}));
}

}  // namespace

void run_command(const RunOptions& options) {
  scenarios::Scenario scenario = scenarios::load_scenario(options.scenario_path);
  apply_overrides(options, scenario.run);
  check_run_memory(scenario, options.threads, NaturalTrend::simulate);  // before any work: refuse what cannot fit (--max-memory)
  // Default: the scenario's name (scenario.name, a file name by the loader's check), here.
  const std::string output_path = options.output_path.empty() ? scenario.name + ".h5" : options.output_path;
  std::vector<std::string> read;  // the scenario, its bases and every table
  for (const auto& input : scenario.inputs) read.push_back(input.path);
  const output::OutputLock claim = output::claim_output(output_path, options.force, read);  // for the whole command

  // A plan is read beside its natural trend (不实施规划): the same run without its projects.
  ScenarioRunResult run = run_scenario(scenario, options.threads, NaturalTrend::simulate);
  const int replications = static_cast<int>(run.replications.size());

  output::RunMetadata meta{kVersion, kGitCommit, scenario.name, scenario.path, scenario.text, {}, {},
                           mode_name(scenario.run.mode), scenario.run.seed, replications, utc_now()};
  for (const auto& input : scenario.inputs) {
    meta.input_files.push_back(input.path);
    meta.input_sha256.push_back(input.sha256);
  }
  // The findings, computed once: printed below and stored for the report's first section.
  const std::vector<RunFinding> findings = run_findings(run.replications, scenario.plan ? &*scenario.plan : nullptr);
  std::vector<ResultGroup> run_groups{findings_group(findings)};
  if (scenario.plan) run_groups.push_back(plan_check_group(scenario, run.replications));
  if (scenario.supply) run_groups.push_back(capacity_waits_group(scenario, run));
  // The names of the place, its towns and facilities (scenario.labels), beside what they name.
  meta.scenario_label_zh = scenario.labels.scenario.zh;
  meta.scenario_label_en = scenario.labels.scenario.en;
  for (const auto& source : scenario.labels.sources) {
    meta.source_texts_en.push_back(source.en);
    meta.source_texts_zh.push_back(source.zh);
  }
  for (auto& groups : run.replications)
    for (ResultGroup& group : groups) add_label_series(group, scenario.labels);
  for (ResultGroup& group : run_groups) add_label_series(group, scenario.labels);
  output::write_results_file(output_path, run.replications, meta, options.force, run_groups);

  const text::Lang lang = options.lang;
  // The place by its name in the user's language (scenario.label_zh / label_en) when the scenario gives one.
  const std::string place = lang == text::Lang::zh ? scenario.labels.scenario.zh : scenario.labels.scenario.en;
  std::cout << text::say(lang, place.empty() ? "cli.run.started" : "cli.run.started_place",
                         {{"version", kVersion}, {"place", place}, {"name", scenario.name},
                          {"mode", mode_words(scenario.run.mode, lang)},
                          {"first", scenario.projection.base_year}, {"last", scenario.projection.end_year},
                          {"replications", replications}, {"seed", std::to_string(scenario.run.seed)}})
            << "\n";
  print_run_summary(std::cout, run.replications, findings, lang);
  if (scenario.plan)
    print_plan_check(std::cout, scenario, run.replications, lang);
  std::cout << text::say(lang, "cli.wrote", {{"path", output_path}}) << "\n";
}

void validate_command(const std::string& scenario_path, text::Lang lang) {
  const scenarios::Scenario scenario = scenarios::load_scenario(scenario_path);
  std::cout << text::say(lang, "cli.validate.valid",
                         {{"path", scenario_path}, {"name", scenario.name}, {"first", scenario.projection.base_year},
                          {"last", scenario.projection.end_year}, {"mode", mode_words(scenario.run.mode, lang)},
                          {"files", scenario.inputs.size()}})
            << "\n";
}

}  // namespace carecap::tools
