// carecap. SPDX-License-Identifier: MIT
#include "scenarios/loader/Study.hpp"

#include <algorithm>
#include <cctype>
#include <limits>

#include "scenarios/loader/ScenarioLoader.hpp"
#include "scenarios/loader/TomlFile.hpp"
#include "sim/Errors.hpp"
#include "text/TextArg.hpp"

namespace carecap::scenarios {

/// Why a variant may not set `section.key` (every run replaces its value, or no run reads or
/// records it); empty when it may. Defined in SweepLoader.cpp, one list for studies and sweeps.
text::Text unchangeable_key_reason(const std::string& section, const std::string& key);

namespace {

constexpr int kMaxStudyReplications = 10000;

bool is_snake_case(const std::string& name) {
  return !name.empty() && std::islower(static_cast<unsigned char>(name.front())) &&
         std::all_of(name.begin(), name.end(), [](char c) {
           return std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '_';
         });
}

std::string snake_case_name(const ScenarioValue& value) {
  const std::string name = value.as_string();
  if (!is_snake_case(name))
    throw InputError(text::both("errors.study.snake_case", {{"where", value.where()}, {"found", name}}));
  return name;
}

/// Sets the replications and seed of a study's scenario (as `carecap run` does): replications
/// are the capacity simulation's for a deterministic projection with supply, else the projection's.
void apply_run_settings(Scenario& scenario, const std::optional<int>& replications, const std::optional<std::uint64_t>& seed) {
  if (seed) scenario.run.seed = *seed;
  if (replications) set_replications(scenario, *replications);
}

/// Refuses a variant's override that the study would silently ignore: one line naming the key.
void check_changeable(const toml::table& overrides, const std::string& path, const std::string& prefix) {
  for (auto&& [section_name, section] : overrides) {
    const toml::table* keys = section.as_table();
    if (!keys) continue;  // the scenario's checks report it
    for (auto&& [key_name, value] : *keys) {
      const std::string section_key(section_name.str()), key(key_name.str());
      const text::Text reason = unchangeable_key_reason(section_key, key);
      if (!reason.en.empty())
        throw InputError(text::both("errors.study.key_unchangeable",
                                    {{"where", text::same(path + ":" + std::to_string(value.source().begin.line) + ": " + prefix +
                                                          "overrides." + section_key + "." + key + ": ")},
                                     {"reason", reason}}));
    }
  }
}

}  // namespace

Study load_study(const std::string& path) {
  const TomlFile file = read_toml_file(path, text::both("errors.file.kind.study"));
  const toml::table& root = *file.table;
  check_keys(root, {"study", "variant"}, path, "");
  const toml::table* head = root["study"].as_table();
  if (!head) throw InputError(text::both("errors.study.no_table", {{"path", path}}));
  check_keys(*head, {"name", "label_zh", "description", "scenario", "baseline_name", "baseline_label_zh",
                     "baseline_description_zh", "replications", "seed", "source", "source_zh"},
             path, "study.");
  Study study;
  study.path = path;
  study.text = file.text;
  study.name = snake_case_name(require_value(*head, "name", path, "study."));
  if (auto v = find_value(*head, "label_zh", path, "study.")) study.label_zh = v->as_string();
  study.description = require_value(*head, "description", path, "study.").as_string();
  study.source = require_value(*head, "source", path, "study.").as_string();
  if (auto v = find_value(*head, "source_zh", path, "study.")) study.source_zh = v->as_string();
  const std::string baseline_path = require_value(*head, "scenario", path, "study.").as_existing_path();
  std::optional<int> replications;
  if (auto v = find_value(*head, "replications", path, "study."))
    replications = static_cast<int>(v->as_integer(1, kMaxStudyReplications));
  std::optional<std::uint64_t> seed;
  if (auto v = find_value(*head, "seed", path, "study."))
    seed = static_cast<std::uint64_t>(v->as_integer(0, std::numeric_limits<std::int64_t>::max()));

  StudyVariant baseline;
  baseline.name = "baseline";
  if (auto v = find_value(*head, "baseline_name", path, "study.")) baseline.name = snake_case_name(*v);
  if (auto v = find_value(*head, "baseline_label_zh", path, "study.")) baseline.label_zh = v->as_string();
  TableCache tables;  // the variants read the baseline's tables once
  baseline.scenario = load_scenario(baseline_path, {}, &tables);
  baseline.description = baseline.scenario.description;
  if (auto v = find_value(*head, "baseline_description_zh", path, "study.")) baseline.description_zh = v->as_string();
  apply_run_settings(baseline.scenario, replications, seed);
  study.variants.push_back(std::move(baseline));

  const toml::node* variants = root.get("variant");
  if (variants && !variants->is_array_of_tables())
    throw InputError(text::both("errors.study.variant_not_tables", {{"where", path + ":" + std::to_string(variants->source().begin.line) + ": "}}));
  if (!variants || variants->as_array()->empty())
    throw InputError(text::both("errors.study.no_variants", {{"path", path}}));
  for (const toml::node& node : *variants->as_array()) {
    const toml::table& table = *node.as_table();
    const std::string line = path + ":" + std::to_string(table.source().begin.line);
    check_keys(table, {"name", "label_zh", "description", "description_zh", "overrides"}, path, "variant.");
    StudyVariant variant;
    variant.name = snake_case_name(require_value(table, "name", path, "variant."));
    const std::string prefix = "variant." + variant.name + ".";
    for (const auto& other : study.variants)
      if (other.name == variant.name)
        throw InputError(text::both("errors.study.name_twice", {{"where", line + ": "}, {"name", variant.name}}));
    if (auto v = find_value(table, "label_zh", path, prefix)) variant.label_zh = v->as_string();
    variant.description = require_value(table, "description", path, prefix).as_string();
    if (auto v = find_value(table, "description_zh", path, prefix)) variant.description_zh = v->as_string();
    const toml::node* overrides = table.get("overrides");
    if (!overrides || !overrides->is_table() || overrides->as_table()->empty())
      throw InputError(text::both("errors.study.no_overrides", {{"where", line + ": " + prefix}}));
    check_changeable(*overrides->as_table(), path, prefix);
    // The overlay shares the study file's table, so its values keep their lines for messages.
    const auto overlay_table = std::shared_ptr<const toml::table>(file.table, overrides->as_table());
    variant.scenario = load_scenario(baseline_path, {ScenarioOverlay{overlay_table, path}}, &tables);
    // Common random numbers: every variant runs with the baseline's seed and replications (its
    // overrides may not set them: check_changeable).
    const Scenario& base = study.variants.front().scenario;
    variant.scenario.run.seed = base.run.seed;
    variant.scenario.run.replications = base.run.replications;
    if (variant.scenario.supply && base.supply) variant.scenario.supply->capacity.replications = base.supply->capacity.replications;
    if (variant.scenario.projection.base_year != base.projection.base_year ||
        variant.scenario.projection.end_year != base.projection.end_year)
      throw InputError(text::both("errors.study.years_differ",
                                  {{"where", line + ": " + prefix}, {"first", base.projection.base_year},
                                   {"last", base.projection.end_year}, {"found_first", variant.scenario.projection.base_year},
                                   {"found_last", variant.scenario.projection.end_year}}));
    // Outcomes are sums over the simulated years: a variant of another horizon does not compare.
    const int base_last = base.supply ? base.supply->capacity.last_year : 0;
    const int last = variant.scenario.supply ? variant.scenario.supply->capacity.last_year : 0;
    if (last != base_last) {
      const toml::node* set = overrides->as_table()->at_path("capacity.last_year").node();
      const std::string at = set ? path + ":" + std::to_string(set->source().begin.line) : line;
      throw InputError(text::both("errors.study.horizon_differs",
                                  {{"where", at + ": " + prefix}, {"first", base.projection.base_year}, {"last", base_last},
                                   {"found_first", variant.scenario.projection.base_year}, {"found_last", last}}));
    }
    study.variants.push_back(std::move(variant));
  }
  return study;
}

}  // namespace carecap::scenarios
