// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <filesystem>
#include <vector>

#include <nlohmann/json.hpp>

#include "tools/serve/CountyForm.hpp"

namespace carecap::serve {

/// What writing a form into a county folder found.
struct CountyCheck {
  std::vector<FormProblem> problems;  // none when the folder loads as `carecap run` loads it
  nlohmann::json found;               // what synth-pop and calibrate found (may be partial)

  [[nodiscard]] bool valid() const { return problems.empty(); }
  /// {"valid", "errors": [{place..., "message": {zh, en}}], "found"}.
  [[nodiscard]] nlohmann::json json() const;
};

/// Writes the county folder of `form` (/work/notes/serve_contract.md, "The county folder") into
/// `folder`, an empty folder, as save keeps it: the national files, population_groups.toml, the
/// tables, population_base.csv made by synth-pop (synthesize_population, as `carecap synth-pop`),
/// scenario.toml with the TFR `carecap calibrate` finds for the births (given, else the base
/// population's age-0 cohort: ASSUMPTION), and form.json; then loads it with the loader of
/// `carecap run`. The first message of the form, synth-pop, the loader or calibrate is returned
/// with the field or grid cell it came from (paths relative to the folder).
[[nodiscard]] CountyCheck write_county_folder(const CountyForm& form, const std::filesystem::path& folder);

}  // namespace carecap::serve
