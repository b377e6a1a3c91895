// carecap. SPDX-License-Identifier: MIT
#include "tools/report/SpreadsheetExport.hpp"

#include <xlsxwriter.h>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string_view>

#include "output/ReplaceFile.hpp"
#include "output/ResultsFile.hpp"
#include "sim/Errors.hpp"
#include "text/TextArg.hpp"
#include "tools/report/ReportText.hpp"
#include "tools/report/TableLabels.hpp"
#include "tools/run/Version.hpp"

namespace carecap::report {


namespace {

// Sheet layout (0-based rows): title, note, source line, the header, then the data.
constexpr lxw_row_t kTitleRow = 0;
constexpr lxw_row_t kNoteRow = 1;
constexpr lxw_row_t kSourceRow = 2;
constexpr lxw_row_t kHeaderRow = 3;
constexpr lxw_row_t kFirstDataRow = 4;
constexpr double kMinColumnWidth = 8;   // in Excel's character widths
constexpr double kMaxColumnWidth = 50;
constexpr int kMaxDecimals = 15;
constexpr std::size_t kMaxSheetName = 31;     // Excel's limit, in UTF-16 units
constexpr std::size_t kMaxHeaderPart = 90;    // characters of each part of a page header or footer (Excel: 255 in all)
constexpr uint8_t kPaperA4 = 9;
constexpr std::size_t kLandscapeAbove = 8;    // columns
constexpr double kLineHeight = 15;            // points per line of 11-point text

/// What a number measures, for how a plan publishes it.
enum class Quantity { count, fraction, percent, money, other };

Quantity quantity_of(const std::string& units) {
  static const std::set<std::string> counts{"persons",     "persons per year", "births per year", "beds",       "places",
                                            "person-years", "child-years",      "bed-years",       "place-years"};
  if (counts.count(units) != 0) return Quantity::count;
  if (units.rfind("fraction", 0) == 0) return Quantity::fraction;
  if (units.rfind("percent", 0) == 0 || units == "%") return Quantity::percent;
  if (units == "10,000 yuan" || units == "10,000 yuan per year") return Quantity::money;
  return Quantity::other;
}

/// Length in UTF-16 units of the UTF-8 sequence starting with `lead`, and its length in bytes.
std::pair<std::size_t, std::size_t> code_point(unsigned char lead) {
  const std::size_t bytes = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  return {bytes == 4 ? 2 : 1, bytes};
}

/// The longest start of `text` of at most `limit` characters (UTF-16 units), cut between characters.
std::string truncated(const std::string& text, std::size_t limit) {
  std::size_t units = 0, i = 0;
  while (i < text.size()) {
    const auto [width, bytes] = code_point(static_cast<unsigned char>(text[i]));
    if (units + width > limit) break;
    units += width;
    i += bytes;
  }
  return text.substr(0, std::min(i, text.size()));
}

std::string lower_ascii(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

/// A sheet name Excel accepts: forbidden characters replaced, no apostrophe at either end, cut to `limit`.
std::string clean_sheet_name(std::string name, std::size_t limit) {
  for (char& c : name)
    if (std::string_view("[]:*?/\\").find(c) != std::string_view::npos || static_cast<unsigned char>(c) < 0x20) c = '_';
  auto trim = [](std::string& s) {
    while (!s.empty() && s.front() == '\'') s.erase(0, 1);
    while (!s.empty() && s.back() == '\'') s.pop_back();
  };
  trim(name);
  name = truncated(name, limit);
  trim(name);
  return name;
}

/// Text for a page header or footer: at most kMaxHeaderPart characters, '&' doubled.
std::string header_text(const std::string& text) {
  std::string out;
  for (char c : truncated(text, kMaxHeaderPart)) out += c == '&' ? std::string("&&") : std::string(1, c);
  return out;
}

}  // namespace

double rounded(double value, int decimals) {
  if (!std::isfinite(value)) return value;
  char buffer[512];  // the largest double has 309 digits before the point
  std::snprintf(buffer, sizeof buffer, "%.*f", std::clamp(decimals, 0, kMaxDecimals), value);
  const double result = std::strtod(buffer, nullptr);
  return result == 0 ? 0.0 : result;
}

PublishedTable published_table(const Table& table) {
  PublishedTable out{table.columns, table.rows, {}};
  std::optional<std::size_t> units_column;
  std::vector<Quantity> column_quantity;
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    const Column& column = table.columns[c];
    if (column.units.zh.empty() && column.units.en.empty() && column.name.en == "units") units_column = c;
    column_quantity.push_back(quantity_of(column.units.en));
    if (column_quantity.back() == Quantity::fraction) out.columns[c].units = units_text("percent");
  }
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    Quantity row_quantity = Quantity::other;
    if (units_column)
      if (const Text* units = std::get_if<Text>(&table.rows[r][*units_column])) {
        row_quantity = quantity_of(units->en);
        if (row_quantity == Quantity::fraction) out.rows[r][*units_column] = units_text("percent");
      }
    std::vector<int>& decimals = out.decimals.emplace_back(table.columns.size(), 0);
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
      const Column& column = table.columns[c];
      const int shown = table.row_decimals.empty() ? column.decimals : table.row_decimals[r];
      const bool has_units = !column.units.zh.empty() || !column.units.en.empty();
      const Quantity quantity = has_units ? column_quantity[c] : row_quantity;
      double scale = 1;
      int& d = decimals[c];
      if (column.decimals == kPlainInteger) d = kPlainInteger;  // a year
      else if (quantity == Quantity::count) d = 0;
      else if (quantity == Quantity::fraction) {
        d = 1;
        scale = 100;
      }
      else if (quantity == Quantity::percent) d = !table.row_decimals.empty() && shown == 2 ? 2 : 1;
      else if (quantity == Quantity::money) d = 1;
      else d = std::clamp(shown, 0, kMaxDecimals);
      if (double* value = std::get_if<double>(&out.rows[r][c]); value != nullptr && std::isfinite(*value))
        *value = rounded(*value * scale, d);
    }
  }
  return out;
}

std::vector<std::string> sheet_names(const std::vector<const Table*>& tables, const std::string& lang) {
  std::vector<std::string> names;
  std::set<std::string> seen;
  for (const Table* table : tables) {
    std::string name = clean_sheet_name(text_in(sheet_text(table->id), lang), kMaxSheetName);
    if (name.empty()) name = clean_sheet_name(text_in(table->title, lang), kMaxSheetName);
    if (name.empty()) name = clean_sheet_name(table->id, kMaxSheetName);
    std::string candidate = name;
    for (int n = 2; seen.count(lower_ascii(candidate)) != 0 || lower_ascii(candidate) == "history"; ++n) {
      const std::string suffix = " (" + std::to_string(n) + ")";
      candidate = clean_sheet_name(name, kMaxSheetName - suffix.size()) + suffix;
    }
    seen.insert(lower_ascii(candidate));
    names.push_back(candidate);
  }
  return names;
}

namespace {

/// Frees a workbook that was never closed (closing would write it).
struct WorkbookFree {
  void operator()(lxw_workbook* workbook) const { lxw_workbook_free(workbook); }
};
using WorkbookPtr = std::unique_ptr<lxw_workbook, WorkbookFree>;

void check(lxw_error error, const std::string& path, const std::string& what) {
  if (error != LXW_NO_ERROR)
    throw RuntimeFault(text::both("errors.report.cannot_write_workbook",
                                  {{"path", text::same(path)}, {"what", text::same(what)}, {"reason", text::same(lxw_strerror(error))}}));
}

/// Width of UTF-8 text in Excel's character widths: East Asian characters count two.
double display_width(const std::string& text) {
  double width = 0;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t length = code_point(static_cast<unsigned char>(text[i])).second;
    width += length >= 3 ? 2 : 1;  // three- and four-byte sequences: CJK, full-width punctuation
    i += length;
  }
  return width;
}

/// Width of a number shown with `decimals` and thousands separators.
double number_width(double value, int decimals) {
  const double digits = std::abs(value) < 1 ? 1 : std::floor(std::log10(std::abs(value))) + 1;
  return digits + std::floor((digits - 1) / 3) + (decimals > 0 ? decimals + 1 : 0) + (value < 0 ? 1 : 0);
}

std::string number_format(int decimals) {
  if (decimals == kPlainInteger) return "0";  // years: no thousands separator
  return decimals > 0 ? "#,##0." + std::string(static_cast<std::size_t>(decimals), '0') : "#,##0";
}

/// The line under a sheet's note and in its print footer: who computed the tables from what.
std::string source_line(const ReportContent& content, const std::string& lang) {
  const std::string file = std::filesystem::path(content.source_path).filename().string();
  const std::string& about = text_in(content.subtitle, lang);
  const text::Lang in = lang == "zh" ? text::Lang::zh : text::Lang::en;
  if (about.empty()) return text::say(in, "workbook.source", {{"version", tools::kVersion}, {"file", file}});
  return text::say(in, "workbook.source_about", {{"version", tools::kVersion}, {"file", file}, {"about", about}});
}

/// Writes sheets into one workbook, sharing its formats.
class SheetWriter {
public:
  SheetWriter(lxw_workbook* workbook, const ReportContent& content, std::string lang, std::string path)
      : workbook_(workbook), lang_(std::move(lang)), path_(std::move(path)),
        report_title_(text_in(content.title, lang_)), source_(source_line(content, lang_)) {
    title_ = add_format();
    format_set_bold(title_);
    format_set_font_size(title_, 12);
    format_set_align(title_, LXW_ALIGN_VERTICAL_CENTER);
    note_ = add_format();
    format_set_text_wrap(note_);
    format_set_align(note_, LXW_ALIGN_VERTICAL_TOP);
    source_format_ = add_format();
    format_set_italic(source_format_);
    format_set_font_size(source_format_, 9);
    format_set_font_color(source_format_, 0x595959);
    header_ = add_format();
    format_set_bold(header_);
    format_set_text_wrap(header_);
    format_set_align(header_, LXW_ALIGN_VERTICAL_CENTER);
    format_set_border(header_, LXW_BORDER_THIN);
    format_set_bg_color(header_, 0xF2F2F2);
    words_ = add_format();
    format_set_text_wrap(words_);
    format_set_align(words_, LXW_ALIGN_VERTICAL_TOP);
    format_set_border(words_, LXW_BORDER_THIN);
  }

  void write(const Table& table, const std::string& name) {
    lxw_worksheet* sheet = workbook_add_worksheet(workbook_, name.c_str());
    if (sheet == nullptr)
      throw RuntimeFault(text::both("errors.report.cannot_add_sheet", {{"path", text::same(path_)}, {"name", text::same(name)}, {"id", text::same(table.id)}}));
    const std::string where = "sheet " + table.id;
    const PublishedTable published = published_table(table);
    const std::size_t n_columns = published.columns.size();
    std::vector<double> widths(n_columns, kMinColumnWidth);
    for (std::size_t c = 0; c < n_columns; ++c) {
      const std::string header = column_header(published.columns[c], lang_);
      check(worksheet_write_string(sheet, kHeaderRow, column(c), header.c_str(), header_), path_, where);
      widths[c] = std::max(widths[c], display_width(header) / 2 + 2);  // headers wrap onto two lines
    }
    for (std::size_t r = 0; r < published.rows.size(); ++r) {
      const lxw_row_t row = kFirstDataRow + static_cast<lxw_row_t>(r);
      for (std::size_t c = 0; c < n_columns; ++c) {
        const Cell& cell = published.rows[r][c];
        if (const double* value = std::get_if<double>(&cell); value != nullptr && std::isfinite(*value)) {
          const int decimals = published.decimals[r][c];
          check(worksheet_write_number(sheet, row, column(c), *value, number(decimals)), path_, where);
          widths[c] = std::max(widths[c], number_width(*value, decimals));
        } else if (const Text* text = std::get_if<Text>(&cell)) {
          const std::string& words = text_in(*text, lang_);
          check(worksheet_write_string(sheet, row, column(c), words.c_str(), words_), path_, where);
          widths[c] = std::max(widths[c], display_width(words));
        } else {  // empty, NaN or infinite: a blank cell, bordered
          check(worksheet_write_blank(sheet, row, column(c), words_), path_, where);
        }
      }
    }
    double total_width = 0, header_lines = 1;
    for (std::size_t c = 0; c < n_columns; ++c) {
      const double width = std::min(widths[c] + 2, kMaxColumnWidth);
      total_width += width;
      check(worksheet_set_column(sheet, column(c), column(c), width, nullptr), path_, where);
      header_lines = std::max(header_lines, std::ceil(display_width(column_header(published.columns[c], lang_)) / (width - 1)));
    }
    // LibreOffice does not grow a row for wrapped text: the header row is made tall enough here.
    check(worksheet_set_row(sheet, kHeaderRow, kLineHeight * header_lines + 3, nullptr), path_, where);
    write_across(sheet, kTitleRow, n_columns, text_in(table.title, lang_), title_, 18, total_width, where);
    write_across(sheet, kNoteRow, n_columns, text_in(table.note, lang_), note_, kLineHeight, total_width, where);
    write_across(sheet, kSourceRow, n_columns, source_, source_format_, 12, total_width, where);
    worksheet_freeze_panes(sheet, kFirstDataRow, 0);
    set_up_printing(sheet, table, n_columns, where);
  }

private:
  static lxw_col_t column(std::size_t c) { return static_cast<lxw_col_t>(c); }

  lxw_format* add_format() {
    lxw_format* format = workbook_add_format(workbook_);
    if (format == nullptr) throw RuntimeFault(text::both("errors.report.workbook_out_of_memory", {{"path", text::same(path_)}}));
    return format;
  }

  /// Text above the table, merged across its columns and wrapped, the row tall enough for its lines.
  void write_across(lxw_worksheet* sheet, lxw_row_t row, std::size_t n_columns, const std::string& text,
                    lxw_format* format, double line_height, double total_width, const std::string& where) {
    if (text.empty()) return;
    check(worksheet_write_string(sheet, row, 0, text.c_str(), format), path_, where);  // merging ignores a too-long text
    if (n_columns > 1)
      check(worksheet_merge_range(sheet, row, 0, row, column(n_columns - 1), text.c_str(), format), path_, where);
    const double lines = std::max(1.0, std::ceil(display_width(text) * 1.1 / std::max(total_width, 1.0)));
    check(worksheet_set_row(sheet, row, line_height * lines + 2, nullptr), path_, where);
  }

  /// A4, landscape for wide tables, one page wide, the header row on every page, titles and source
  /// in the page header and footer.
  void set_up_printing(lxw_worksheet* sheet, const Table& table, std::size_t n_columns, const std::string& where) {
    worksheet_set_paper(sheet, kPaperA4);
    if (n_columns > kLandscapeAbove) worksheet_set_landscape(sheet);
    else worksheet_set_portrait(sheet);
    worksheet_fit_to_pages(sheet, 1, 0);
    worksheet_center_horizontally(sheet);
    worksheet_set_margins(sheet, 0.4, 0.4, 0.75, 0.75);
    const lxw_row_t last_row = kFirstDataRow + static_cast<lxw_row_t>(std::max<std::size_t>(table.rows.size(), 1)) - 1;
    check(worksheet_print_area(sheet, 0, 0, last_row, column(std::max<std::size_t>(n_columns, 1) - 1)), path_, where);
    check(worksheet_repeat_rows(sheet, kHeaderRow, kHeaderRow), path_, where);
    const std::string header = "&L" + header_text(report_title_) + "&R" + header_text(text_in(table.title, lang_));
    const std::string footer =
        "&L" + header_text(source_) + "&R" + text::say(lang_ == "zh" ? text::Lang::zh : text::Lang::en, "workbook.page_footer");
    check(worksheet_set_header(sheet, header.c_str()), path_, where + " page header");
    check(worksheet_set_footer(sheet, footer.c_str()), path_, where + " page footer");
  }

  lxw_format* number(int decimals) {
    auto found = numbers_.find(decimals);
    if (found != numbers_.end()) return found->second;
    lxw_format* format = add_format();
    format_set_num_format(format, number_format(decimals).c_str());
    format_set_border(format, LXW_BORDER_THIN);
    format_set_align(format, LXW_ALIGN_VERTICAL_TOP);
    return numbers_[decimals] = format;
  }

  lxw_workbook* workbook_;
  std::string lang_;
  std::string path_;
  std::string report_title_;
  std::string source_;
  lxw_format* title_ = nullptr;
  lxw_format* note_ = nullptr;
  lxw_format* source_format_ = nullptr;
  lxw_format* header_ = nullptr;
  lxw_format* words_ = nullptr;
  std::map<int, lxw_format*> numbers_;
};

/// Title, subject, author and, as the comment, the carecap output the tables come from.
void set_properties(lxw_workbook* workbook, const ReportContent& content, const std::string& lang,
                    const std::string& path) {
  std::string title = text_in(content.title, lang);
  std::string subject = text_in(content.subtitle, lang);
  std::string author = "carecap";
  std::string comments = "carecap " + content.kind + " report tables from " + content.source_path;
  lxw_doc_properties properties{};
  properties.title = title.data();
  properties.subject = subject.data();
  properties.author = author.data();
  properties.comments = comments.data();
  check(workbook_set_properties(workbook, &properties), path, "document properties");
}

/// Sends stderr to /dev/null while it lives: libxlsxwriter prints its own "[ERROR] ..." lines on
/// a failed write (e.g. a full disk), and carecap's one-line message says it instead.
class QuietStderr {
public:
  QuietStderr() : saved_(dup(STDERR_FILENO)) {
    if (saved_ < 0) return;  // cannot restore it later: leave stderr as it is
    const int null = open("/dev/null", O_WRONLY);
    if (null >= 0) {
      std::fflush(stderr);
      dup2(null, STDERR_FILENO);
      close(null);
    }
  }
  ~QuietStderr() {
    if (saved_ < 0) return;
    std::fflush(stderr);
    dup2(saved_, STDERR_FILENO);
    close(saved_);
  }
  QuietStderr(const QuietStderr&) = delete;
  QuietStderr& operator=(const QuietStderr&) = delete;

private:
  int saved_;
};

}  // namespace

void check_xlsx_path(const std::string& path, bool overwrite) { output::check_output_path(path, overwrite); }

void write_xlsx(const ReportContent& content, const std::string& lang, const std::string& path, bool overwrite) {
  check_language(lang);
  check_xlsx_path(path, overwrite);
  const std::vector<const Table*> tables = all_tables(content);
  check_tables(tables, path);
  output::replace_file(path, [&](const std::string& temporary) {
    WorkbookPtr workbook(workbook_new(temporary.c_str()));
    if (!workbook) throw RuntimeFault(text::both("errors.report.workbook_out_of_memory", {{"path", text::same(path)}}));
    set_properties(workbook.get(), content, lang, path);
    SheetWriter writer(workbook.get(), content, lang, path);
    const std::vector<std::string> names = sheet_names(tables, lang);
    for (std::size_t i = 0; i < tables.size(); ++i) writer.write(*tables[i], names[i]);
    // workbook_close writes the file and frees the workbook, whatever it returns.
    lxw_error closed = LXW_NO_ERROR;
    {
      const QuietStderr quiet;
      closed = workbook_close(workbook.release());
    }
    check(closed, path, "writing " + temporary);
  }, overwrite);
}

}  // namespace carecap::report
