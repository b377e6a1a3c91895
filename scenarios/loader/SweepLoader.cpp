// carecap. SPDX-License-Identifier: MIT
#include "scenarios/loader/Sweep.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>

#include "scenarios/loader/ScenarioLoader.hpp"
#include "scenarios/loader/Sha256.hpp"
#include "scenarios/loader/TomlFile.hpp"
#include "sim/Errors.hpp"
#include "text/TextArg.hpp"

namespace carecap::scenarios {

/// Why a study's variant or a sweep's parameter may not set `section.key` (a key whose value
/// every run replaces, or that no run reads or records); empty when it may. Defined below.
text::Text unchangeable_key_reason(const std::string& section, const std::string& key);

namespace {

constexpr std::size_t kMaxRuns = 10'000'000;
const std::vector<std::string> kDistributions{"uniform", "normal", "triangular", "lognormal", "discrete"};

std::string line_of(const toml::node& node, const std::string& file) {
  return file + ":" + std::to_string(node.source().begin.line) + ": ";
}

/// Whether `node` can be scaled: a number, an array of numbers or of [year, number] pairs, or a
/// table of numbers.
bool scalable(const toml::node& node) {
  if (node.is_number()) return true;
  if (const toml::array* items = node.as_array()) {
    for (const toml::node& item : *items) {
      const toml::array* pair = item.as_array();
      if (!item.is_number() && !(pair && pair->size() == 2 && (*pair)[1].is_number())) return false;
    }
    return !items->empty();
  }
  if (const toml::table* table = node.as_table()) {
    for (auto&& [k, v] : *table)
      if (!v.is_number()) return false;
    return !table->empty();
  }
  return false;
}

double number_of(const toml::node& node) {
  return node.is_integer() ? static_cast<double>(node.as_integer()->get()) : node.as_floating_point()->get();
}

/// `node` with every scalable number multiplied by `factor` (years of [year, value] pairs kept).
std::unique_ptr<toml::node> scaled(const toml::node& node, double factor) {
  if (node.is_number()) return std::make_unique<toml::value<double>>(number_of(node) * factor);
  if (const toml::array* items = node.as_array()) {
    auto out = std::make_unique<toml::array>();
    for (const toml::node& item : *items) {
      if (item.is_number()) {
        out->push_back(number_of(item) * factor);
      } else {
        const toml::array& pair = *item.as_array();
        toml::array scaled_pair;
        scaled_pair.push_back(pair[0]);
        scaled_pair.push_back(number_of(pair[1]) * factor);
        out->push_back(std::move(scaled_pair));
      }
    }
    return out;
  }
  auto out = std::make_unique<toml::table>();
  for (auto&& [k, v] : *node.as_table()) out->insert(k, number_of(v) * factor);
  return out;
}

sim::ParameterDistribution read_distribution(const toml::table& table, const std::string& path, const std::string& prefix,
                                             std::size_t alternatives) {
  const ScenarioValue kind_value = require_value(table, "distribution", path, prefix);
  const std::size_t kind = kind_value.as_choice(kDistributions);
  auto number = [&](const char* key) {
    return require_value(table, key, path, prefix).as_number(-1e300, 1e300);
  };
  const std::set<std::string> allowed_by_kind[] = {
      {"min", "max"}, {"mean", "sd"}, {"min", "mode", "max"}, {"mu", "sigma"}, {"values", "labels", "weights"}};
  std::set<std::string> allowed{"key", "scale", "distribution"};
  allowed.insert(allowed_by_kind[kind].begin(), allowed_by_kind[kind].end());
  check_keys(table, allowed, path, prefix);
  try {
    switch (kind) {
      case 0: return sim::ParameterDistribution::uniform(number("min"), number("max"));
      case 1: return sim::ParameterDistribution::normal(number("mean"), number("sd"));
      case 2: return sim::ParameterDistribution::triangular(number("min"), number("mode"), number("max"));
      case 3: return sim::ParameterDistribution::lognormal(number("mu"), number("sigma"));
      default: {
        std::vector<double> weights;
        if (auto w = find_value(table, "weights", path, prefix)) weights = w->as_number_list(alternatives, 0.0, 1e300);
        return sim::ParameterDistribution::discrete(alternatives, weights);
      }
    }
  } catch (const std::invalid_argument& error) {
    throw InputError(text::both("errors.sweep.distribution", {{"where", kind_value.where()}, {"kind", kDistributions[kind]},
                                                               {"reason", error.what()}}));
  }
}

SweepParameter read_parameter(const toml::table& table, const std::string& path, const ScenarioDocument& scenario) {
  SweepParameter p;
  const ScenarioValue key = require_value(table, "key", path, "parameter.");
  p.key = key.as_string();
  const std::size_t dot = p.key.find('.');
  if (dot == std::string::npos)
    throw InputError(text::both("errors.sweep.key_form", {{"where", key.where()}, {"found", p.key}}));
  p.section = p.key.substr(0, dot);
  p.name = p.key.substr(dot + 1);
  const std::string prefix = "parameter " + p.key + ": ";
  bool known = false;
  for (const SectionSchema& s : scenario_schema()) {
    if (s.name != p.section) continue;
    known = s.common_keys.count(p.name) > 0;
    for (const auto& choice : s.choices)
      for (const auto& form : choice) known = known || form.count(p.name) > 0;
  }
  if (p.section == "projection" || p.section == "scenario")
    throw InputError(text::both("errors.sweep.key_in_projection", {{"where", key.where()}, {"found", p.key}}));
  if (!known)
    throw InputError(text::both("errors.sweep.key_unknown", {{"where", key.where()}, {"found", p.key}}));
  if (p.section == "capacity" && p.name == "last_year")
    throw InputError(text::both("errors.sweep.key_last_year", {{"where", key.where()}}));
  if (const text::Text reason = unchangeable_key_reason(p.section, p.name); !reason.en.empty())
    throw InputError(text::both("errors.sweep.key_unchangeable", {{"where", text::same(key.where())}, {"found", text::same(p.key)},
                                                                  {"reason", reason}}));
  const auto current = scenario.find(p.section, p.name);
  if (auto v = find_value(table, "scale", path, prefix)) p.scale = v->as_boolean();
  std::size_t alternatives = 0;
  if (const toml::node* values = table.get("values")) {
    const toml::array* items = values->as_array();
    if (!items || items->empty())
      throw InputError(text::both("errors.sweep.values_empty", {{"where", line_of(*values, path) + prefix}}));
    for (const toml::node& item : *items) {
      // Each alternative keeps the sweep file's node (and so its line) alive through the shared table.
      p.alternatives.emplace_back(std::shared_ptr<const toml::node>(), &item);
    }
    alternatives = items->size();
    if (auto labels = find_value(table, "labels", path, prefix)) {
      p.labels = labels->as_string_list({});
      if (p.labels.size() != alternatives)
        throw InputError(text::both("errors.sweep.labels_count", {{"where", labels->where()}, {"count", alternatives},
                                                                   {"found", p.labels.size()}}));
    } else {
      for (std::size_t k = 0; k < alternatives; ++k) p.labels.push_back("value_" + std::to_string(k));
    }
  }
  p.distribution = read_distribution(table, path, prefix, alternatives);
  const bool discrete = p.distribution.kind() == sim::ParameterDistribution::Kind::discrete;
  if (discrete && p.alternatives.empty())
    throw InputError(text::both("errors.sweep.values_missing", {{"where", line_of(table, path) + prefix}}));
  if (discrete && p.scale) throw InputError(text::both("errors.sweep.scale_discrete", {{"where", line_of(table, path) + prefix}}));
  if (p.scale) {
    if (!current || !scalable(*current->node()))
      throw InputError(text::both("errors.sweep.scale_not_number", {{"where", line_of(table, path) + prefix}, {"key", p.key}}));
    // A copy: the scenario document is gone once the sweep is loaded.
    p.scenario_value = current->node()->visit(
        [](auto&& v) -> std::shared_ptr<const toml::node> { return std::make_shared<std::decay_t<decltype(v)>>(v); });
  }
  p.integer = !p.scale && !discrete && current && current->node()->is_integer();
  p.units = discrete ? "index of the alternative (see labels)" : p.scale ? "factor on the scenario's value" : "units of " + p.key;
  return p;
}

}  // namespace

// The one list of the keys a study's variants and a sweep's parameters may not set (also used by
// StudyLoader.cpp). Keys that change the years (projection.base_date, end_year,
// capacity.last_year) are refused apart, by their own checks.
text::Text unchangeable_key_reason(const std::string& section, const std::string& key) {
  if (section == "scenario") return text::both("errors.unchangeable.scenario");
  if (section == "projection" && (key == "seed" || key == "replications" || key == "mode"))
    return text::both("errors.unchangeable.run_settings");
  if (section == "capacity" && key == "replications") return text::both("errors.unchangeable.replications");
  if (section == "calibration") return text::both("errors.unchangeable.calibration");
  if (section == "plan_facts" || section == "plan_forecast") return text::both("errors.unchangeable.plan", {{"section", section}});
  if (key == "source") return text::both("errors.unchangeable.source");
  // The care-worker supply of [workforce] is recorded (the workforce outcomes; with the staffing
  // cap, the waits); the ratios that only turn residents into need are not.
  if ((section == "workforce" && key == "residents_per_care_worker") ||
      (section == "childcare" && key == "children_per_carer") || (section == "capacity" && key == "wait_target_days"))
    return text::both("errors.unchangeable.not_recorded");
  return {};
}

Sweep load_sweep(const std::string& path, const std::string& scenario_path) {
  const TomlFile file = read_toml_file(path, text::both("errors.file.kind.sweep"));
  const toml::table& root = *file.table;
  check_keys(root, {"sweep", "parameter"}, path, "");
  const toml::table* head = root["sweep"].as_table();
  if (!head) throw InputError(text::both("errors.sweep.no_table", {{"path", path}}));
  check_keys(*head, {"name", "description", "scenario", "design", "samples", "grid_levels", "replications", "seed",
                     "sobol_outputs", "bootstrap", "source", "description_zh", "source_zh"},
             path, "sweep.");
  Sweep sweep;
  sweep.path = path;
  sweep.text = file.text;
  sweep.name = require_value(*head, "name", path, "sweep.").as_file_name();
  sweep.description = require_value(*head, "description", path, "sweep.").as_string();
  sweep.source = require_value(*head, "source", path, "sweep.").as_string();
  if (auto v = find_value(*head, "description_zh", path, "sweep.")) sweep.description_zh = v->as_string();
  if (auto v = find_value(*head, "source_zh", path, "sweep.")) sweep.source_zh = v->as_string();
  sweep.scenario_path = require_value(*head, "scenario", path, "sweep.").as_existing_path();
  if (!scenario_path.empty()) sweep.scenario_path = scenario_path;
  const ScenarioValue design = require_value(*head, "design", path, "sweep.");
  sweep.design = static_cast<sim::DesignKind>(design.as_choice({"random", "latin_hypercube", "sobol", "grid", "saltelli"}));
  const auto samples = find_value(*head, "samples", path, "sweep.");
  if (sweep.design == sim::DesignKind::grid) {
    if (samples) throw InputError(text::both("errors.sweep.grid_samples", {{"where", samples->where()}}));
    if (auto v = find_value(*head, "grid_levels", path, "sweep.")) sweep.grid_levels = static_cast<int>(v->as_integer(1, 1000));
  } else {
    if (!samples) throw InputError(text::both("errors.sweep.samples_missing", {{"path", path}}));
    sweep.samples = static_cast<std::size_t>(samples->as_integer(1, static_cast<std::int64_t>(kMaxRuns)));
  }
  if (auto v = find_value(*head, "replications", path, "sweep.")) sweep.replications = static_cast<int>(v->as_integer(1, 10000));
  if (auto v = find_value(*head, "seed", path, "sweep."))
    sweep.seed = static_cast<std::uint64_t>(v->as_integer(0, std::numeric_limits<std::int64_t>::max()));
  if (auto v = find_value(*head, "bootstrap", path, "sweep.")) sweep.bootstrap = static_cast<int>(v->as_integer(0, 100000));
  if (auto v = find_value(*head, "sobol_outputs", path, "sweep.")) {
    if (sweep.design != sim::DesignKind::saltelli)
      throw InputError(text::both("errors.sweep.sobol_not_saltelli", {{"where", v->where()}}));
    sweep.sobol_outputs = v->as_string_list({});
  }

  const ScenarioDocument scenario(sweep.scenario_path, scenario_schema());
  const toml::node* parameters = root.get("parameter");
  if (!parameters || !parameters->is_array_of_tables() || parameters->as_array()->empty())
    throw InputError(text::both("errors.sweep.no_parameters", {{"path", path}}));
  for (const toml::node& node : *parameters->as_array()) {
    sweep.parameters.push_back(read_parameter(*node.as_table(), path, scenario));
    for (std::size_t k = 0; k + 1 < sweep.parameters.size(); ++k)
      if (sweep.parameters[k].key == sweep.parameters.back().key)
        throw InputError(text::both("errors.sweep.key_twice", {{"where", line_of(node, path)}, {"key", sweep.parameters.back().key}}));
  }
  // The alternatives and scaled values point into tables that must outlive the sweep.
  for (auto& p : sweep.parameters) {
    for (auto& a : p.alternatives) a = std::shared_ptr<const toml::node>(file.table, a.get());
  }
  const std::size_t runs = sim::design_runs(sweep.design, sweep.samples, sweep.parameters.size(), grid_levels(sweep));
  if (runs == 0 || runs > kMaxRuns)
    throw InputError(text::both("errors.sweep.runs_range", {{"path", path}, {"most", kMaxRuns}, {"found", runs}}));

  std::string provenance = "sweep\n" + file.text + "\nscenario\n" + scenario.text();
  for (const auto& f : scenario.files()) provenance += "\n" + f + " " + sha256_of_file(f);
  sweep.fingerprint = sha256_of_text(provenance);
  return sweep;
}

std::vector<int> grid_levels(const Sweep& sweep) {
  std::vector<int> levels;
  for (const auto& p : sweep.parameters)
    levels.push_back(p.alternatives.empty() ? sweep.grid_levels : static_cast<int>(p.alternatives.size()));
  return levels;
}

std::vector<double> parameter_values(const Sweep& sweep, const std::vector<double>& point) {
  std::vector<double> values;
  for (std::size_t i = 0; i < sweep.parameters.size(); ++i) {
    const SweepParameter& p = sweep.parameters[i];
    double v = sweep.design == sim::DesignKind::grid
                   ? p.distribution.grid_points(sweep.grid_levels)[static_cast<std::size_t>(point[i])]
                   : p.distribution.at(point[i]);
    if (p.integer) v = std::round(v);
    values.push_back(v);
  }
  return values;
}

ScenarioOverlay sweep_overlay(const Sweep& sweep, const std::vector<double>& values, const std::string& label) {
  auto table = std::make_shared<toml::table>();
  for (std::size_t i = 0; i < sweep.parameters.size(); ++i) {
    const SweepParameter& p = sweep.parameters[i];
    if (!table->contains(p.section)) table->insert(p.section, toml::table{});
    toml::table& section = *(*table)[p.section].as_table();
    if (!p.alternatives.empty()) {
      section.insert(p.name, *p.alternatives[static_cast<std::size_t>(values[i])]);
    } else if (p.scale) {
      const auto node = scaled(*p.scenario_value, values[i]);
      node->visit([&](auto&& v) { section.insert(p.name, v); });
    } else if (p.integer) {
      section.insert(p.name, static_cast<std::int64_t>(values[i]));
    } else {
      section.insert(p.name, values[i]);
    }
  }
  return ScenarioOverlay{table, sweep.path + " (" + label + ")"};
}

}  // namespace carecap::scenarios
