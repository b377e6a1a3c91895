// carecap. SPDX-License-Identifier: MIT
#include "tools/serve/PlanVariants.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <limits>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>
#include <toml++/toml.h>

#include "output/ReplaceFile.hpp"
#include "scenarios/loader/ScenarioDocument.hpp"
#include "scenarios/loader/ScenarioLoader.hpp"
#include "sim/Errors.hpp"
#include "text/Catalogue.hpp"

namespace carecap::serve {
namespace fs = std::filesystem;
using nlohmann::json;
namespace {

constexpr int kMaxBuildLag = 10;            // supply.build_lag_years, as the loader checks it
constexpr double kMaxCostPerBed = 1000;     // 10,000 yuan per bed
constexpr double kMaxTargetFigure = 1e7;    // beds or places
constexpr std::size_t kMaxLabelBytes = 200; // the request's label_zh

/// The shortest text that reads back as `value` ("0.3", "12.1", "2"), the same in both languages.
std::string plain_number(double value) {
  char buffer[32];
  const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
  return {buffer, end};
}

/// `value` as a TOML float ("0.3", "12.0"): a whole number keeps a decimal point.
std::string toml_float(double value) {
  std::string text = plain_number(value);
  if (text.find_first_of(".eEn") == std::string::npos) text += ".0";
  return text;
}

/// `text` as a TOML basic string, quoted and escaped.
std::string toml_string(const std::string& text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') out += {'\\', c};
    else if (c == '\n') out += "\\n";
    else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\u%04X", static_cast<unsigned>(static_cast<unsigned char>(c)));
      out += escaped;
    } else out += c;
  }
  return out + "\"";
}

/// A value of a scenario file written back as TOML: numbers in their shortest form (73.6, not
/// 73.599999999999994), strings quoted as toml_string does.
std::string toml_value(const toml::node& value) {
  if (const auto integer = value.value_exact<std::int64_t>()) return std::to_string(*integer);
  if (const auto real = value.value_exact<double>()) return toml_float(*real);
  if (const auto words = value.value_exact<std::string>()) return toml_string(*words);
  std::ostringstream out;  // booleans, dates, arrays: as toml++ writes them
  value.visit([&](auto&& node) { out << node; });
  return out.str();
}

// ---- the scenario's own files: the values a variant replaces ----------------------------------

/// A scenario file and its bases, the scenario first, each parsed (the loader has checked them).
struct ChainFile {
  fs::path path;
  toml::table table;
};

std::vector<ChainFile> scenario_chain(const fs::path& file) {
  std::vector<ChainFile> chain;
  fs::path at = file;
  for (int depth = 0; depth <= scenarios::kMaxBaseDepth; ++depth) {
    toml::table table = toml::parse_file(at.string());
    const std::optional<std::string> base = table["base"].value<std::string>();
    chain.push_back({at, std::move(table)});
    if (!base) break;
    at = (at.parent_path() / *base).lexically_normal();
  }
  return chain;
}

/// The file of the chain, nearest the scenario, that sets section.key: its path resolved as the
/// loader resolves a path key (relative to that file).
std::optional<fs::path> chain_path(const std::vector<ChainFile>& chain, const std::string& section, const std::string& key) {
  for (const ChainFile& file : chain)
    if (const auto value = file.table[section][key].value<std::string>())
      return (file.path.parent_path() / *value).lexically_normal();
  return std::nullopt;
}

/// The plan's targets as the loader merges them: the [[plan_targets]] tables of the file nearest
/// the scenario that gives them, or one [plan_targets] table merged key by key over the bases'.
std::vector<toml::table> chain_targets(const std::vector<ChainFile>& chain) {
  toml::table merged;
  bool found = false;
  for (auto file = chain.rbegin(); file != chain.rend(); ++file) {  // bases first
    const toml::node* node = file->table.get("plan_targets");
    if (!node) continue;
    if (node->is_array_of_tables()) {
      std::vector<toml::table> tables;
      for (const toml::node& item : *node->as_array()) tables.push_back(*item.as_table());
      // A later (nearer) file replaces them; look on towards the scenario.
      bool replaced = false;
      for (auto nearer = file + 1; nearer != chain.rend(); ++nearer) replaced = replaced || nearer->table.contains("plan_targets");
      if (!replaced) return tables;
      continue;
    }
    if (const toml::table* table = node->as_table()) {
      for (auto&& [key, value] : *table) merged.insert_or_assign(key, value);
      found = true;
    }
  }
  if (!found) return {};
  return {merged};
}

// ---- the project list ---------------------------------------------------------------------------

/// The records of a CSV text, each with its line ending; a quoted field may hold line breaks.
std::vector<std::string> csv_records(const std::string& text) {
  std::vector<std::string> records;
  std::string current;
  bool quoted = false;
  for (const char c : text) {
    current += c;
    if (c == '"') quoted = !quoted;
    else if (c == '\n' && !quoted) records.push_back(std::move(current)), current.clear();
  }
  if (!current.empty()) records.push_back(current + "\n");
  return records;
}

/// The fields of one CSV record, unquoted.
std::vector<std::string> csv_fields(const std::string& record) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (std::size_t i = 0; i < record.size(); ++i) {
    const char c = record[i];
    if (c == '"') {
      if (quoted && i + 1 < record.size() && record[i + 1] == '"') fields.back() += '"', ++i;
      else quoted = !quoted;
    } else if (c == ',' && !quoted) fields.emplace_back();
    else if ((c == '\n' || c == '\r') && !quoted) continue;
    else fields.back() += c;
  }
  return fields;
}

bool is_blank(const std::string& record) { return record.find_first_not_of(" \t\r\n") == std::string::npos; }

/// The project list as read: its header, then one record per project (blank lines kept out).
struct ProjectList {
  std::string header;
  std::vector<std::string> rows;
  std::size_t name_column = 1;  // name_zh or name, else the second column

  explicit ProjectList(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    std::vector<std::string> records = csv_records(text);
    if (records.empty()) return;
    header = records.front();
    const std::vector<std::string> columns = csv_fields(header);
    for (std::size_t c = 0; c < columns.size(); ++c)
      if (columns[c] == "name_zh" || columns[c] == "name") {
        name_column = c;
        break;
      }
    for (std::size_t r = 1; r < records.size(); ++r)
      if (!is_blank(records[r])) rows.push_back(records[r]);
  }
  [[nodiscard]] std::string name(std::size_t row) const {
    const std::vector<std::string> fields = csv_fields(rows.at(row - 1));
    return name_column < fields.size() ? fields[name_column] : "";
  }
  [[nodiscard]] std::string without(std::size_t row) const {
    std::string text = header;
    for (std::size_t r = 1; r <= rows.size(); ++r)
      if (r != row) text += rows[r - 1];
    return text;
  }
};

// ---- the request body ---------------------------------------------------------------------------

[[noreturn]] void bad_body() { throw InputError(text::both("serve.study.error.body", {{"max", kMaxVariants}})); }

/// variants[index - 1][key]: a number (or a string of one, as typed) in low..high, whole if asked.
double number_in(const json& variant, const char* key, int index, double low, double high, bool whole) {
  if (!variant.contains(key)) throw InputError(text::both("serve.study.error.missing", {{"index", index}, {"key", key}}));
  const json& value = variant[key];
  double x = std::nan("");
  if (value.is_number()) x = value.get<double>();
  else if (value.is_string()) {
    const std::string& typed = value.get_ref<const std::string&>();
    const auto [end, error] = std::from_chars(typed.data(), typed.data() + typed.size(), x);
    if (error != std::errc() || end != typed.data() + typed.size()) x = std::nan("");
  }
  if (!(x >= low && x <= high) || (whole && x != std::floor(x)))
    throw InputError(text::both("serve.study.error.number", {{"index", index}, {"key", key}, {"min", plain_number(low)},
                                                             {"max", plain_number(high)}, {"found", value.dump()}}));
  return x;
}

std::optional<double> optional_number_in(const json& variant, const char* key, int index, double low, double high) {
  if (!variant.contains(key) || variant[key].is_null() || (variant[key].is_string() && variant[key].get<std::string>().empty()))
    return std::nullopt;
  return number_in(variant, key, index, low, high, true);
}

std::string year_list(const std::vector<int>& years) {
  std::string out;
  for (const int year : years) out += (out.empty() ? "" : ", ") + std::to_string(year);
  return out;
}

/// What a study file needs of a variant: its name, words and overrides.
struct VariantText {
  std::string name;
  text::Text label;
  text::Text description;
  std::string overrides;  // TOML tables under [variant.overrides...]
};

}  // namespace

PlanVariants::PlanVariants(const std::string& name, const fs::path& scenario_file, const std::string& body)
    : name_(name), scenario_file_(scenario_file), scenario_(scenarios::load_scenario(scenario_file.string())) {
  const json request = json::parse(body, nullptr, false);
  if (request.is_discarded() || !request.is_object() || !request.contains("variants") || !request["variants"].is_array() ||
      request["variants"].empty() || request["variants"].size() > kMaxVariants)
    bad_body();
  // The place's own name (scenario.label_zh) where the scenario gives one, else the folder's.
  place_ = scenario_.labels.scenario.zh.empty() ? name : scenario_.labels.scenario.zh;
  label_zh_ = text::both("serve.study.title", {{"name", place_}}).zh;
  if (request.contains("label_zh")) {
    if (!request["label_zh"].is_string() || request["label_zh"].get<std::string>().size() > kMaxLabelBytes) bad_body();
    if (!request["label_zh"].get<std::string>().empty()) label_zh_ = request["label_zh"].get<std::string>();
  }
  const std::vector<ChainFile> chain = scenario_chain(scenario_file);
  std::optional<ProjectList> projects;
  const std::vector<toml::table> targets = chain_targets(chain);
  std::vector<int> target_years;
  for (const toml::table& t : targets)
    if (const auto year = t["year"].value<int>()) target_years.push_back(*year);

  std::map<std::string, int> names_used;
  int index = 0;
  for (const json& variant : request["variants"]) {
    ++index;
    if (!variant.is_object()) bad_body();
    const std::string kind = variant.contains("kind") && variant["kind"].is_string() ? variant["kind"].get<std::string>() : "";
    VariantChoice choice;
    VariantText out;
    const bool needs_supply = kind == "delay" || kind == "convert" || kind == "drop_project";
    if (needs_supply && !scenario_.supply) throw InputError(text::both("serve.study.error.no_supply", {{"name", name}}));
    if (kind == "delay") {
      choice.kind = VariantKind::delay;
      const int lag = scenario_.supply->supply.build_lag_years;
      choice.years = static_cast<int>(number_in(variant, "years", index, 1, std::max(1, kMaxBuildLag - lag), true));
      out.name = "delay_" + std::to_string(choice.years) + (choice.years == 1 ? "_year" : "_years");
      const text::Args args{{"years", choice.years}, {"lag", lag + choice.years}};
      out.label = text::both("serve.study.variant.delay.label", args);
      out.description = text::both("serve.study.variant.delay.description", args);
      out.overrides = "[variant.overrides.supply]\nbuild_lag_years = " + std::to_string(lag + choice.years) + "\n";
    } else if (kind == "convert") {
      choice.kind = VariantKind::convert;
      choice.share = number_in(variant, "share", index, 0, 1, false);
      if (choice.share == 0) number_in(variant, "share", index, 1e-6, 1, false);  // refuses 0, naming the range
      choice.year = static_cast<int>(number_in(variant, "year", index, scenario_.projection.base_year,
                                               scenario_.projection.end_year, true));
      choice.cost_wan_yuan_per_bed = number_in(variant, "cost_wan_yuan_per_bed", index, 0, kMaxCostPerBed, false);
      const std::string percent = plain_number(std::round(choice.share * 1e6) / 1e4);
      out.name = "convert_" + std::to_string(static_cast<int>(std::lround(choice.share * 100))) + "pct_" + std::to_string(choice.year);
      const text::Args args{{"percent", percent}, {"year", choice.year}, {"cost", plain_number(choice.cost_wan_yuan_per_bed)}};
      out.label = text::both("serve.study.variant.convert.label", args);
      out.description = text::both("serve.study.variant.convert.description", args);
      out.overrides = "[variant.overrides.supply]\ngeneral_to_nursing = { share = " + toml_float(choice.share) +
                      ", year = " + std::to_string(choice.year) + ", cost_wan_yuan_per_bed = " +
                      toml_float(choice.cost_wan_yuan_per_bed) + " }\n";
    } else if (kind == "drop_project") {
      choice.kind = VariantKind::drop_project;
      const std::optional<fs::path> plan_file = chain_path(chain, "supply", "plan_file");
      if (!plan_file) throw InputError(text::both("serve.study.error.no_plan_file", {{"index", index}, {"name", name}}));
      if (!projects) projects.emplace(*plan_file);
      choice.row = static_cast<int>(number_in(variant, "row", index, 1, static_cast<double>(projects->rows.size()), true));
      out.name = "without_project_" + std::to_string(choice.row);
      const text::Args args{{"row", choice.row}, {"project", projects->name(static_cast<std::size_t>(choice.row))}};
      out.label = text::both("serve.study.variant.drop_project.label", args);
      out.description = text::both("serve.study.variant.drop_project.description", args);
      const std::string table = "variants/" + out.name + ".csv";
      tables_.push_back({table, projects->without(static_cast<std::size_t>(choice.row))});
      out.overrides = "[variant.overrides.supply]\nplan_file = " + toml_string(table) + "\n";
    } else if (kind == "target") {
      choice.kind = VariantKind::target;
      if (targets.empty()) throw InputError(text::both("serve.study.error.no_targets", {{"index", index}, {"name", name}}));
      choice.year = static_cast<int>(number_in(variant, "year", index, 0, 9999, true));
      if (std::find(target_years.begin(), target_years.end(), choice.year) == target_years.end())
        throw InputError(text::both("serve.study.error.target_year", {{"index", index}, {"found", choice.year},
                                                                      {"years", year_list(target_years)}}));
      choice.elderly_care_beds = optional_number_in(variant, "elderly_care_beds", index, 0, kMaxTargetFigure);
      choice.childcare_places = optional_number_in(variant, "childcare_places", index, 0, kMaxTargetFigure);
      if (!choice.elderly_care_beds && !choice.childcare_places)
        throw InputError(text::both("serve.study.error.target_empty", {{"index", index}}));
      out.name = "target_" + std::to_string(choice.year);
      const std::string beds = choice.elderly_care_beds ? plain_number(*choice.elderly_care_beds) : "";
      const std::string places = choice.childcare_places ? plain_number(*choice.childcare_places) : "";
      const text::Args args{{"year", choice.year}, {"beds", beds}, {"places", places}};
      out.label = text::both("serve.study.variant.target.label", {{"year", choice.year}});
      out.description = text::both(beds.empty() ? "serve.study.variant.target.places"
                                   : places.empty() ? "serve.study.variant.target.beds" : "serve.study.variant.target.beds_places", args);
      // [[plan_targets]] replaces every target table of the scenario: each copied, the year's changed.
      std::ostringstream tables;
      for (toml::table t : targets) {
        if (t["year"].value<int>() == choice.year) {
          if (choice.elderly_care_beds) t.insert_or_assign("elderly_care_beds", static_cast<std::int64_t>(*choice.elderly_care_beds));
          if (choice.childcare_places) t.insert_or_assign("childcare_places", static_cast<std::int64_t>(*choice.childcare_places));
        }
        tables << "[[variant.overrides.plan_targets]]\n";
        for (auto&& [key, value] : t) tables << key.str() << " = " << toml_value(value) << "\n";
      }
      out.overrides = tables.str();
    } else {
      throw InputError(text::both("serve.study.error.kind", {{"index", index}, {"found", kind}}));
    }
    // Names are unique in a study: a second variant of the same name is numbered.
    if (const int seen = names_used[out.name]++; seen > 0) out.name += "_" + std::to_string(seen + 1);
    choices_.push_back(choice);
    variant_texts_.push_back("[[variant]]\nname = " + toml_string(out.name) + "\nlabel_zh = " + toml_string(out.label.zh) +
                             "\ndescription = " + toml_string(out.description.en) + "\ndescription_zh = " +
                             toml_string(out.description.zh) + "\n" + out.overrides);
  }
}

std::string PlanVariants::study_text() const {
  const demography::RunSettings& run = scenario_.run;
  // The capacity simulation's replications for a deterministic projection with supply, else the
  // projection's (as the study's `replications` key reads them).
  const int replications = run.mode == demography::ProjectionMode::deterministic && scenario_.supply
                               ? scenario_.supply->capacity.replications : run.replications;
  const text::Text title = text::both("serve.study.title", {{"name", name_}});  // the comment's: English
  const text::Text description = text::both("serve.study.description", {{"name", name_}, {"count", choices_.size()}});
  const text::Text source = text::both("serve.study.source");
  std::string out = "# " + title.en + ", written by carecap serve (POST /api/scenarios/NAME/variants, docs/serve.md).\n"
                    "# `carecap study variants.toml -o study.h5` in this folder runs it again.\n\n[study]\n";
  out += "name = \"plan_variants\"\n";
  out += "label_zh = " + toml_string(label_zh_) + "\n";
  out += "description = " + toml_string(description.en) + "\n";
  out += "scenario = " + toml_string(scenario_file_.filename().string()) + "\n";
  out += "baseline_name = \"as_planned\"\n";
  out += "baseline_label_zh = " + toml_string(text::both("serve.study.baseline.label").zh) + "\n";
  out += "baseline_description_zh = " + toml_string(text::both("serve.study.baseline.description", {{"name", name_}}).zh) + "\n";
  out += "replications = " + std::to_string(replications) + "\n";
  if (run.seed <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
    out += "seed = " + std::to_string(run.seed) + "\n";
  out += "source = " + toml_string(source.en) + "\n";
  out += "source_zh = " + toml_string(source.zh) + "\n";
  for (const std::string& variant : variant_texts_) out += "\n" + variant;
  return out;
}

void PlanVariants::write(const fs::path& variants_file) const {
  const fs::path folder = variants_file.parent_path();
  const auto write_text = [](const fs::path& path, const std::string& text) {
    output::replace_file(path.string(), [&](const std::string& temporary) {
      output::write_bytes(temporary, text.data(), text.size(), path.string());
    }, true);
  };
  if (!tables_.empty()) fs::create_directories(folder / "variants");
  for (const Table& table : tables_) write_text(folder / table.file, table.text);
  write_text(variants_file, study_text());
}

}  // namespace carecap::serve
