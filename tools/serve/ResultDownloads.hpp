// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <httplib.h>

#include "tools/serve/Workspace.hpp"

namespace carecap::serve {

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
