// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <string_view>
#include <vector>

namespace carecap::serve {

/// tools/serve/county_defaults.toml: the advanced items of the new-county form (CountySchema).
[[nodiscard]] std::string_view county_defaults_toml();
/// tools/serve/county_words.toml: the headers and cell words a pasted table may use (CountyWords).
[[nodiscard]] std::string_view county_words_toml();

/// One national file a county folder carries, at its place under the folder.
struct NationalFile {
  std::string_view path;     // relative to the county folder, e.g. "national/china.toml"
  std::string_view content;  // the file as shipped in scenarios/
};
/// scenarios/china.toml and the tables it and a county (closed to migration, China's 2024 age
/// pattern of fertility, China's 2020 population as the synth-pop standard) read, as embedded at
/// build time: what makes a county folder run the same anywhere.
[[nodiscard]] const std::vector<NationalFile>& national_files();

}  // namespace carecap::serve
