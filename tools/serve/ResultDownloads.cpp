// carecap. SPDX-License-Identifier: MIT
#include "tools/serve/ResultDownloads.hpp"

#include <fstream>
#include <memory>

#include "output/OutputLock.hpp"
#include "sim/Errors.hpp"
#include "tools/report/HtmlReport.hpp"
#include "tools/report/ReportBuilder.hpp"
#include "tools/report/SpreadsheetExport.hpp"
#include "tools/serve/ServerReply.hpp"

namespace carecap::serve {
namespace {

std::string language_of(const httplib::Request& request) {
  return request.has_param("lang") && request.get_param_value("lang") == "en" ? "en" : "zh";
}

/// `text` percent-encoded for a header's filename*=UTF-8''... (RFC 5987).
std::string percent_encoded(const std::string& text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if ((byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') || (byte >= '0' && byte <= '9') || c == '-' || c == '_' || c == '.')
      out += c;
    else
      out += {'%', hex[byte >> 4], hex[byte & 15]};
  }
  return out;
}

}  // namespace

void send_file(const std::filesystem::path& file, const std::string& download, const std::string& type,
               httplib::Response& response) {
  auto in = std::make_shared<std::ifstream>(file, std::ios::binary);
  std::error_code error;
  const auto size = std::filesystem::file_size(file, error);
  if (!*in || error) {
    reply_error(response, 404, "serve.reply.no_results", {{"name", download}});
    return;
  }
  // A plain name is ASCII or CJK; the ASCII fallback is the file's own name.
  response.set_header("Content-Disposition", attachment(file.filename().string(), download));
  response.set_content_provider(static_cast<std::size_t>(size), type,
                                [in](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
                                  char buffer[1 << 16];
                                  in->seekg(static_cast<std::streamoff>(offset));
                                  in->read(buffer, static_cast<std::streamsize>(std::min(length, sizeof buffer)));
                                  const auto got = in->gcount();
                                  if (got <= 0) return false;
                                  sink.write(buffer, static_cast<std::size_t>(got));
                                  return true;
                                });
}

namespace {

/// `table`'s words with the workspace's own path taken out (the input files of the provenance table).
void strip_workspace(report::Table& table, const Workspace& workspace) {
  table.note = without_workspace(table.note, workspace);
  for (auto& row : table.rows)
    for (report::Cell& cell : row)
      if (auto* words = std::get_if<text::Text>(&cell)) *words = without_workspace(*words, workspace);
}

bool has_results(const ScenarioFolder& folder, httplib::Response& response) {
  if (!folder.has_results) reply_error(response, 404, "serve.reply.no_results", {{"name", folder.name}});
  return folder.has_results;
}

}  // namespace

report::ReportContent workspace_report(const Workspace& workspace, const std::filesystem::path& results) {
  report::ReportContent content = report::build_report(results.string());
  content.source_path = results.lexically_relative(workspace.root()).generic_string();  // "NAME/results.h5"
  // The results record the files a run read by their paths on the server; the client sees them by
  // their place in the workspace ("beian/beian.toml"), as its messages do.
  for (report::Section& section : content.sections) {
    for (report::Warning& warning : section.warnings) warning.message = without_workspace(warning.message, workspace);
    for (report::Table& table : section.tables) strip_workspace(table, workspace);
  }
  strip_workspace(content.sources, workspace);
  return content;
}

std::string attachment(const std::string& fallback, const std::string& download) {
  return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + percent_encoded(download);
}

void serve_report(const Workspace& workspace, const ScenarioFolder& folder, const httplib::Request& request,
                  httplib::Response& response) {
  if (!has_results(folder, response)) return;
  const report::ReportContent content = workspace_report(workspace, workspace.results_file(folder.name));
  response.set_content(report::html_report(content, language_of(request)), "text/html; charset=utf-8");
  response.set_header("Cache-Control", "no-store");
}

void serve_results_file(const Workspace& workspace, const ScenarioFolder& folder, httplib::Response& response) {
  if (has_results(folder, response))
    send_file(workspace.results_file(folder.name), folder.name + ".h5", "application/x-hdf5", response);
}

void serve_workbook(const Workspace& workspace, const ScenarioFolder& folder, const httplib::Request& request,
                    httplib::Response& response) {
  if (!has_results(folder, response)) return;
  const std::string results = workspace.results_file(folder.name).string();
  const std::string workbook = workspace.workbook_file(folder.name).string();
  std::optional<output::OutputLock> claim;
  try {
    claim.emplace(output::claim_output(workbook, true, {results}));
  } catch (const InputError& e) {  // another request or process writes it: the lock names which
    reply_error(response, 409, without_workspace({e.zh(), e.what()}, workspace));
    return;
  }
  const report::ReportContent content = workspace_report(workspace, results);
  report::write_xlsx(content, language_of(request), workbook, true);
  send_file(workbook, folder.name + ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response);
}

}  // namespace carecap::serve
