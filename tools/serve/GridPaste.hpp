// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace carecap::serve {

/// A table pasted from Excel or WPS (tab-separated, first row headers, cells possibly quoted with
/// line breaks inside) as rows of the grid `grid`'s cells, in its canonical column order ("" where
/// the paste has no such column), each cell made plain (FormText: full-width digits, curly
/// quotes) with thousands separators of numbers taken out ("1,200" -> "1200"). Throws InputError
/// naming the grid and the header it does not know, or when nothing was pasted.
[[nodiscard]] std::vector<std::vector<std::string>> paste_grid(std::string_view grid, std::string_view pasted);

}  // namespace carecap::serve
