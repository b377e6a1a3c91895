// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <cstddef>
#include <string>

namespace carecap::sim {

/// The length of the UTF-8 sequence starting at `text[at]` (1 to 4), or 0 when the bytes there
/// are not valid UTF-8 (overlong forms, surrogates and code points above U+10FFFF included).
[[nodiscard]] std::size_t utf8_sequence_length(const std::string& text, std::size_t at);

/// The offset of the first byte of `text` that is not valid UTF-8, or std::string::npos.
[[nodiscard]] std::size_t first_invalid_utf8(const std::string& text);

/// `text` with every byte that is not valid UTF-8 replaced by U+FFFD (the replacement character).
[[nodiscard]] std::string valid_utf8(const std::string& text);

}  // namespace carecap::sim
