// carecap. SPDX-License-Identifier: MIT
#include "models/demography/ProjectionSeries.hpp"

#include "models/demography/Indicators.hpp"

namespace carecap::demography {
namespace {

std::vector<int> year_range(int first, int count) {
  std::vector<int> years(count);
  for (int i = 0; i < count; ++i) years[i] = first + i;
  return years;
}

}  // namespace

ResultGroup projection_series(const ProjectionResult& r) {
  ResultGroup group;
  group.description = "cohort-component projection by calendar year, sex and single year of age";
  std::vector<int> ages(kAgeCount);
  for (int a = 0; a < kAgeCount; ++a) ages[a] = a;
  group.dimensions = {
      {"year", year_range(r.base_year, r.year_count()), {}, "calendar year",
       "calendar year of flows; stocks are on 1 July of the year"},
      {"year_jan1", year_range(r.base_year, r.year_count() + 1), {}, "calendar year",
       "year whose 1 January the stock refers to"},
      {"sex", {}, {kSexNames.begin(), kSexNames.end()}, "1", "sex"},
      {"age", ages, {}, "years", "completed years of age; 100 means 100 and over"},
  };
  const std::vector<std::string> by_year{"year", "sex", "age"};
  group.series = {
      {"n_population_jul1", "", "persons",
       "population on 1 July (mean of 1 January of the year and of the next) by sex and single age; age 100 is 100+",
       "", by_year, flatten_years(r.population_jul1)},
      {"n_population_jan1", "", "persons", "population on 1 January by sex and single age; age 100 is 100+", "",
       {"year_jan1", "sex", "age"}, flatten_years(r.population_jan1)},
      {"new_births_by_mother_age", "", "persons per year", "live births in the calendar year by sex of the child and single age of the mother",
       "", by_year, flatten_years(r.births)},
      {"new_deaths_by_age", "", "persons per year",
       "deaths in the calendar year by sex and the age the person would have reached on 1 January next "
       "(age 0: born in the year; age 100: cohorts aged 99 and 100+ on 1 January)",
       "", by_year, flatten_years(r.deaths)},
      {"new_net_migrants_by_age", "", "persons per year",
       "net migrants of the calendar year by sex and age on 1 January next, added at year end", "", by_year,
       flatten_years(r.net_migrants)},
  };
  for (auto& indicator : compute_indicators(r))
    group.series.push_back({indicator.name, "", indicator.units, indicator.description, "", {"year"},
                            std::move(indicator.values)});
  return group;
}

}  // namespace carecap::demography
