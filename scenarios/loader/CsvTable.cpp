// carecap. SPDX-License-Identifier: MIT
#include "scenarios/loader/CsvTable.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <regex>
#include <sstream>
#include <vector>

#include "scenarios/loader/MessageWords.hpp"
#include "text/TextArg.hpp"

namespace carecap::scenarios {
namespace {

[[noreturn]] void fail(const std::string& file, int line, const std::string& column, const text::Text& expected,
                       const std::string& found) {
  throw InputError(text::both("errors.csv.column_expected_got", {{"where", text::same(file + ":" + std::to_string(line) + ": ")},
                                                                 {"column", text::same(column)},
                                                                 {"expected", spaced(expected)},
                                                                 {"found", text::same(found)}}));
}

/// An error of the parser (libfccp) in both languages: its English words, and the Chinese of the
/// errors a table can have (the file and line are named before it).
text::Text parser_error_words(const io::error::base& error) {
  const std::string en = error.what();
  const auto in_chinese = [&en](const std::string& zh) { return text::Text{zh, en}; };
  if (const auto* e = dynamic_cast<const io::error::missing_column_in_header*>(&error))
    return in_chinese(text::say(text::Lang::zh, "errors.csv.missing_column_in_header", {{"column", e->column_name}}));
  if (const auto* e = dynamic_cast<const io::error::duplicated_column_in_header*>(&error))
    return in_chinese(text::say(text::Lang::zh, "errors.csv.duplicated_column_in_header", {{"column", e->column_name}}));
  if (const auto* e = dynamic_cast<const io::error::extra_column_in_header*>(&error))
    return in_chinese(text::say(text::Lang::zh, "errors.csv.extra_column_in_header", {{"column", e->column_name}}));
  if (dynamic_cast<const io::error::header_missing*>(&error))
    return in_chinese(text::say(text::Lang::zh, "errors.csv.header_missing"));
  if (dynamic_cast<const io::error::too_few_columns*>(&error))
    return in_chinese(text::say(text::Lang::zh, "errors.csv.too_few_columns"));
  if (dynamic_cast<const io::error::too_many_columns*>(&error))
    return in_chinese(text::say(text::Lang::zh, "errors.csv.too_many_columns"));
  if (dynamic_cast<const io::error::escaped_string_not_closed*>(&error))
    return in_chinese(text::say(text::Lang::zh, "errors.csv.quote_not_closed"));
  if (dynamic_cast<const io::error::line_length_limit_exceeded*>(&error))
    return in_chinese(text::say(text::Lang::zh, "errors.csv.line_too_long"));
  return text::same(en);
}

/// "1,234,567.5" as a spreadsheet writes a number with thousands separators (quoted in CSV):
/// the same text without the commas; any other text unchanged.
std::string without_thousands_separators(const std::string& text) {
  static const std::regex grouped(R"([-+]?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]*)?)");
  if (text.find(',') == std::string::npos || !std::regex_match(text, grouped)) return text;
  std::string plain;
  for (char c : text)
    if (c != ',') plain += c;
  return plain;
}

constexpr char kByteOrderMark[] = "\xEF\xBB\xBF";
constexpr unsigned char kQuotedCr = 0xFE;  // never in UTF-8 text
constexpr unsigned char kQuotedLf = 0xFF;

}  // namespace

CsvByteSource::CsvByteSource(std::string path) : path_(std::move(path)), in_(path_, std::ios::binary) {
  if (!in_) throw InputError(text::both("errors.csv.cannot_open", {{"path", path_}}));
  // Empty: nothing but white space after the byte-order mark. Read ahead only to the first other byte.
  std::vector<char> block(1 << 16);
  bool text = false;
  for (bool first = true; !text; first = false) {
    in_.read(block.data(), static_cast<std::streamsize>(block.size()));
    const auto got = static_cast<std::size_t>(in_.gcount());
    if (in_.bad()) throw InputError(text::both("errors.csv.cannot_read", {{"path", path_}}));
    if (got == 0) break;
    const std::size_t from = first && got >= 3 && std::memcmp(block.data(), kByteOrderMark, 3) == 0 ? 3 : 0;
    for (std::size_t i = from; i < got && !text; ++i)
      text = block[i] != ' ' && block[i] != '\t' && block[i] != '\r' && block[i] != '\n';
  }
  if (!text) throw InputError(text::both("errors.csv.empty", {{"path", path_}}));
  in_.clear();
  in_.seekg(0);
  char head[3] = {};
  in_.read(head, 3);
  if (in_.gcount() != 3 || std::memcmp(head, kByteOrderMark, 3) != 0) {  // Excel's "CSV UTF-8" starts with one
    in_.clear();
    in_.seekg(0);
  }
}

void CsvByteSource::refuse_byte(std::uint64_t offset, std::int64_t line) const {
  throw InputError(text::both("errors.csv.not_utf8", {{"path", path_}, {"line", std::to_string(line)},
                                                      {"byte", std::to_string(offset + 1)}}));
}

int CsvByteSource::read(char* buffer, int size) {
  in_.read(buffer, size);
  if (in_.bad()) throw InputError(text::both("errors.csv.cannot_read", {{"path", path_}}));
  const auto got = static_cast<int>(in_.gcount());
  for (int i = 0; i < got; ++i, ++offset_) {
    const auto byte = static_cast<unsigned char>(buffer[i]);
    if (remaining_ > 0) {  // a continuation byte is due
      if (byte < low_ || byte > high_) refuse_byte(lead_offset_, lead_line_);
      --remaining_;
      low_ = 0x80;
      high_ = 0xBF;
      continue;
    }
    if (byte >= 0x80) {  // the first byte of a sequence: its length and the range of the next byte (as sim/Utf8)
      lead_offset_ = offset_;
      lead_line_ = line_;
      remaining_ = byte >= 0xC2 && byte <= 0xDF ? 1 : byte >= 0xE0 && byte <= 0xEF ? 2 : byte >= 0xF0 && byte <= 0xF4 ? 3 : 0;
      if (remaining_ == 0) refuse_byte(offset_, line_);
      low_ = byte == 0xE0 ? 0xA0 : byte == 0xF0 ? 0x90 : 0x80;
      high_ = byte == 0xED ? 0x9F : byte == 0xF4 ? 0x8F : 0xBF;
      continue;
    }
    if (byte == '"') {
      quoted_ = !quoted_;
    } else if (byte == '\r' && quoted_) {
      buffer[i] = static_cast<char>(kQuotedCr);
    } else if (byte == '\n') {
      ++line_;
      if (quoted_) {
        buffer[i] = static_cast<char>(kQuotedLf);
        ++breaks_;
      } else {
        if (breaks_ != breaks_noted_) break_lines_.emplace_back(parser_line_, breaks_noted_ = breaks_);
        ++parser_line_;
      }
    }
  }
  if (got < size) {  // the end of the file
    if (remaining_ > 0) refuse_byte(lead_offset_, lead_line_);
    if (breaks_ != breaks_noted_) break_lines_.emplace_back(parser_line_, breaks_noted_ = breaks_);
  }
  return got;
}

int CsvByteSource::file_line(unsigned parser_line) {
  while (!break_lines_.empty() && break_lines_.front().first < parser_line) {
    breaks_before_ = break_lines_.front().second;
    break_lines_.pop_front();
  }
  return static_cast<int>(parser_line + breaks_before_);
}

void restore_breaks(std::string& field) {
  for (char& c : field) {
    if (c == static_cast<char>(kQuotedLf)) c = '\n';
    else if (c == static_cast<char>(kQuotedCr)) c = '\r';
  }
}

void throw_csv_error(const io::error::base& error, const std::string& path, CsvByteSource& source) {
  auto* at = dynamic_cast<io::error::with_file_line*>(const_cast<io::error::base*>(&error));
  std::string line;
  if (at && at->file_line > 0) {
    at->file_line = source.file_line(static_cast<unsigned>(at->file_line));  // the message names the file's line too
    line = ":" + std::to_string(at->file_line);
  }
  throw InputError(text::both("errors.csv.parser", {{"where", text::same(path + line + ": ")}, {"error", parser_error_words(error)}}));
}

double parse_number(const std::string& field, NumberRule rule, const std::string& file, int line,
                    const std::string& column, double highest) {
  const std::string text = without_thousands_separators(field);
  const auto refuse = [&] {  // the message is built only for a bad field: this runs for every cell
    std::ostringstream bound;
    bound << highest;
    fail(file, line, column,
         rule == NumberRule::positive       ? text::both("errors.expect.positive_number_to", {{"bound", bound.str()}})
         : rule == NumberRule::non_negative ? text::both("errors.expect.finite_number_in", {{"low", "0"}, {"high", bound.str()}})
                                            : text::both("errors.expect.magnitude_to", {{"bound", bound.str()}}),
         field);
  };
  double value = 0.0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) refuse();
  if ((rule == NumberRule::non_negative && value < 0.0) || (rule == NumberRule::positive && value <= 0.0) ||
      std::abs(value) > highest)
    refuse();
  return value;
}

int parse_integer(const std::string& field, const std::string& file, int line, const std::string& column) {
  const std::string text = without_thousands_separators(field);
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) fail(file, line, column, text::both("errors.expect.whole_number"), field);
  return value;
}

}  // namespace carecap::scenarios
