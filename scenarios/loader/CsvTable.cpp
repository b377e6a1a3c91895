// carecap. SPDX-License-Identifier: MIT
#include "scenarios/loader/CsvTable.hpp"

#include <charconv>
#include <cmath>
#include <sstream>

namespace carecap::scenarios {
namespace {

[[noreturn]] void fail(const std::string& file, int line, const std::string& column, const std::string& expected,
                       const std::string& text) {
  throw InputError(file + ":" + std::to_string(line) + ": column '" + column + "' expected " + expected +
                   ", got '" + text + "'");
}

}  // namespace

double parse_number(const std::string& text, NumberRule rule, const std::string& file, int line,
                    const std::string& column, double highest) {
  std::ostringstream bound;
  bound << highest;
  const std::string expected = (rule == NumberRule::positive       ? "a finite number > 0 and <= "
                                : rule == NumberRule::non_negative ? "a finite number in 0.."
                                                                   : "a finite number of magnitude <= ") +
                               bound.str();
  double value = 0.0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
    fail(file, line, column, expected, text);
  if ((rule == NumberRule::non_negative && value < 0.0) || (rule == NumberRule::positive && value <= 0.0) ||
      std::abs(value) > highest)
    fail(file, line, column, expected, text);
  return value;
}

int parse_integer(const std::string& text, const std::string& file, int line, const std::string& column) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) fail(file, line, column, "a whole number", text);
  return value;
}

}  // namespace carecap::scenarios
