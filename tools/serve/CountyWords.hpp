// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace carecap::serve {

/// The words of a planner's tables (tools/serve/county_words.toml), matched after plain_text,
/// ignoring ASCII case.

/// The canonical column of grid `grid` a pasted header names (its own id, its catalogue labels
/// in either language, or one of the file's [headers.GRID] words); nothing when unknown.
[[nodiscard]] std::optional<std::string> header_column(std::string_view grid, std::string_view header);

/// The scenario files' word for a cell of kind `kind` (yes_no, ownership, category, build_type,
/// capacity_unit): "true"/"false", "public"/"private", ...; the cell as typed when it is none of
/// the known words (the loader then names it).
[[nodiscard]] std::string file_word(std::string_view kind, std::string_view cell);

}  // namespace carecap::serve
