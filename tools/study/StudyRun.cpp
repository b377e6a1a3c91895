// carecap. SPDX-License-Identifier: MIT
#include "tools/study/StudyRun.hpp"

#include "output/GroupFile.hpp"
#include "output/OutputLock.hpp"
#include "output/ResultsFile.hpp"
#include "tools/run/MemoryEstimate.hpp"
#include "tools/run/PlanCheckReport.hpp"
#include "tools/run/RunLimits.hpp"
#include "tools/run/ScenarioRun.hpp"
#include "tools/run/UtcNow.hpp"
#include "tools/run/Version.hpp"

namespace carecap::tools {

StudyResults run_study_into_results_file(const StudyRequest& request, const std::function<void(RunStage)>& on_stage) {
  const auto stage = [&](RunStage s) {
    if (on_stage) on_stage(s);
  };
  stage(RunStage::loading);
  check_thread_count(request.threads);
  StudyResults out;
  out.study = scenarios::load_study(request.study_path);
  const scenarios::Study& study = out.study;
  for (const auto& variant : study.variants) check_run_memory(variant.scenario, request.threads);  // one variant runs at a time
  // Default: the study's name (study.name, snake_case), here.
  out.output_path = request.output_path.empty() ? study.name + ".h5" : request.output_path;
  std::vector<std::string> read{study.path};  // the study file and every variant's scenario files and tables
  for (const auto& variant : study.variants)
    for (const auto& input : variant.scenario.inputs) read.push_back(input.path);
  const output::OutputLock claim = output::claim_output(out.output_path, request.force, read);  // for the whole study

  stage(RunStage::running);
  StudyComparison& comparison = out.comparison;
  comparison.label_zh = study.label_zh;
  const auto& baseline = study.variants.front().scenario;
  for (const auto& variant : study.variants) {
    const auto& s = variant.scenario;
    const ScenarioRunResult run = run_scenario(s, request.threads);
    out.replications = static_cast<int>(run.replications.size());
    comparison.names.push_back(variant.name);
    comparison.labels_zh.push_back(variant.label_zh);
    comparison.descriptions.push_back(variant.description);
    // The plan's targets met in its target year lead: the report ranks by them first.
    std::vector<Outcome> outcomes = target_outcomes(s, model_figures(s, run.replications));
    for (Outcome& o : run_outcomes(s, run.replications)) outcomes.push_back(std::move(o));
    comparison.outcomes.push_back(std::move(outcomes));
    comparison.indicators.push_back(run_indicators(s, run.replications));
    if (comparison.years.empty()) comparison.years = run.replications.front().front().dimensions.front().values;
  }

  stage(RunStage::writing);
  output::FileAttributes attributes;
  std::string scenario_descriptions, scenario_descriptions_zh;  // "NAME: description" lines
  for (std::size_t s = 0; s < study.variants.size(); ++s) {
    const auto& v = study.variants[s];
    scenario_descriptions += (s ? "\n" : "") + v.name + ": " + v.description;
    scenario_descriptions_zh += (s ? "\n" : "") + v.name + ": " + (v.description_zh.empty() ? v.description : v.description_zh);
  }
  attributes.text = {{"title", "carecap study: " + study.name},
                     {"carecap_version", kVersion},
                     {"git_commit", kGitCommit},
                     {"study_name", study.name},
                     {"study_label_zh", study.label_zh},
                     {"study_path", study.path},
                     {"study_text", study.text},
                     {"study_source", study.source},
                     {"scenario_descriptions", scenario_descriptions},
                     {"scenario_descriptions_zh", scenario_descriptions_zh},
                     {"study_source_zh", study.source_zh.empty() ? study.source : study.source_zh},
                     {"baseline_scenario_text", baseline.text},
                     {"comparison_table", comparison_table(comparison)},  // the file's (English, for researchers)
                     {"created_utc", utc_now()}};
  attributes.integers = {{"replications", out.replications}};
  attributes.unsigned_integers = {{"seed", baseline.run.seed}};
  output::write_group_file(out.output_path, comparison_groups(comparison), attributes, request.force);
  return out;
}

}  // namespace carecap::tools
