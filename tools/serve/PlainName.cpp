// carecap. SPDX-License-Identifier: MIT
#include "tools/serve/PlainName.hpp"

#include <cstdint>

#include "tools/serve/ServeLimits.hpp"

namespace carecap::serve {
namespace {

/// Decodes the UTF-8 character at `at` (advancing it); 0xFFFFFFFF for a malformed, overlong or
/// surrogate sequence.
std::uint32_t next_code_point(std::string_view text, std::size_t& at) {
  constexpr std::uint32_t kBad = 0xFFFFFFFFu;
  const auto byte = [&](std::size_t i) { return static_cast<std::uint32_t>(static_cast<unsigned char>(text[i])); };
  const std::uint32_t first = byte(at);
  std::size_t length = 0;
  std::uint32_t code = 0, min = 0;
  if (first < 0x80) { ++at; return first; }
  if ((first & 0xE0) == 0xC0) { length = 2; code = first & 0x1F; min = 0x80; }
  else if ((first & 0xF0) == 0xE0) { length = 3; code = first & 0x0F; min = 0x800; }
  else if ((first & 0xF8) == 0xF0) { length = 4; code = first & 0x07; min = 0x10000; }
  else return kBad;
  if (at + length > text.size()) return kBad;
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(at + i) & 0xC0) != 0x80) return kBad;
    code = (code << 6) | (byte(at + i) & 0x3F);
  }
  at += length;
  if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return kBad;
  return code;
}

bool is_name_character(std::uint32_t c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-') return true;
  if (c >= 0x00C0 && c <= 0x024F) return c != 0x00D7 && c != 0x00F7;  // Latin letters with diacritics, not × ÷
  return (c >= 0x4E00 && c <= 0x9FFF) ||    // CJK unified ideographs
         (c >= 0x3400 && c <= 0x4DBF) ||    // extension A
         (c >= 0xF900 && c <= 0xFAFF) ||    // compatibility ideographs
         (c >= 0x20000 && c <= 0x2FFFF);    // extensions B and later
}

}  // namespace

bool is_plain_name(std::string_view name) {
  if (name.empty() || name.size() > kMaxNameBytes || name.front() == '-') return false;
  for (std::size_t at = 0; at < name.size();)
    if (!is_name_character(next_code_point(name, at))) return false;
  return true;
}

}  // namespace carecap::serve
