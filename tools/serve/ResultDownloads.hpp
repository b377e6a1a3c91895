// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <httplib.h>

#include "tools/report/ReportContent.hpp"
#include "tools/serve/Workspace.hpp"

namespace carecap::serve {

/// The Content-Disposition of a download named `download` (UTF-8, RFC 5987), with `fallback`
/// (ASCII, no quote) for clients that read only filename=.
[[nodiscard]] std::string attachment(const std::string& fallback, const std::string& download);

/// Sends `file` as a download named `download` (a plain name and its extension), read from the
/// disk as the client takes it rather than held in memory; 404 when it cannot be read.
void send_file(const std::filesystem::path& file, const std::string& download, const std::string& type,
               httplib::Response& response);

/// The report of a results file of the workspace, built as `carecap report` builds it, naming
/// the file by its place in the workspace ("NAME/results.h5"), not by the server's folders.
[[nodiscard]] report::ReportContent workspace_report(const Workspace& workspace, const std::filesystem::path& results);

/// GET .../report: the HTML report of the scenario's results, built as `carecap report` builds it
/// (tools/report build_report, html_report), in ?lang=zh (default) or en; 404 without results.
void serve_report(const Workspace& workspace, const ScenarioFolder& folder, const httplib::Request& request,
                  httplib::Response& response);

/// GET .../results.h5: the results file as a download (NAME.h5), streamed from the disk.
void serve_results_file(const Workspace& workspace, const ScenarioFolder& folder, httplib::Response& response);

/// GET .../workbook.xlsx: the report's tables written as `carecap export --xlsx` writes them
/// (tools/report write_xlsx) to FOLDER/workbook.xlsx under its lock (output/OutputLock; 409
/// while another request writes it), then sent as a download (NAME.xlsx).
void serve_workbook(const Workspace& workspace, const ScenarioFolder& folder, const httplib::Request& request,
                    httplib::Response& response);

}  // namespace carecap::serve
