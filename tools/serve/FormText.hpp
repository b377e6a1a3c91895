// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace carecap::serve {

/// What a planner typed, made plain once, before anything reads it: full-width ASCII forms
/// (U+FF01..U+FF5E: digits, '%', ',', '.') and the ideographic space become ASCII, curly quotes
/// straight ones, and surrounding spaces go. Invalid UTF-8 is kept as it is (the loader names it).
[[nodiscard]] std::string plain_text(std::string_view typed);

/// A number as a planner writes it: "350,000", "350 000", "1.5", "27%" (a share: 0.27). `share`
/// tells whether it ended with '%'. Nothing when `text` (made plain) is not such a number.
struct FormNumber {
  double value = 0;
  bool share = false;
};
[[nodiscard]] std::optional<FormNumber> form_number(std::string_view text);

/// `value` as the scenario files write it: a whole number without a decimal point, else the
/// shortest decimal that reads back as the same double.
[[nodiscard]] std::string number_text(double value);

/// `text` as a TOML basic string, quotes and control characters escaped.
[[nodiscard]] std::string toml_string(std::string_view text);

/// A number of the form as a TOML value (number_text); the text as typed, quoted as a TOML string,
/// when it is not a number, so that the loader names it.
[[nodiscard]] std::string toml_number(const std::string& typed);

/// `text` as a CSV field (RFC 4180): quoted when it holds a comma, quote or line break.
[[nodiscard]] std::string csv_field(std::string_view text);

}  // namespace carecap::serve
