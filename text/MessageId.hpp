// carecap. SPDX-License-Identifier: MIT
#pragma once

namespace carecap::text {

/// Marks a message id kept in a table to be said later (text::say(lang, row.name_id)), so that
/// tests/check_catalogue.py, which finds ids as the literal after say_id(, checks it exists.
[[nodiscard]] constexpr const char* say_id(const char* id) { return id; }

}  // namespace carecap::text
