// carecap. SPDX-License-Identifier: MIT
#include "tools/cli/ExportCommand.hpp"

#include <filesystem>
#include <iostream>
#include <optional>

#include "output/InputGuard.hpp"
#include "output/OutputLock.hpp"
#include "sim/Errors.hpp"
#include "text/Catalogue.hpp"
#include "tools/report/CsvExport.hpp"
#include "tools/report/ReportBuilder.hpp"
#include "tools/report/SpreadsheetExport.hpp"
#include "tools/report/TableLabels.hpp"

namespace carecap::tools {

void export_command(const ExportOptions& options) {
  if (options.xlsx_path.empty() && options.csv_directory.empty())
    throw InputError(text::both("errors.export.nothing", {{"path", options.input_path}}));
  report::check_language(options.lang);
  if (!options.xlsx_path.empty() && !options.csv_directory.empty() &&
      std::filesystem::weakly_canonical(options.xlsx_path) == std::filesystem::weakly_canonical(options.csv_directory))
    throw InputError(text::both("errors.export.same_path", {{"path", options.xlsx_path}}));
  // Each output is claimed for the whole command and checked before the input is read, so that
  // a bad path fails fast and the input is never an output.
  std::optional<output::OutputLock> xlsx_claim, csv_claim;
  if (!options.xlsx_path.empty()) {
    xlsx_claim.emplace(output::claim_output(options.xlsx_path, options.force, {options.input_path}));
  }
  if (!options.csv_directory.empty()) {
    output::check_not_an_input(options.csv_directory, {options.input_path}, output::OutputKind::folder);
    report::check_csv_directory(options.csv_directory, options.force);
    csv_claim.emplace(options.csv_directory);
    report::check_csv_directory(options.csv_directory, options.force);  // again, under the claim
  }

  const report::ReportContent content = report::build_report(options.input_path);
  const std::size_t tables = report::all_tables(content).size();
  if (!options.xlsx_path.empty()) {
    report::write_xlsx(content, options.lang, options.xlsx_path, options.force);
    std::cout << text::say(options.message_lang, "cli.export.wrote_xlsx", {{"path", options.xlsx_path}, {"sheets", tables}})
              << "\n";
  }
  if (!options.csv_directory.empty()) {
    report::write_csv_directory(content, options.lang, options.csv_directory, options.force, options.full_precision);
    std::cout << text::say(options.message_lang, "cli.export.wrote_csv", {{"path", options.csv_directory}, {"files", tables + 1}})
              << "\n";
  }
}

}  // namespace carecap::tools
