// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <string>

namespace carecap::scenarios {

/// SHA-256 of a file's bytes as 64 lowercase hex digits (OpenSSL EVP). Throws InputError if the
/// file cannot be read.
[[nodiscard]] std::string sha256_of_file(const std::string& path);
/// SHA-256 of a string's bytes, as sha256_of_file.
[[nodiscard]] std::string sha256_of_text(const std::string& text);

}  // namespace carecap::scenarios
