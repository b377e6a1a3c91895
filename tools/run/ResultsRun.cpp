// carecap. SPDX-License-Identifier: MIT
#include "tools/run/ResultsRun.hpp"

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
#include "tools/run/RunLimits.hpp"
#include "tools/run/UtcNow.hpp"
#include "tools/run/Version.hpp"

namespace carecap::tools {
namespace {

const char* mode_name(demography::ProjectionMode mode) {
  return mode == demography::ProjectionMode::stochastic ? "stochastic" : "deterministic";
}

/// Applies the request's overrides to the scenario's run settings, with the same checks as the
/// scenario file. `mode = deterministic` without `replications` makes a stochastic scenario's
/// replication count 1; with an explicit count above 1 it is an error.
void apply_overrides(const RunRequest& request, demography::RunSettings& run) {
  check_thread_count(request.threads);
  if (request.mode) {
    if (*request.mode == "deterministic") run.mode = demography::ProjectionMode::deterministic;
    else if (*request.mode == "stochastic") run.mode = demography::ProjectionMode::stochastic;
    else throw InputError(text::both("errors.option.mode", {{"found", *request.mode}}));
    if (run.mode == demography::ProjectionMode::deterministic && !request.replications) run.replications = 1;
  }
  if (request.replications) {
    if (*request.replications < 1 || *request.replications > kMaxReplications)
      throw InputError(text::both("errors.option.count_from_to", {{"option", "--replications"}, {"min", 1},
                                                                   {"max", kMaxReplications}, {"found", *request.replications}}));
    run.replications = *request.replications;
  }
  if (request.seed) {
    if (*request.seed > kMaxSeed)
      throw InputError(text::both("errors.option.integer_from_to_named", {{"option", "--seed"}, {"min", 0},
                                                                          {"max", std::to_string(kMaxSeed)},
                                                                          {"found", std::to_string(*request.seed)}}));
    run.seed = *request.seed;
  }
  if (run.mode == demography::ProjectionMode::deterministic && run.replications != 1)
    throw InputError(text::both("errors.option.deterministic_replications", {{"count", run.replications}}));
}

}  // namespace

ResultsRun run_into_results_file(const RunRequest& request, const std::function<void(RunStage)>& on_stage) {
  const auto stage = [&](RunStage s) {
    if (on_stage) on_stage(s);
  };
  stage(RunStage::loading);
  ResultsRun out{scenarios::load_scenario(request.scenario_path), {}, {}, {}};
  scenarios::Scenario& scenario = out.scenario;
  apply_overrides(request, scenario.run);
  check_run_memory(scenario, request.threads, NaturalTrend::simulate);  // before any work: refuse what cannot fit (--max-memory)
  // Default: the scenario's name (scenario.name, a file name by the loader's check), here.
  out.output_path = request.output_path.empty() ? scenario.name + ".h5" : request.output_path;
  std::vector<std::string> read;  // the scenario, its bases and every table
  for (const auto& input : scenario.inputs) read.push_back(input.path);
  const output::OutputLock claim = output::claim_output(out.output_path, request.force, read);  // for the whole run

  // A plan is read beside its natural trend (不实施规划): the same run without its projects.
  stage(RunStage::running);
  out.run = run_scenario(scenario, request.threads, NaturalTrend::simulate);
  const int replications = static_cast<int>(out.run.replications.size());

  stage(RunStage::writing);
  output::RunMetadata meta{kVersion, kGitCommit, scenario.name, scenario.path, scenario.text, {}, {},
                           mode_name(scenario.run.mode), scenario.run.seed, replications, utc_now()};
  for (const auto& input : scenario.inputs) {
    meta.input_files.push_back(input.path);
    meta.input_sha256.push_back(input.sha256);
  }
  // The findings, computed once: printed by the caller and stored for the report's first section.
  out.findings = run_findings(out.run.replications, scenario.plan ? &*scenario.plan : nullptr);
  std::vector<ResultGroup> run_groups{findings_group(out.findings)};
  if (scenario.plan) run_groups.push_back(plan_check_group(scenario, out.run.replications));
  if (scenario.supply) run_groups.push_back(capacity_waits_group(scenario, out.run));
  // The names of the place, its towns and facilities (scenario.labels), beside what they name.
  meta.scenario_label_zh = scenario.labels.scenario.zh;
  meta.scenario_label_en = scenario.labels.scenario.en;
  for (const auto& source : scenario.labels.sources) {
    meta.source_texts_en.push_back(source.en);
    meta.source_texts_zh.push_back(source.zh);
  }
  for (auto& groups : out.run.replications)
    for (ResultGroup& group : groups) add_label_series(group, scenario.labels);
  for (ResultGroup& group : run_groups) add_label_series(group, scenario.labels);
  output::write_results_file(out.output_path, out.run.replications, meta, request.force, run_groups);
  return out;
}

}  // namespace carecap::tools
