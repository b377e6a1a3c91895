// carecap. SPDX-License-Identifier: MIT
#include "tools/cli/ReportCommand.hpp"

#include <filesystem>
#include <iostream>

#include "output/OutputLock.hpp"
#include "sim/Errors.hpp"
#include "tools/report/HtmlReport.hpp"
#include "tools/report/ReportBuilder.hpp"
#include "tools/report/TableLabels.hpp"

namespace carecap::tools {

void report_command(const ReportOptions& options) {
  report::check_language(options.lang);
  const std::string output_path = options.output_path.empty()
                                      ? std::filesystem::path(options.input_path).replace_extension(".html").string()
                                      : options.output_path;
  const output::OutputLock claim = output::claim_output(output_path, options.force, {options.input_path});  // for the whole command
  const report::ReportContent content = report::build_report(options.input_path);
  report::write_html_report(content, options.lang, output_path, options.force);
  std::size_t charts = 0, tables = 1;
  for (const auto& s : content.sections) {
    charts += s.charts.size();
    tables += s.tables.size();
  }
  std::cout << "wrote " << output_path << " (" << content.kind << " report, " << charts << " charts, " << tables
            << " tables, " << std::filesystem::file_size(output_path) / 1024 << " KiB)\n";
}

}  // namespace carecap::tools
