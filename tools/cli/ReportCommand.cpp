// carecap. SPDX-License-Identifier: MIT
#include "tools/cli/ReportCommand.hpp"

#include <filesystem>
#include <iostream>

#include "output/OutputLock.hpp"
#include "sim/Errors.hpp"
#include "text/Catalogue.hpp"
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
  const text::Lang lang = options.message_lang;
  const std::string kind = content.kind == "study"   ? text::say(lang, "cli.report.kind.study")
                           : content.kind == "sweep" ? text::say(lang, "cli.report.kind.sweep")
                           : content.kind == "optimise" ? text::say(lang, "cli.report.kind.optimise")
                                                     : text::say(lang, "cli.report.kind.run");
  std::cout << text::say(lang, "cli.report.wrote",
                         {{"path", output_path}, {"kind", kind}, {"charts", charts}, {"tables", tables},
                          {"kib", static_cast<std::size_t>(std::filesystem::file_size(output_path) / 1024)}})
            << "\n";
}

}  // namespace carecap::tools
