// carecap. SPDX-License-Identifier: MIT
#include "tools/cli/StudyCommand.hpp"

#include <iostream>

#include "output/GroupFile.hpp"
#include "output/OutputLock.hpp"
#include "output/ResultsFile.hpp"
#include "scenarios/loader/Study.hpp"
#include "sim/Errors.hpp"
#include "text/Catalogue.hpp"
#include "tools/run/MemoryEstimate.hpp"
#include "tools/run/PlanCheckReport.hpp"
#include "tools/run/RunLimits.hpp"
#include "tools/run/ScenarioRun.hpp"
#include "tools/study/StudyComparison.hpp"
#include "tools/run/UtcNow.hpp"
#include "tools/run/Version.hpp"

namespace carecap::tools {

void study_command(const StudyOptions& options) {
  check_thread_count(options.threads);
  const scenarios::Study study = scenarios::load_study(options.study_path);
  for (const auto& variant : study.variants) check_run_memory(variant.scenario, options.threads);  // one variant runs at a time
  // Default: the study's name (study.name, snake_case), here.
  const std::string output_path = options.output_path.empty() ? study.name + ".h5" : options.output_path;
  std::vector<std::string> read{study.path};  // the study file and every variant's scenario files and tables
  for (const auto& variant : study.variants)
    for (const auto& input : variant.scenario.inputs) read.push_back(input.path);
  const output::OutputLock claim = output::claim_output(output_path, options.force, read);  // for the whole command

  StudyComparison comparison;
  comparison.label_zh = study.label_zh;
  const auto& baseline = study.variants.front().scenario;
  int replications = 0;
  for (const auto& variant : study.variants) {
    const auto& s = variant.scenario;
    const ScenarioRunResult run = run_scenario(s, options.threads);
    replications = static_cast<int>(run.replications.size());
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
  const std::string table = comparison_table(comparison);  // the file's (English, for researchers)

  std::cout << text::say(options.lang, "cli.study.started",
                         {{"version", kVersion}, {"name", study.name}, {"scenarios", study.variants.size()},
                          {"first", baseline.projection.base_year}, {"last", baseline.projection.end_year},
                          {"replications", replications}, {"seed", std::to_string(baseline.run.seed)}})
            << "\n";
  for (const auto& variant : study.variants)
    std::cout << "  " << variant.name << (variant.label_zh.empty() ? "" : " " + variant.label_zh) << ": "
              << variant.description << "\n";
  std::cout << "\n" << comparison_table(comparison, options.lang);

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
                     {"comparison_table", table},
                     {"created_utc", utc_now()}};
  attributes.integers = {{"replications", replications}};
  attributes.unsigned_integers = {{"seed", baseline.run.seed}};
  output::write_group_file(output_path, comparison_groups(comparison), attributes, options.force);
  std::cout << text::say(options.lang, "cli.wrote", {{"path", output_path}}) << "\n";
}

}  // namespace carecap::tools
