// carecap. SPDX-License-Identifier: MIT
#include "tools/cli/CalibrateCommand.hpp"

#include <iomanip>
#include <iostream>
#include <sstream>

#include "models/demography/Calibration.hpp"
#include "scenarios/loader/ScenarioLoader.hpp"
#include "sim/Errors.hpp"

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

}  // namespace

void calibrate_command(const std::string& scenario_path) {
  const scenarios::Scenario scenario = scenarios::load_scenario(scenario_path);
  if (!scenario.calibration)
    throw InputError(scenario_path + ": calibration: missing; expected a [calibration] section with births (or "
                     "crude_birth_rate) and births_year, and/or population and population_year");
  const demography::CalibrationTargets& t = *scenario.calibration;
  const demography::CalibrationResult r = demography::calibrate(scenario.projection, t);
  std::cout << "carecap calibrate: scenario '" << scenario.name << "' (" << t.source << ")\n";
  if (t.births_year) {
    std::cout << "fertility: every age-specific rate x " << fixed(r.fertility_scale, 6) << " -> total fertility rate "
              << fixed(r.total_fertility_in_births_year, 4) << " in " << t.births_year << "; births " << fixed(r.births, 1)
              << " (target " << (t.births ? fixed(*t.births, 1) : "-") << "), crude birth rate "
              << fixed(r.crude_birth_rate, 3) << " per 1,000 (target "
              << (t.crude_birth_rate ? fixed(*t.crude_birth_rate, 3) : "-") << ")\n";
    if (const auto* profile = std::get_if<demography::AsfrProfileWithTfr>(&r.parameters.fertility.schedule))
      std::cout << "  [fertility] tfr_path = " << year_path(profile->tfr, 4) << "\n";
    else
      std::cout << "  multiply the rates of [fertility] asfr_file by " << fixed(r.fertility_scale, 6) << "\n";
  }
  if (r.net_migrants_per_year) {
    std::cout << "migration: " << fixed(*r.net_migrants_per_year, 1) << " net migrants a year -> population "
              << fixed(r.population, 1) << " on 1 July " << t.population_year << " (target " << fixed(t.population, 1)
              << ")\n";
    std::cout << "  [migration] total_path = "
              << year_path(std::get<demography::MigrantTotalWithProfile>(r.parameters.migration.schedule).total, 1) << "\n";
  }
  std::cout << "(" << r.rounds << " round(s) of fitting)\n";
}

}  // namespace carecap::tools
