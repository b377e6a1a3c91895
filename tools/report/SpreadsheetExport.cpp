// carecap. SPDX-License-Identifier: MIT
#include "tools/report/SpreadsheetExport.hpp"

#include <xlsxwriter.h>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>

#include "output/ReplaceFile.hpp"
#include "output/ResultsFile.hpp"
#include "sim/Errors.hpp"
#include "tools/report/TableLabels.hpp"

namespace carecap::report {


namespace {

// Sheet layout (0-based rows): title, note, a blank row, the header, then the data.
constexpr lxw_row_t kTitleRow = 0;
constexpr lxw_row_t kNoteRow = 1;
constexpr lxw_row_t kHeaderRow = 3;
constexpr lxw_row_t kFirstDataRow = 4;
constexpr double kMinColumnWidth = 8;   // in Excel's character widths
constexpr double kMaxColumnWidth = 50;
constexpr int kMaxDecimals = 15;

/// Frees a workbook that was never closed (closing would write it).
struct WorkbookFree {
  void operator()(lxw_workbook* workbook) const { lxw_workbook_free(workbook); }
};
using WorkbookPtr = std::unique_ptr<lxw_workbook, WorkbookFree>;

void check(lxw_error error, const std::string& path, const std::string& what) {
  if (error != LXW_NO_ERROR) throw RuntimeFault(path + ": cannot write the workbook (" + what + "): " + lxw_strerror(error));
}

/// Width of UTF-8 text in Excel's character widths: East Asian characters count two.
double display_width(const std::string& text) {
  double width = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
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

/// Writes sheets into one workbook, sharing its formats.
class SheetWriter {
public:
  SheetWriter(lxw_workbook* workbook, std::string lang, std::string path)
      : workbook_(workbook), lang_(std::move(lang)), path_(std::move(path)) {
    title_ = workbook_add_format(workbook_);
    header_ = workbook_add_format(workbook_);
    if (title_ == nullptr || header_ == nullptr) throw RuntimeFault(path_ + ": cannot write the workbook: out of memory");
    format_set_bold(title_);
    format_set_font_size(title_, 12);
    format_set_bold(header_);
    format_set_bottom(header_, LXW_BORDER_THIN);
  }

  void write(const Table& table) {
    lxw_worksheet* sheet = workbook_add_worksheet(workbook_, table.id.c_str());
    if (sheet == nullptr) throw RuntimeFault(path_ + ": cannot add the sheet '" + table.id + "'");
    const std::string where = "sheet " + table.id;
    check(worksheet_write_string(sheet, kTitleRow, 0, text_in(table.title, lang_).c_str(), title_), path_, where);
    if (const std::string& note = text_in(table.note, lang_); !note.empty())
      check(worksheet_write_string(sheet, kNoteRow, 0, note.c_str(), nullptr), path_, where);
    std::vector<double> widths(table.columns.size(), kMinColumnWidth);
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
      const std::string header = column_header(table.columns[c], lang_);
      check(worksheet_write_string(sheet, kHeaderRow, column(c), header.c_str(), header_), path_, where);
      widths[c] = std::max(widths[c], display_width(header));
    }
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
      const lxw_row_t row = kFirstDataRow + static_cast<lxw_row_t>(r);
      for (std::size_t c = 0; c < table.columns.size(); ++c) {
        const Cell& cell = table.rows[r][c];
        if (const double* value = std::get_if<double>(&cell); value != nullptr && std::isfinite(*value)) {
          const int shown = table.row_decimals.empty() ? table.columns[c].decimals : table.row_decimals[r];
          const int decimals = std::clamp(shown, kPlainInteger, kMaxDecimals);
          check(worksheet_write_number(sheet, row, column(c), *value, number(decimals)), path_, where);
          widths[c] = std::max(widths[c], number_width(*value, decimals));
        } else if (const Text* text = std::get_if<Text>(&cell)) {
          const std::string& words = text_in(*text, lang_);
          check(worksheet_write_string(sheet, row, column(c), words.c_str(), nullptr), path_, where);
          widths[c] = std::max(widths[c], display_width(words));
        }  // empty, NaN or infinite: no cell
      }
    }
    for (std::size_t c = 0; c < widths.size(); ++c)
      check(worksheet_set_column(sheet, column(c), column(c), std::min(widths[c] + 2, kMaxColumnWidth), nullptr), path_,
            where);
    worksheet_freeze_panes(sheet, kFirstDataRow, 0);
  }

private:
  static lxw_col_t column(std::size_t c) { return static_cast<lxw_col_t>(c); }

  lxw_format* number(int decimals) {
    auto found = numbers_.find(decimals);
    if (found != numbers_.end()) return found->second;
    lxw_format* format = workbook_add_format(workbook_);
    if (format == nullptr) throw RuntimeFault(path_ + ": cannot write the workbook: out of memory");
    format_set_num_format(format, number_format(decimals).c_str());
    return numbers_[decimals] = format;
  }

  lxw_workbook* workbook_;
  std::string lang_;
  std::string path_;
  lxw_format* title_ = nullptr;
  lxw_format* header_ = nullptr;
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
    if (!workbook) throw RuntimeFault(path + ": cannot write the workbook: out of memory");
    set_properties(workbook.get(), content, lang, path);
    SheetWriter writer(workbook.get(), lang, path);
    for (const Table* table : tables) writer.write(*table);
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
