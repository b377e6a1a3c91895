// carecap. SPDX-License-Identifier: MIT
#include "scenarios/loader/CalibrationLoader.hpp"

#include "sim/Errors.hpp"

namespace carecap::scenarios {

SectionSchema calibration_schema() {
  return {"calibration", {"births_year", "population", "population_year", "source"}, {{{"births"}, {"crude_birth_rate"}}}};
}

std::optional<demography::CalibrationTargets> read_calibration(const ScenarioDocument& doc, int base_year, int end_year) {
  if (!doc.has_section("calibration")) return std::nullopt;
  demography::CalibrationTargets t;
  const auto births = doc.find("calibration", "births");
  const auto rate = doc.find("calibration", "crude_birth_rate");
  if (births && rate) throw InputError(rate->where() + "expected either births or crude_birth_rate, got both");
  if (births) t.births = births->as_number(0.0, 1e9);
  if (rate) t.crude_birth_rate = rate->as_number(0.0, 100.0);
  const auto births_year = doc.find("calibration", "births_year");
  if ((births || rate) && !births_year)
    throw InputError(doc.files().front() + ": calibration.births_year: missing; expected the year of the births target");
  if (births_year) {
    if (!births && !rate)
      throw InputError(births_year->where() + "expected births or crude_birth_rate beside births_year, got neither");
    t.births_year = static_cast<int>(births_year->as_integer(base_year, end_year));
  }
  const auto population = doc.find("calibration", "population");
  const auto population_year = doc.find("calibration", "population_year");
  if (population.has_value() != population_year.has_value())
    throw InputError((population ? *population : *population_year).where() +
                     "expected population and population_year together, got one of them");
  if (population) {
    t.population = population->as_number(1.0, 2e9);
    t.population_year = static_cast<int>(population_year->as_integer(base_year, end_year));
  }
  if (!births_year && !population)
    throw InputError(doc.files().front() + ": calibration: expected births (or crude_birth_rate) with births_year, or "
                     "population with population_year, got neither");
  t.source = doc.require("calibration", "source").as_string();
  return t;
}

}  // namespace carecap::scenarios
