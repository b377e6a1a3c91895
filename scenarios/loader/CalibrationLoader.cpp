// carecap. SPDX-License-Identifier: MIT
#include "scenarios/loader/CalibrationLoader.hpp"

#include "sim/Errors.hpp"
#include "text/Catalogue.hpp"

namespace carecap::scenarios {

SectionSchema calibration_schema() {
  return {"calibration", {"births_year", "population", "population_year", "source"}, {{{"births"}, {"crude_birth_rate"}}}};
}

std::optional<demography::CalibrationTargets> read_calibration(const ScenarioDocument& doc, int base_year, int end_year) {
  if (!doc.has_section("calibration")) return std::nullopt;
  demography::CalibrationTargets t;
  const auto births = doc.find("calibration", "births");
  const auto rate = doc.find("calibration", "crude_birth_rate");
  if (births && rate) throw InputError(text::both("errors.calibration.births_and_rate", {{"where", rate->where()}}));
  if (births) t.births = births->as_number(0.0, 1e9);
  if (rate) t.crude_birth_rate = rate->as_number(0.0, 100.0);
  const auto births_year = doc.find("calibration", "births_year");
  if ((births || rate) && !births_year)
    throw InputError(text::both("errors.calibration.births_year_missing", {{"path", doc.files().front()}}));
  if (births_year) {
    if (!births && !rate)
      throw InputError(text::both("errors.calibration.births_missing", {{"where", births_year->where()}}));
    t.births_year = static_cast<int>(births_year->as_integer(base_year, end_year));
  }
  const auto population = doc.find("calibration", "population");
  const auto population_year = doc.find("calibration", "population_year");
  if (population.has_value() != population_year.has_value())
    throw InputError(text::both("errors.calibration.population_pair", {{"where", (population ? *population : *population_year).where()}}));
  if (population) {
    t.population = population->as_number(1.0, 2e9);
    t.population_year = static_cast<int>(population_year->as_integer(base_year, end_year));
  }
  if (!births_year && !population)
    throw InputError(text::both("errors.calibration.nothing", {{"path", doc.files().front()}}));
  t.source = doc.require("calibration", "source").as_string();
  return t;
}

}  // namespace carecap::scenarios
