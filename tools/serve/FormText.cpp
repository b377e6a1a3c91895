// carecap. SPDX-License-Identifier: MIT
#include "tools/serve/FormText.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace carecap::serve {
namespace {

/// The code point starting at `text[at]` and its length in bytes; (0, 1) for a byte that does not
/// start valid UTF-8.
std::pair<char32_t, std::size_t> code_point(std::string_view text, std::size_t at) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(at);
  if (lead < 0x80) return {lead, 1};
  const std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
  if (length == 0 || at + length > text.size()) return {0, 1};
  char32_t value = lead & (0x3F >> (length - 1));
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(at + i) & 0xC0) != 0x80) return {0, 1};
    value = (value << 6) | (byte(at + i) & 0x3F);
  }
  return {value, length};
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::string plain_text(std::string_view typed) {
  std::string out;
  for (std::size_t at = 0; at < typed.size();) {
    const auto [point, length] = code_point(typed, at);
    if (point >= 0xFF01 && point <= 0xFF5E) out += static_cast<char>(point - 0xFF01 + 0x21);  // full-width ASCII
    else if (point == 0x3000 || point == 0x00A0) out += ' ';                                  // ideographic, no-break space
    else if (point == 0x201C || point == 0x201D) out += '"';
    else if (point == 0x2018 || point == 0x2019) out += '\'';
    else out.append(typed.substr(at, length));
    at += length;
  }
  const std::size_t first = out.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  return out.substr(first, out.find_last_not_of(" \t\r\n") - first + 1);
}

std::optional<FormNumber> form_number(std::string_view typed) {
  std::string text = plain_text(typed);
  FormNumber number;
  if (!text.empty() && text.back() == '%') {
    number.share = true;
    text.pop_back();
    while (!text.empty() && text.back() == ' ') text.pop_back();
  }
  // Thousands separators: ',' or ' ' between digits.
  std::string digits;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool separator = (text[i] == ',' || text[i] == ' ') && i > 0 && i + 1 < text.size() && is_digit(text[i - 1]) &&
                           is_digit(text[i + 1]);
    if (!separator) digits += text[i];
  }
  if (digits.empty()) return std::nullopt;
  double value = 0;
  const char* end = digits.data() + digits.size();
  const auto [stop, error] = std::from_chars(digits.data() + (digits.front() == '+' ? 1 : 0), end, value);
  if (error != std::errc() || stop != end || !std::isfinite(value)) return std::nullopt;
  number.value = number.share ? value / 100.0 : value;
  return number;
}

std::string number_text(double value) {
  if (std::fabs(value) < 1e15 && value == std::floor(value)) return std::to_string(static_cast<long long>(value));
  char text[32];
  for (int digits = 1; digits <= 17; ++digits) {
    std::snprintf(text, sizeof text, "%.*g", digits, value);
    if (std::strtod(text, nullptr) == value) break;
  }
  return text;
}

std::string toml_string(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\u%04X", static_cast<unsigned>(static_cast<unsigned char>(c)));
      out += escaped;
      continue;
    }
    out += c;
  }
  return out + "\"";
}

std::string csv_field(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string toml_number(const std::string& typed) {
  const auto number = form_number(typed);
  return number ? number_text(number->value) : toml_string(typed);
}

}  // namespace carecap::serve
