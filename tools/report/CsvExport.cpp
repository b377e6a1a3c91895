// carecap. SPDX-License-Identifier: MIT
#include "tools/report/CsvExport.hpp"

#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <string_view>
#include <system_error>
#include <vector>

#include "output/ReplaceFile.hpp"
#include "sim/Errors.hpp"
#include "text/TextArg.hpp"
#include "tools/report/SpreadsheetExport.hpp"
#include "tools/report/TableLabels.hpp"

namespace carecap::report {

namespace fs = std::filesystem;

namespace {

constexpr char kByteOrderMark[] = "\xEF\xBB\xBF";
constexpr char kLineEnd[] = "\r\n";  // RFC 4180
const std::string kIndexName = "tables";  // tables.csv: each table's id, title and note

/// `directory` without trailing separators, so that "out/" and "out" name the same directory.
fs::path directory_path(const std::string& directory) {
  std::string trimmed = directory;
  while (trimmed.size() > 1 && trimmed.back() == '/') trimmed.pop_back();
  return fs::path(trimmed);
}

std::string lower_case(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

/// The fields of tables.csv's first line in `lang`: table, title, note.
std::vector<std::string> index_header(text::Lang lang) {
  return {text::say(lang, "csv.index.table"), text::say(lang, "csv.index.title"), text::say(lang, "csv.index.note")};
}

/// The first line of tables.csv, after the byte-order mark, in either language (without CRLF).
bool is_index_header(const std::string& line) {
  for (const text::Lang lang : {text::Lang::en, text::Lang::zh}) {
    const std::vector<std::string> fields = index_header(lang);
    if (line == fields[0] + "," + fields[1] + "," + fields[2]) return true;
  }
  return false;
}

std::string csv_line(const std::vector<std::string>& fields) {
  std::string line;
  for (std::size_t i = 0; i < fields.size(); ++i) line += (i > 0 ? "," : "") + csv_field(fields[i]);
  return line + kLineEnd;
}

/// The table as published (rounded as in the workbook), or its numbers to full precision.
std::string table_csv(const Table& table, const std::string& lang, bool full_precision) {
  const PublishedTable published = full_precision ? PublishedTable{table.columns, table.rows, {}} : published_table(table);
  std::vector<std::string> fields;
  for (const Column& column : published.columns) fields.push_back(spreadsheet_text(column_header(column, lang)));
  std::string text = kByteOrderMark + csv_line(fields);
  for (const std::vector<Cell>& row : published.rows) {
    fields.clear();
    for (const Cell& cell : row) {
      if (const double* value = std::get_if<double>(&cell)) fields.push_back(csv_number(*value));
      else if (const Text* words = std::get_if<Text>(&cell)) fields.push_back(spreadsheet_text(text_in(*words, lang)));
      else fields.emplace_back();
    }
    text += csv_line(fields);
  }
  return text;
}

std::string index_csv(const std::vector<const Table*>& tables, const std::string& lang) {
  std::string text = kByteOrderMark + csv_line(index_header(lang == "zh" ? text::Lang::zh : text::Lang::en));
  for (const Table* table : tables)
    text += csv_line({table->id, spreadsheet_text(text_in(table->title, lang)), spreadsheet_text(text_in(table->note, lang))});
  return text;
}

void write_text(const fs::path& file, const std::string& text) {
  std::ofstream out(file, std::ios::binary);
  if (out) out.write(text.data(), static_cast<std::streamsize>(text.size()));
  if (out) out.close();
  if (!out) throw RuntimeFault(text::both("errors.report.cannot_write_csv", {{"path", text::same(file.string())}, {"reason", text::same(std::strerror(errno))}}));
}

void rename_or_fault(const fs::path& from, const fs::path& to, const char* what_id) {
  std::error_code error;
  fs::rename(from, to, error);
  if (error)
    throw RuntimeFault(text::both("errors.report.cannot_rename", {{"path", text::same(to.string())}, {"what", text::both(what_id)},
                                                                  {"from", text::same(from.string())}, {"reason", text::same(error.message())}}));
}

/// The table ids tables.csv lists (its first column), or nothing when it lacks carecap's header.
std::optional<std::set<std::string>> listed_tables(const fs::path& index) {
  std::ifstream in(index, std::ios::binary);
  std::string line;
  if (!std::getline(in, line) || line.rfind(kByteOrderMark, 0) != 0) return std::nullopt;
  line.erase(0, std::strlen(kByteOrderMark));
  if (!line.empty() && line.back() == '\r') line.pop_back();
  if (!is_index_header(line)) return std::nullopt;
  std::set<std::string> ids;
  while (std::getline(in, line)) ids.insert(line.substr(0, line.find(',')));  // ids hold no comma or quote
  return ids;
}

}  // namespace

void check_csv_directory(const std::string& directory, bool overwrite) {
  const fs::path target = directory_path(directory);
  std::error_code error;
  const fs::file_status status = fs::status(target, error);
  if (error && status.type() != fs::file_type::not_found)
    throw InputError(text::both("errors.report.cannot_inspect", {{"path", text::same(directory)}, {"reason", text::same(error.message())}}));
  if (fs::exists(status) && !fs::is_directory(status))
    throw InputError(text::both("errors.report.not_a_directory", {{"path", text::same(directory)}}));
  if (fs::exists(status) && !overwrite)
    throw InputError(text::both("errors.report.directory_exists", {{"path", text::same(directory)}}));
  if (fs::exists(status)) {  // --force replaces an earlier export, never a folder of other files
    for (const auto& entry : fs::directory_iterator(target, error))
      if (!entry.is_regular_file() || entry.path().extension() != ".csv")
        throw InputError(text::both("errors.report.holds_other_file",
                                    {{"path", text::same(directory)}, {"file", text::same(entry.path().filename().string())}}));
    if (!is_csv_export(directory))
      throw InputError(text::both("errors.report.not_an_export", {{"path", text::same(directory)}}));
  }
  const fs::path parent = target.has_parent_path() ? target.parent_path() : fs::path(".");
  if (!fs::is_directory(parent, error))
    throw InputError(text::both("errors.report.no_parent", {{"path", text::same(directory)}, {"parent", text::same(parent.string())}}));
  if (::access(parent.c_str(), W_OK) != 0)
    throw InputError(text::both("errors.report.parent_not_writable", {{"path", text::same(directory)}, {"parent", text::same(parent.string())}}));
}

bool is_csv_export(const std::string& directory) {
  const fs::path target = directory_path(directory);
  const auto ids = listed_tables(target / (kIndexName + ".csv"));
  if (!ids) return false;
  std::error_code error;
  for (fs::directory_iterator entry(target, error), end; !error && entry != end; entry.increment(error)) {
    const fs::path name = entry->path().filename();
    if (name == kIndexName + ".csv") continue;
    if (!entry->is_regular_file() || name.extension() != ".csv" || ids->count(name.stem().string()) == 0) return false;
  }
  return !error;
}

std::string spreadsheet_text(const std::string& text) {
  if (text.empty() || std::string_view("=+-@\t\r").find(text.front()) == std::string_view::npos) return text;
  const char* first = text.data() + (text.front() == '+' ? 1 : 0);
  const char* end = text.data() + text.size();
  double number = 0;
  const std::from_chars_result read = std::from_chars(first, end, number);
  if (first != end && read.ec == std::errc() && read.ptr == end) return text;  // a number stays a number
  return "'" + text;
}

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

std::string csv_number(double value) {
  if (!std::isfinite(value)) return "";
  // Shortest round trip, in fixed notation for table-sized values: 300000, not 3e+05.
  const double magnitude = std::abs(value);
  const bool fixed = magnitude >= 1e-6 && magnitude < 1e21;
  char buffer[64];  // fixed below 1e21 and above 1e-6: at most 23 digits; the shortest form: 24 characters
  const std::to_chars_result result = fixed ? std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed)
                                            : std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

void write_csv_directory(const ReportContent& content, const std::string& lang, const std::string& directory,
                         bool overwrite, bool full_precision) {
  check_language(lang);
  check_csv_directory(directory, overwrite);
  const std::vector<const Table*> tables = all_tables(content);
  check_tables(tables, directory);
  for (const Table* table : tables)
    if (lower_case(table->id) == kIndexName)  // also "Tables": file names may ignore case
      throw RuntimeFault(text::both("errors.report.id_reserved",
                                    {{"path", text::same(directory)}, {"id", text::same(table->id)}, {"index", text::same(kIndexName)}}));

  const fs::path target = directory_path(directory);
  const fs::path temporary = output::temporary_name(target.string());
  std::error_code ignored;
  output::remove_stale_temporaries(target.string());  // what killed exports left (new or old folders)
  try {
    fs::remove_all(temporary, ignored);  // left by an earlier process with the same id
    std::error_code error;
    fs::create_directory(temporary, error);
    if (error) throw RuntimeFault(text::both("errors.report.cannot_create_directory", {{"path", text::same(temporary.string())}, {"reason", text::same(error.message())}}));
    for (const Table* table : tables) write_text(temporary / (table->id + ".csv"), table_csv(*table, lang, full_precision));
    write_text(temporary / (kIndexName + ".csv"), index_csv(tables, lang));
    int failed = output::rename_path(temporary.string(), target.string(), false);
    if ((failed == EINVAL || failed == ENOSYS) && !fs::exists(target))  // no RENAME_NOREPLACE here
      failed = ::rename(temporary.c_str(), target.c_str()) == 0 ? 0 : errno;
    if (failed == EEXIST || failed == ENOTEMPTY) {  // a folder there: replaced only with --force, only an earlier export
      if (!overwrite)
        throw InputError(text::both("errors.report.directory_appeared", {{"path", text::same(directory)}}));
      check_csv_directory(directory, true);
      failed = output::exchange_paths(temporary.string(), target.string());
      if (failed == EINVAL || failed == ENOSYS) {  // a file system without RENAME_EXCHANGE: two renames
        const fs::path old = output::temporary_name(target.string() + ".old");
        rename_or_fault(target, old, "errors.report.move_old_aside");
        try {
          rename_or_fault(temporary, target, "errors.report.replace_it");
        } catch (...) {
          fs::rename(old, target, ignored);
          throw;
        }
        fs::remove_all(old, ignored);
        failed = 0;
      }
    }
    if (failed != 0)
      throw RuntimeFault(text::both("errors.report.cannot_put_in_place", {{"path", text::same(directory)}, {"from", text::same(temporary.string())},
                                                                          {"reason", text::same(std::strerror(failed))}}));
  } catch (...) {
    fs::remove_all(temporary, ignored);
    throw;
  }
  fs::remove_all(temporary, ignored);  // the earlier export, after the exchange
  output::remove_stale_temporaries(target.string());
}

}  // namespace carecap::report
