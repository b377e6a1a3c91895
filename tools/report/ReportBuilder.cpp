// carecap. SPDX-License-Identifier: MIT
#include "tools/report/ReportBuilder.hpp"

#include "sim/Errors.hpp"
#include "text/TextArg.hpp"
#include "tools/report/OptimiseReport.hpp"
#include "tools/report/OutputView.hpp"
#include "tools/report/RunReport.hpp"
#include "tools/report/StudyReport.hpp"
#include "tools/report/SweepReport.hpp"

namespace carecap::report {

ReportContent build_report(const std::string& path) {
  const OutputView view(path);
  const std::string title = view.file().root_text("title").value_or("");
  auto starts = [&](const char* prefix) { return title.rfind(prefix, 0) == 0; };
  if (starts("carecap results: ")) return run_report(view);
  if (starts("carecap study: ")) return study_report(view);
  if (starts("carecap sweep: ")) return sweep_report(view);
  if (starts("carecap optimise: ")) return optimise_report(view);
  throw InputError(text::both("errors.report.not_carecap", {{"path", text::same(path)}, {"title", text::same(title.substr(0, 60))}}));
}

}  // namespace carecap::report
