// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <string_view>

namespace carecap::serve {

/// Whether `name` may name a scenario folder of the workspace: 1..kMaxNameBytes bytes of valid
/// UTF-8, each character a letter (ASCII, Latin with diacritics, CJK ideographs), a digit, '_'
/// or '-', and not '-' first. No '/', '\\', '.', NUL, space or control character can appear, so a
/// name is never a path: the server joins it to the workspace and nothing else.
[[nodiscard]] bool is_plain_name(std::string_view name);

}  // namespace carecap::serve
