// carecap. SPDX-License-Identifier: MIT
#include "scenarios/loader/ScenarioLoader.hpp"

#include <cmath>
#include <limits>
#include <sstream>

#include "models/demography/LifeTable.hpp"
#include "scenarios/loader/AgeTables.hpp"
#include "scenarios/loader/CalibrationLoader.hpp"
#include "scenarios/loader/MoneyLoader.hpp"
#include "scenarios/loader/OptimiseLoader.hpp"
#include "scenarios/loader/ServiceLevelLoader.hpp"
#include "scenarios/loader/DemandLoader.hpp"
#include "scenarios/loader/LabelLoader.hpp"
#include "scenarios/loader/PlanLoader.hpp"
#include "scenarios/loader/SupplyLoader.hpp"
#include "scenarios/loader/WorkforceLoader.hpp"
#include "scenarios/loader/Sha256.hpp"
#include "sim/Errors.hpp"
#include "text/TextArg.hpp"

namespace carecap::scenarios {
namespace {

using namespace demography;

/// Collects the files read, so their hashes can be recorded.
struct Reader {
  const ScenarioDocument& doc;
  TableCache* cache = nullptr;  // tables read by earlier loads, or none
  std::vector<std::string> tables;

  std::string path(const ScenarioValue& value) {
    std::string p = value.as_existing_path();
    tables.push_back(p);
    return p;
  }

  /// `read()`, or the table an earlier load read the same way (`how`) from `file`.
  template <class Table, class Read>
  Table table(const std::string& how, const std::string& file, Read&& read) {
    return cache ? cache->get<Table>(how + "\n" + file, std::forward<Read>(read)) : read();
  }
};

/// Exactly one of the forms must be present; returns its index.
std::size_t chosen_form(const ScenarioDocument& doc, const std::string& section,
                        const std::vector<std::vector<std::string>>& forms, bool required) {
  std::vector<std::size_t> present;
  std::vector<std::string> names;
  for (std::size_t f = 0; f < forms.size(); ++f) {
    for (const auto& key : forms[f])
      if (doc.find(section, key)) {
        present.push_back(f);
        names.push_back(doc.find(section, key)->where());
        break;
      }
  }
  std::string options;
  for (const auto& form : forms) options += (options.empty() ? "" : " | ") + form.front();
  if (present.size() > 1)
    throw InputError(text::both("errors.scenario.forms_conflict", {{"where", names[1]}, {"other", names[0]}, {"options", options}}));
  if (present.empty()) {
    if (!required) return forms.size();
    throw InputError(text::both("errors.scenario.form_missing", {{"path", doc.files().front()}, {"section", section},
                                                                  {"options", options}}));
  }
  return present.front();
}

template <class Map>
void require_years(const Map& by_year, const std::string& file, int first, int last, const std::string& what) {
  for (int year = first; year <= last; ++year)
    if (!by_year.count(year))
      throw InputError(text::both("errors.scenario.year_missing", {{"path", file}, {"column", what}, {"first", first},
                                                                   {"last", last}, {"year", year}}));
}

void require_path_covers(const YearPath& path, const std::string& where, int first, int last) {
  if (path.first_year() > first || path.last_year() < last)
    throw InputError(text::both("errors.scenario.years_not_covered", {{"where", where}, {"first", first}, {"last", last},
                                                                        {"from", path.first_year()}, {"to", path.last_year()}}));
}

void require_sums_to_one(double sum, const std::string& file, const text::Text& what) {
  if (std::abs(sum - 1.0) > 1e-6)
    throw InputError(text::both("errors.scenario.shares_not_one", {{"path", text::same(file)}, {"what", what},
                                                                   {"sum", text::same(std::to_string(sum))}}));
}

/// Largest central death rate accepted, deaths per person-year.
constexpr double kMaxDeathRate = 10.0;
/// Range of life expectancy targets, years.
constexpr double kMinLifeExpectancy = 15.0;
constexpr double kMaxLifeExpectancy = 110.0;

void require_anchors_at_least(const YearPath& path, double lowest, const std::string& file, const std::string& column) {
  for (const auto& [year, value] : path.anchors())
    if (value < lowest)
      throw InputError(text::both("errors.scenario.value_below", {{"path", file}, {"column", column}, {"lowest", std::to_string(lowest)},
                                                                  {"value", std::to_string(value)}, {"year", year}}));
}

/// Every e0 target must be reachable by scaling the base schedule by a factor in the solver's
/// bracket (1e-4..1e3, see MortalityParameters.cpp); checked here so that bad targets are input
/// errors naming the key, not faults during the run.
void require_e0_reachable(const AgeVector& base_mx, Sex sex, const YearPath& path, const std::string& where, int first,
                          int last) {
  AgeVector low = base_mx, high = base_mx;
  for (int a = 0; a < kAgeCount; ++a) {
    low[a] *= 1e3;
    high[a] *= 1e-4;
  }
  const double e0_min = build_life_table(low, sex).life_expectancy();
  const double e0_max = build_life_table(high, sex).life_expectancy();
  for (int year = first; year <= last; ++year) {
    const double target = path.at(year);
    if (target < e0_min || target > e0_max)
      throw InputError(text::both("errors.scenario.e0_unreachable", {{"where", where}, {"low", std::to_string(e0_min)},
                                                                     {"high", std::to_string(e0_max)},
                                                                     {"target", std::to_string(target)}, {"year", year}}));
  }
}

FertilityParameters read_fertility(Reader& r, int first, int last) {
  const ScenarioDocument& doc = r.doc;
  FertilityParameters fertility;
  const std::size_t form = chosen_form(doc, "fertility", {{"asfr_file"}, {"age_profile_file", "tfr_file", "tfr_path"}}, true);
  if (form == 0) {
    const std::string file = r.path(doc.require("fertility", "asfr_file"));
    AsfrByYear by_year{r.table<std::map<int, AgeVector>>("asfr", file, [&] { return read_asfr_by_year(file); })};
    require_years(by_year.asfr, file, first, last, "asfr");
    fertility.schedule = by_year;
  } else {
    AsfrProfileWithTfr scaled;
    const std::string profile_file = r.path(doc.require("fertility", "age_profile_file"));
    scaled.age_profile = read_mother_age_profile(profile_file, "share");
    double sum = 0;
    for (double s : scaled.age_profile) sum += s;
    require_sums_to_one(sum, profile_file, text::both("errors.scenario.what.fertility_profile"));
    const std::size_t tfr_form = chosen_form(doc, "fertility", {{"tfr_file"}, {"tfr_path"}}, true);
    if (tfr_form == 0) {
      const ScenarioValue key = doc.require("fertility", "tfr_file");
      scaled.tfr = read_year_series(r.path(key), "tfr", NumberRule::non_negative, 15.0);
      require_path_covers(scaled.tfr, key.where(), first, last);
    } else {
      const ScenarioValue key = doc.require("fertility", "tfr_path");
      scaled.tfr = key.as_year_path(0.0, 15.0);
      require_path_covers(scaled.tfr, key.where(), first, last);
    }
    fertility.schedule = scaled;
  }
  const std::size_t srb_form = chosen_form(doc, "fertility", {{"sex_ratio_at_birth"}, {"sex_ratio_at_birth_file"}}, true);
  if (srb_form == 0) {
    const double srb = doc.require("fertility", "sex_ratio_at_birth").as_number(0.5, 2.0);
    fertility.sex_ratio_at_birth = YearPath({{first, srb}, {last + 1, srb}});
  } else {
    const ScenarioValue key = doc.require("fertility", "sex_ratio_at_birth_file");
    const std::string file = r.path(key);
    fertility.sex_ratio_at_birth = read_year_series(file, "srb_male_per_female", NumberRule::positive, 2.0);
    require_anchors_at_least(fertility.sex_ratio_at_birth, 0.5, file, "srb_male_per_female");
    require_path_covers(fertility.sex_ratio_at_birth, key.where(), first, last);
  }
  return fertility;
}

MortalityParameters read_mortality(Reader& r, int first, int last) {
  const ScenarioDocument& doc = r.doc;
  MortalityParameters mortality;
  const std::size_t form = chosen_form(
      doc, "mortality", {{"mx_file"}, {"base_mx_file", "e0_file", "e0_path_male", "e0_path_female", "improvement_rate_per_year"}}, true);
  if (form == 0) {
    const std::string file = r.path(doc.require("mortality", "mx_file"));
    MxByYear by_year{r.table<std::map<int, AgeSexTable>>(
        "mx", file, [&] { return read_year_age_sex_long(file, "mx", NumberRule::positive, kMaxDeathRate); })};
    require_years(by_year.mx, file, first, last, "mx");
    mortality.schedule = by_year;
    return mortality;
  }
  const AgeSexTable base_mx =
      read_age_sex_long(r.path(doc.require("mortality", "base_mx_file")), "mx", NumberRule::positive, kMaxDeathRate);
  const std::size_t path_form =
      chosen_form(doc, "mortality", {{"e0_file"}, {"e0_path_male", "e0_path_female"}, {"improvement_rate_per_year"}}, true);
  if (path_form == 2) {
    const double rate = doc.require("mortality", "improvement_rate_per_year").as_number(-0.05, 0.05);
    mortality.schedule = MxImprovement{base_mx, first, rate};
    return mortality;
  }
  MxLevelForE0 level{base_mx, {}};
  const std::string e0_file = path_form == 0 ? r.path(doc.require("mortality", "e0_file")) : "";
  for (Sex s : kSexes) {
    const std::string sex = kSexNames[static_cast<int>(s)];
    const ScenarioValue key = doc.require("mortality", path_form == 0 ? "e0_file" : "e0_path_" + sex);
    auto& path = level.e0_path[static_cast<int>(s)];
    if (path_form == 0) {
      path = read_year_series(e0_file, "e0_" + sex, NumberRule::positive, kMaxLifeExpectancy);
      require_anchors_at_least(path, kMinLifeExpectancy, e0_file, "e0_" + sex);
    } else {
      path = key.as_year_path(kMinLifeExpectancy, kMaxLifeExpectancy);
    }
    require_path_covers(path, key.where(), first, last);
    require_e0_reachable(base_mx[s], s, path, key.where(), first, last);
  }
  mortality.schedule = level;
  return mortality;
}

MigrationParameters read_migration(Reader& r, int first, int last) {
  const ScenarioDocument& doc = r.doc;
  MigrationParameters migration;
  const std::size_t form = chosen_form(
      doc, "migration", {{"net_migrants_file"}, {"age_sex_profile_file", "total_file", "total_path"}, {"closed"}}, false);
  if (form == 0) {
    const std::string file = r.path(doc.require("migration", "net_migrants_file"));
    MigrantsByYear by_year{r.table<std::map<int, AgeSexTable>>("net_migrants", file, [&] {
      return read_year_age_sex_long(file, "net_migrants", NumberRule::any_finite, kMaxPersonsPerCell);
    })};
    require_years(by_year.net_migrants, file, first, last, "net_migrants");
    migration.schedule = by_year;
  } else if (form == 1) {
    MigrantTotalWithProfile spread;
    const std::string profile_file = r.path(doc.require("migration", "age_sex_profile_file"));
    spread.profile = read_age_sex_long(profile_file, "share", NumberRule::any_finite, 100.0);
    require_sums_to_one(spread.profile.sum_both(), profile_file, text::both("errors.scenario.what.migrant_profile"));
    const std::size_t total_form = chosen_form(doc, "migration", {{"total_file"}, {"total_path"}}, true);
    const ScenarioValue key = doc.require("migration", total_form == 0 ? "total_file" : "total_path");
    spread.total = total_form == 0 ? read_year_series(r.path(key), "net_migrants", NumberRule::any_finite, kMaxPersonsPerCell)
                                   : key.as_year_path(-1e9, 1e9);
    require_path_covers(spread.total, key.where(), first, last);
    migration.schedule = spread;
  } else if (form == 2) {
    const ScenarioValue key = doc.require("migration", "closed");
    if (!key.as_boolean())
      throw InputError(text::both("errors.scenario.closed_false", {{"where", key.where()}}));
    migration.schedule = NoMigration{};
  } else {
    migration.schedule = NoMigration{};
  }
  return migration;
}

}  // namespace

const std::vector<SectionSchema>& scenario_schema() {
  static const std::vector<SectionSchema> schema = [] {
    std::vector<SectionSchema> sections{
      {"scenario", {"name", "description", "label_zh", "label_en"}, {}},
      {"projection", {"base_date", "end_year", "mode", "replications", "seed"}, {}},
      {"population", {"base_file"}, {}},
      {"fertility", {},
       {{{"asfr_file"}, {"age_profile_file", "tfr_file", "tfr_path"}},
        {{"tfr_file"}, {"tfr_path"}},
        {{"sex_ratio_at_birth"}, {"sex_ratio_at_birth_file"}}}},
      {"mortality", {},
       {{{"mx_file"}, {"base_mx_file", "e0_file", "e0_path_male", "e0_path_female", "improvement_rate_per_year"}},
        {{"e0_file"}, {"e0_path_male", "e0_path_female"}, {"improvement_rate_per_year"}}}},
      {"migration", {},
       {{{"net_migrants_file"}, {"age_sex_profile_file", "total_file", "total_path"}, {"closed"}},
        {{"total_file"}, {"total_path"}}}},
    };
    for (auto& section : demand_schema()) sections.push_back(std::move(section));
    for (auto& section : supply_schema()) sections.push_back(std::move(section));
    for (auto& section : plan_schema()) sections.push_back(std::move(section));
    sections.push_back(calibration_schema());
    sections.push_back(service_level_schema());
    sections.push_back(optimise_schema());
    sections.push_back(money_schema());
    return sections;
  }();
  return schema;
}

Scenario load_scenario(const std::string& path, const std::vector<ScenarioOverlay>& overlays, TableCache* cache) {
  const ScenarioDocument doc(path, scenario_schema(), overlays);
  Scenario scenario;
  scenario.path = path;
  scenario.text = doc.text();
  scenario.name = doc.require("scenario", "name").as_file_name();
  if (auto d = doc.find("scenario", "description")) scenario.description = d->as_string();

  const ScenarioValue base_date = doc.require("projection", "base_date");
  const toml::date date = base_date.as_date();
  if (date.month != 1 || date.day != 1) {
    std::ostringstream found;
    found << date;
    throw InputError(text::both("errors.scenario.base_date_not_jan1", {{"where", base_date.where()}, {"found", found.str()}}));
  }
  auto& p = scenario.projection;
  p.base_year = date.year;
  if (p.base_year < 1950 || p.base_year > kLatestYear)
    throw InputError(text::both("errors.scenario.base_year_range", {{"where", base_date.where()}, {"last", kLatestYear},
                                                                     {"found", p.base_year}}));
  const ScenarioValue end_year = doc.require("projection", "end_year");
  p.end_year = static_cast<int>(end_year.as_integer(1950, kLatestYear));
  if (p.end_year < p.base_year)
    throw InputError(text::both("errors.scenario.end_before_base", {{"where", end_year.where()}, {"base", p.base_year},
                                                                     {"found", p.end_year}}));

  auto& run = scenario.run;
  if (auto mode = doc.find("projection", "mode")) {
    run.mode = mode->as_choice({"deterministic", "stochastic"}) == 0 ? ProjectionMode::deterministic
                                                                     : ProjectionMode::stochastic;
  }
  if (auto reps = doc.find("projection", "replications")) run.replications = static_cast<int>(reps->as_integer(1, 100000));
  if (auto seed = doc.find("projection", "seed"))
    run.seed = static_cast<std::uint64_t>(seed->as_integer(0, std::numeric_limits<std::int64_t>::max()));
  if (run.mode == ProjectionMode::deterministic && run.replications != 1)
    throw InputError(text::both("errors.scenario.deterministic_replications",
                                {{"where", doc.require("projection", "replications").where()}, {"found", run.replications}}));

  Reader reader{doc, cache, {}};
  const std::string base_file = reader.path(doc.require("population", "base_file"));
  p.base_population = reader.table<AgeSexTable>(
      "base_population", base_file, [&] { return read_age_by_sex_wide(base_file, NumberRule::non_negative, kMaxPersonsPerCell); });
  p.fertility = read_fertility(reader, p.base_year, p.end_year);
  p.mortality = read_mortality(reader, p.base_year, p.end_year);
  p.migration = read_migration(reader, p.base_year, p.end_year);
  scenario.demand = read_demand(doc, reader.tables);
  scenario.supply = read_supply(doc, p.base_year, p.end_year, reader.tables);
  scenario.workforce = read_workforce_supply(doc, scenario.supply, p.base_year);
  scenario.money = read_money(doc, scenario.supply ? &*scenario.supply : nullptr);
  scenario.labels = read_labels(doc, scenario.supply);
  scenario.labels.sources = read_source_texts(doc);
  scenario.plan = read_plan(doc, reader.tables);
  scenario.calibration = read_calibration(doc, p.base_year, p.end_year);
  scenario.service_level = read_service_level(doc);
  if (scenario.service_level && !scenario.supply)
    throw InputError(text::both("errors.service_level.without_supply", {{"where", doc.require("service_level", "source").where()}}));
  if (doc.has_section("optimise")) {
    if (!scenario.service_level)
      throw InputError(text::both("errors.optimise.without_service_level", {{"where", doc.require("optimise", "source").where()}}));
    scenario.optimise = read_optimise(doc, scenario.supply->supply.regions, scenario.run.seed);
  }
  if (scenario.supply && !scenario.demand)
    throw InputError(text::both("errors.scenario.supply_without_demand", {{"where", doc.require("supply", "source").where()}}));

  const auto digest = [&](const std::string& file) { return cache ? cache->sha256(file) : sha256_of_file(file); };
  for (const std::string& file : doc.files()) scenario.inputs.push_back({file, digest(file)});
  for (const std::string& file : reader.tables) scenario.inputs.push_back({file, digest(file)});
  return scenario;
}

void set_replications(Scenario& scenario, int replications) {
  if (scenario.run.mode == demography::ProjectionMode::stochastic) scenario.run.replications = replications;
  else if (scenario.supply) scenario.supply->capacity.replications = replications;
}

}  // namespace carecap::scenarios
