// carecap. SPDX-License-Identifier: MIT
#include "tools/cli/CalibrateCommand.hpp"

#include <iomanip>
#include <optional>
#include <iostream>
#include <sstream>

#include "models/demand/CareState.hpp"
#include "models/demand/DemandModel.hpp"
#include "models/demography/AgeSex.hpp"
#include "models/demography/Calibration.hpp"
#include "models/demography/ProjectionRun.hpp"
#include "models/supply/CapacityStart.hpp"
#include "scenarios/loader/ScenarioLoader.hpp"
#include "sim/Errors.hpp"
#include "text/TextArg.hpp"
#include "tools/report/ReportText.hpp"

namespace carecap::tools {
namespace {

std::string fixed(double x, int decimals) {
  std::ostringstream out;
  out << std::fixed << std::setprecision(decimals) << x;
  return out.str();
}

std::string year_path(const demography::YearPath& path, int decimals) {
  std::string out = "[";
  for (const auto& [year, value] : path.anchors())
    out += (out.size() > 1 ? ", [" : "[") + std::to_string(year) + ", " + fixed(value, decimals) + "]";
  return out + "]";
}

/// The use of the base-year beds the scenario states (observed residents or capacity.initial_occupancy);
/// none when it states neither (the run then starts in the demand steady state, uncalibrated).
std::optional<supply::BaseYearUse> stated_use(const scenarios::Scenario& scenario) {
  if (!scenario.demand || !scenario.supply) return std::nullopt;
  supply::BaseYearUse use =
      supply::base_year_use(scenario.supply->supply, scenario.supply->capacity, scenario.projection.base_year);
  if (use.kind == supply::StartKind::demand_steady_state) return std::nullopt;
  return use;
}

/// The care-use factors the run calibrates to the stated use, found as the run finds them
/// (tools/run/ScenarioRun: deterministic projection of the scenario as written, demand at the
/// national default, factors), and what they mean against the national default.
void print_care_use(const scenarios::Scenario& scenario, const supply::BaseYearUse& use, text::Lang lang) {
  demography::RunSettings settings = scenario.run;
  settings.mode = demography::ProjectionMode::deterministic;
  settings.replications = 1;
  const demography::ProjectionResult projection = demography::run_projection(scenario.projection, settings, 1).front();
  const auto& supply = *scenario.supply;
  const demand::DemandResult national = demand::compute_demand(projection, *scenario.demand);
  const auto factors = supply::institution_use_factors(use, national.elder.front(), supply.supply, supply.capacity,
                                                       projection.base_year);
  // The national default as the run states it: the base-year demand before calibration.
  double residents = 0, national_stock = 0;
  for (std::size_t b = 0; b < demand::kBedTypeCount; ++b) {
    residents += static_cast<double>(use.total[b]);
    national_stock += national.elder.front().beds[b];
  }
  const double elders = projection.population_jul1.front().sum_both(60, demography::kOpenAge);
  const std::string bed_type[] = {text::say(lang, "cli.calibrate.bed_type.general"),
                                  text::say(lang, "cli.calibrate.bed_type.nursing"),
                                  text::say(lang, "cli.calibrate.bed_type.dementia")};
  static_assert(std::size(bed_type) == demand::kBedTypeCount);
  std::string by_type;
  for (std::size_t b = 0; b < demand::kBedTypeCount; ++b)
    by_type += (b ? ", " : "") + bed_type[b] + " x " + fixed(factors[b], 3);
  const double share = elders > 0 ? 100.0 * residents / elders : 0.0;
  const double national_share = elders > 0 ? 100.0 * national_stock / elders : 0.0;
  std::cout << text::say(lang, "cli.calibrate.care_use",
                         {{"factors", by_type}, {"residents", report::grouped(residents)}, {"share", fixed(share, 2)},
                          {"times", fixed(national_stock > 0 ? residents / national_stock : 0.0, 1)},
                          {"national", fixed(national_share, 2)},
                          {"basis", use.kind == supply::StartKind::observed_residents
                                        ? text::say(lang, "cli.calibrate.basis.observed_residents")
                                        : std::string("capacity.initial_occupancy")}})
            << "\n";
  std::cout << text::say(lang, "cli.calibrate.nothing_to_paste") << "\n";
}

}  // namespace

void calibrate_command(const std::string& scenario_path, text::Lang lang) {
  const scenarios::Scenario scenario = scenarios::load_scenario(scenario_path);
  const std::optional<supply::BaseYearUse> use = stated_use(scenario);
  auto care_use = [&] {
    try {
      print_care_use(scenario, *use, lang);
    } catch (const InputError& error) {  // the model names what cannot be calibrated; the file is the scenario's
      throw InputError(text::both("errors.in_file", {{"path", text::same(scenario_path)}, {"error", {error.zh(), error.what()}}}));
    }
  };
  if (!scenario.calibration && !use)
    throw InputError(text::both("errors.calibration_missing", {{"path", scenario_path}}));
  if (!scenario.calibration) {
    std::cout << text::say(lang, "cli.calibrate.without_calibration", {{"name", scenario.name}}) << "\n";
    care_use();
    return;
  }
  const demography::CalibrationTargets& t = *scenario.calibration;
  const demography::CalibrationResult r = [&] {
    try {
      return demography::calibrate(scenario.projection, t);
    } catch (const InputError& error) {  // the model names the key; the file is the scenario's
      throw InputError(text::both("errors.in_file", {{"path", text::same(scenario_path)}, {"error", {error.zh(), error.what()}}}));
    }
  }();
  std::cout << text::say(lang, "cli.calibrate.started", {{"name", scenario.name}, {"source", t.source}}) << "\n";
  if (t.births_year) {
    std::cout << text::say(lang, "cli.calibrate.fertility",
                           {{"scale", fixed(r.fertility_scale, 6)}, {"tfr", fixed(r.total_fertility_in_births_year, 4)},
                            {"year", t.births_year}, {"births", fixed(r.births, 1)},
                            {"births_target", t.births ? fixed(*t.births, 1) : "-"},
                            {"rate", fixed(r.crude_birth_rate, 3)},
                            {"rate_target", t.crude_birth_rate ? fixed(*t.crude_birth_rate, 3) : "-"}})
              << "\n";
    if (const auto* profile = std::get_if<demography::AsfrProfileWithTfr>(&r.parameters.fertility.schedule))
      std::cout << "  [fertility] tfr_path = " << year_path(profile->tfr, 4) << "\n";
    else
      std::cout << text::say(lang, "cli.calibrate.multiply_asfr", {{"scale", fixed(r.fertility_scale, 6)}}) << "\n";
  }
  if (r.net_migrants_per_year) {
    std::cout << text::say(lang, "cli.calibrate.migration",
                           {{"migrants", fixed(*r.net_migrants_per_year, 1)}, {"population", fixed(r.population, 1)},
                            {"year", t.population_year}, {"target", fixed(t.population, 1)}})
              << "\n";
    std::cout << "  [migration] total_path = "
              << year_path(std::get<demography::MigrantTotalWithProfile>(r.parameters.migration.schedule).total, 1) << "\n";
  }
  std::cout << text::say(lang, "cli.calibrate.rounds", {{"rounds", r.rounds}}) << "\n";
  if (use)
    care_use();
  else if (scenario.demand && scenario.supply)
    std::cout << text::say(lang, "cli.calibrate.national_default") << "\n";
}

}  // namespace carecap::tools
