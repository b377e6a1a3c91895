// carecap. SPDX-License-Identifier: MIT
#include "scenarios/loader/CsvTable.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <iterator>
#include <regex>
#include <sstream>

#include "sim/Utf8.hpp"

namespace carecap::scenarios {
namespace {

[[noreturn]] void fail(const std::string& file, int line, const std::string& column, const std::string& expected,
                       const std::string& text) {
  throw InputError(file + ":" + std::to_string(line) + ": column '" + column + "' expected " + expected +
                   ", got '" + text + "'");
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

}  // namespace

std::string read_csv_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path + ": cannot open the file; expected a CSV table (check the path in the scenario)");
  std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (in.bad()) throw InputError(path + ": cannot read the file; expected a CSV table");
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);  // Excel's "CSV UTF-8" byte-order mark
  if (text.find_first_not_of(" \t\r\n") == std::string::npos)
    throw InputError(path + ": the file is empty; expected a header line and data rows");
  if (const std::size_t at = sim::first_invalid_utf8(text); at != std::string::npos) {
    const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n');
    throw InputError(path + ":" + std::to_string(line) + ": byte " + std::to_string(at + 1) +
                     " is not UTF-8 text (a table saved as GBK?); expected UTF-8: save it as 'CSV UTF-8'");
  }
  return text;
}

double parse_number(const std::string& field, NumberRule rule, const std::string& file, int line,
                    const std::string& column, double highest) {
  const std::string text = without_thousands_separators(field);
  const auto refuse = [&] {  // the message is built only for a bad field: this runs for every cell
    std::ostringstream bound;
    bound << highest;
    fail(file, line, column,
         (rule == NumberRule::positive       ? "a finite number > 0 and <= "
          : rule == NumberRule::non_negative ? "a finite number in 0.."
                                             : "a finite number of magnitude <= ") +
             bound.str(),
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
  if (error != std::errc() || end != text.data() + text.size()) fail(file, line, column, "a whole number", field);
  return value;
}

}  // namespace carecap::scenarios
