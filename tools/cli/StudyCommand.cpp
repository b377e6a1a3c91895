// carecap. SPDX-License-Identifier: MIT
#include "tools/cli/StudyCommand.hpp"

#include <iostream>

#include "text/Catalogue.hpp"
#include "tools/run/Version.hpp"
#include "tools/study/StudyRun.hpp"

namespace carecap::tools {

void study_command(const StudyOptions& options) {
  const StudyResults done = run_study_into_results_file({options.study_path, options.output_path, options.force, options.threads});
  const scenarios::Study& study = done.study;
  const auto& baseline = study.variants.front().scenario;
  std::cout << text::say(options.lang, "cli.study.started",
                         {{"version", kVersion}, {"name", study.name}, {"scenarios", study.variants.size()},
                          {"first", baseline.projection.base_year}, {"last", baseline.projection.end_year},
                          {"replications", done.replications}, {"seed", std::to_string(baseline.run.seed)}})
            << "\n";
  for (const auto& variant : study.variants)
    std::cout << "  " << variant.name << (variant.label_zh.empty() ? "" : " " + variant.label_zh) << ": "
              << variant.description << "\n";
  std::cout << "\n" << comparison_table(done.comparison, options.lang);
  std::cout << text::say(options.lang, "cli.wrote", {{"path", done.output_path}}) << "\n";
}

}  // namespace carecap::tools
