// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "models/demand/CareState.hpp"
#include "scenarios/loader/CsvTable.hpp"
#include "sim/Errors.hpp"
#include "text/Catalogue.hpp"

/// Cell readers shared by the supply tables (facilities, providers, the investment plan list):
/// each names the file, line and column of a bad cell. For scenarios/loader only.
namespace carecap::scenarios::supply_tables {

inline const std::vector<std::string> kBedNames{demand::kBedTypeNames.begin(), demand::kBedTypeNames.end()};

inline std::string at(const std::string& path, int line) { return path + ":" + std::to_string(line) + ": "; }

inline int bed_index(const std::string& name) {
  return static_cast<int>(std::find(kBedNames.begin(), kBedNames.end(), name) - kBedNames.begin());
}

inline int region_index(const std::vector<std::string>& regions, const std::string& name, const std::string& path, int line,
                 const std::string& column) {
  const auto it = std::find(regions.begin(), regions.end(), name);
  if (it == regions.end()) {
    std::string known;
    for (const auto& r : regions) known += (known.empty() ? "" : ", ") + r;
    throw InputError(text::both("errors.supply.unknown_region", {{"where", at(path, line)}, {"column", column},
                                                                  {"known", known}, {"found", name}}));
  }
  return static_cast<int>(it - regions.begin());
}

inline std::int64_t parse_beds(const std::string& text, const std::string& path, int line, const std::string& column) {
  const double beds = parse_number(text, NumberRule::non_negative, path, line, column, 1e7);
  if (beds != std::floor(beds))
    throw InputError(text::both("errors.supply.whole_beds", {{"where", at(path, line)}, {"column", column}, {"found", text}}));
  return static_cast<std::int64_t>(beds);
}

}  // namespace carecap::scenarios::supply_tables
