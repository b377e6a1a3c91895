// carecap. SPDX-License-Identifier: MIT
#include "models/demography/Calibration.hpp"

#include <algorithm>
#include <boost/math/tools/roots.hpp>
#include <cmath>
#include <sstream>

#include "models/demography/ProjectionRun.hpp"
#include "sim/Errors.hpp"

namespace carecap::demography {
namespace {

/// The parameters with every ASFR times `scale`.
ProjectionParameters scale_fertility(ProjectionParameters p, double scale) {
  if (auto* profile = std::get_if<AsfrProfileWithTfr>(&p.fertility.schedule)) {
    auto anchors = profile->tfr.anchors();
    for (auto& [year, tfr] : anchors) tfr *= scale;
    profile->tfr = YearPath(anchors);
  } else {
    for (auto& [year, asfr] : std::get<AsfrByYear>(p.fertility.schedule).asfr)
      for (double& rate : asfr) rate *= scale;
  }
  return p;
}

/// The parameters with a constant yearly net migration total.
ProjectionParameters set_migration(ProjectionParameters p, double per_year) {
  auto& schedule = std::get<MigrantTotalWithProfile>(p.migration.schedule);
  schedule.total = YearPath({{p.base_year, per_year}, {p.end_year, per_year}});
  return p;
}

ProjectionResult project(const ProjectionParameters& p) { return std::move(run_projection(p, RunSettings{}, 1).front()); }

std::string number(double x) {
  std::ostringstream out;
  out.precision(10);
  out << x;
  return out.str();
}

/// A root of the increasing function f on [low, high]; throws `unreachable` when f does not
/// change sign there.
template <class F>
double solve_increasing(F f, double low, double high, const std::string& unreachable) {
  const double f_low = f(low), f_high = f(high);
  if (f_low > 0 || f_high < 0) throw InputError(unreachable);
  if (f_low == 0) return low;
  if (f_high == 0) return high;
  std::uintmax_t iterations = 200;
  const auto [a, b] = boost::math::tools::toms748_solve(f, low, high, f_low, f_high,
                                                        boost::math::tools::eps_tolerance<double>(50), iterations);
  return 0.5 * (a + b);
}

}  // namespace

CalibrationResult calibrate(const ProjectionParameters& parameters, const CalibrationTargets& targets) {
  const bool fit_births = targets.births_year != 0;
  const bool fit_population = targets.population_year != 0;
  for (int year : {targets.births_year, targets.population_year})
    if (year != 0 && (year < parameters.base_year || year > parameters.end_year))
      throw InputError("calibration: expected target years within the projection " + std::to_string(parameters.base_year) +
                       ".." + std::to_string(parameters.end_year) + ", got " + std::to_string(year));
  if (fit_population && !std::holds_alternative<MigrantTotalWithProfile>(parameters.migration.schedule))
    throw InputError("calibration.population: expected [migration] total_path or total_file with age_sex_profile_file "
                     "(the profile whose level is calibrated), got another migration form");

  double scale = 1.0;
  double migrants = 0.0;
  if (fit_population) migrants = std::get<MigrantTotalWithProfile>(parameters.migration.schedule).total.at(parameters.base_year);
  const double base_total = parameters.base_population.sum_both();

  // The fits project only up to the last target year; the result keeps the whole horizon.
  ProjectionParameters fitting = parameters;
  fitting.end_year = std::max(targets.births_year, targets.population_year);
  auto with_from = [&](const ProjectionParameters& from, double s, double m) {
    ProjectionParameters p = scale_fertility(from, s);
    return fit_population ? set_migration(std::move(p), m) : p;
  };
  auto with = [&](double s, double m) { return with_from(fitting, s, m); };
  // Births target (or crude birth rate) minus the model's, in births.
  auto birth_gap = [&](const ProjectionResult& r) {
    const auto i = static_cast<std::size_t>(targets.births_year - parameters.base_year);
    const double births = r.births[i].sum_both();
    if (targets.crude_birth_rate) return births - *targets.crude_birth_rate * r.population_jul1[i].sum_both() / 1000.0;
    return births - *targets.births;
  };
  auto population_gap = [&](const ProjectionResult& r) {
    return r.population_jul1[static_cast<std::size_t>(targets.population_year - parameters.base_year)].sum_both() -
           targets.population;
  };

  CalibrationResult result;
  for (result.rounds = 1; result.rounds <= 50; ++result.rounds) {
    if (fit_births)
      scale = std::exp(solve_increasing(
          [&](double log_scale) { return birth_gap(project(with(std::exp(log_scale), migrants))); }, std::log(1e-3),
          std::log(1e3),
          "calibration.births: expected a birth target reachable by scaling fertility 1/1000..1000 times, got " +
              number(targets.births.value_or(targets.crude_birth_rate.value_or(0)))));
    if (fit_population) {
      const double limit = 0.5 * base_total;
      migrants = solve_increasing([&](double m) { return population_gap(project(with(scale, m))); }, -limit, limit,
                                  "calibration.population: expected a population reachable with a constant net migration "
                                  "of at most half the base population a year, got " + number(targets.population));
    }
    const ProjectionResult r = project(with(scale, migrants));
    const bool births_hold = !fit_births || std::abs(birth_gap(r)) <= 1e-9 * r.births[0].sum_both() + 1e-9;
    const bool population_holds = !fit_population || std::abs(population_gap(r)) <= 1e-9 * targets.population;
    if ((births_hold && population_holds) || !(fit_births && fit_population)) break;
  }
  result.parameters = with_from(parameters, scale, migrants);
  result.fertility_scale = scale;
  if (fit_population) result.net_migrants_per_year = migrants;
  const ProjectionResult r = project(with(scale, migrants));
  if (fit_births) {
    const auto i = static_cast<std::size_t>(targets.births_year - parameters.base_year);
    result.births = r.births[i].sum_both();
    result.crude_birth_rate = 1000.0 * result.births / r.population_jul1[i].sum_both();
    result.total_fertility_in_births_year = r.total_fertility[i];
  }
  if (fit_population)
    result.population = r.population_jul1[static_cast<std::size_t>(targets.population_year - parameters.base_year)].sum_both();
  return result;
}

}  // namespace carecap::demography
