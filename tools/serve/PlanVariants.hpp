// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "scenarios/loader/Scenario.hpp"

namespace carecap::serve {

/// The most variants one request makes (each runs as long as the scenario).
inline constexpr std::size_t kMaxVariants = 8;

/// What a plan variant changes (POST /api/scenarios/NAME/variants, docs/serve.md).
enum class VariantKind : char {
  delay,         // every project opens `years` later: supply.build_lag_years + years
  convert,       // `share` of the base year's general beds become nursing beds in `year` (supply.general_to_nursing)
  drop_project,  // project `row` (1-based) of the project list is not built: a copy of the list without it
  target,        // the plan's targets of `year` changed: [[plan_targets]] with its figures replaced
};

/// One plan variant as the planner asked for it, checked against the scenario.
struct VariantChoice {
  VariantKind kind = VariantKind::delay;
  int years = 0;                        // delay: years, 1..(10 - the scenario's build lag)
  double share = 0;                     // convert: share of general beds, (0, 1]
  int year = 0;                         // convert: the year, in the projection; target: a year of the plan's targets
  double cost_wan_yuan_per_bed = 0;     // convert: 10,000 yuan per bed, 0..1000
  int row = 0;                          // drop_project: row of the project list, 1-based (header not counted)
  std::optional<double> elderly_care_beds;  // target: beds, 0..10,000,000
  std::optional<double> childcare_places;   // target: places, 0..10,000,000
};

/// The plan variants of one scenario folder, validated once (the boundary) and written as a study
/// file (scenarios/README.md, "Studies") whose baseline is the folder's scenario as saved:
/// FOLDER/variants.toml, and any variant tables under FOLDER/variants/. Labels and descriptions
/// come from the catalogue (serve.study.*), the numbers in both languages.
class PlanVariants {
public:
  /// Reads the request `body` ({"variants": [...], "label_zh"?}) against the scenario `name`
  /// whose file is `scenario_file` (loaded here by the loader `carecap run` uses). Throws
  /// InputError, one line in both languages naming the variant and the key, for a bad body, and
  /// the loader's message for a scenario that does not load.
  PlanVariants(const std::string& name, const std::filesystem::path& scenario_file, const std::string& body);

  /// Writes FOLDER/variants.toml and the variant tables (each whole or not at all); the caller
  /// holds the folder's lock.
  void write(const std::filesystem::path& variants_file) const;

  [[nodiscard]] const std::vector<VariantChoice>& choices() const { return choices_; }
  /// The study file's text, as write() writes it.
  [[nodiscard]] std::string study_text() const;

private:
  struct Table {                       // a variant table under FOLDER/variants/
    std::string file;                  // relative to the folder, e.g. "variants/without_project_2.csv"
    std::string text;
  };
  std::string name_;
  std::filesystem::path scenario_file_;
  std::string place_;                  // the place's Chinese name (scenario.label_zh), else the folder's name
  std::string label_zh_;               // the request's title of the study, or the catalogue's
  scenarios::Scenario scenario_;
  std::vector<VariantChoice> choices_;
  std::vector<std::string> variant_texts_;  // each variant's [[variant]] table
  std::vector<Table> tables_;
};

}  // namespace carecap::serve
