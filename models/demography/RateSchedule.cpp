// carecap. SPDX-License-Identifier: MIT
#include "models/demography/RateSchedule.hpp"

#include <numeric>

#include "models/demography/LifeTable.hpp"

namespace carecap::demography {

RateSchedule compile_rates(const ProjectionParameters& parameters) {
  RateSchedule schedule;
  schedule.base_year = parameters.base_year;
  for (int year = parameters.base_year; year <= parameters.end_year; ++year) {
    YearRates rates;
    rates.year = year;
    rates.asfr = asfr_in_year(parameters.fertility, year);
    rates.total_fertility = std::accumulate(rates.asfr.begin(), rates.asfr.end(), 0.0);
    const double srb = parameters.fertility.sex_ratio_at_birth.at(year);
    rates.male_birth_share = srb / (1.0 + srb);
    rates.mx = mx_in_year(parameters.mortality, year);
    for (Sex s : kSexes) {
      const LifeTable table = build_life_table(rates.mx[s], s);
      rates.survival[static_cast<int>(s)] = survival_ratios(table);
      rates.e0[static_cast<int>(s)] = table.life_expectancy();
    }
    rates.net_migrants = net_migrants_in_year(parameters.migration, year);
    schedule.years.push_back(rates);
  }
  return schedule;
}

}  // namespace carecap::demography
