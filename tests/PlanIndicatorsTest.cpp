// carecap. SPDX-License-Identifier: MIT
#include "models/demand/PlanIndicators.hpp"

#include <doctest/doctest.h>

using namespace carecap::demand;

namespace {

double value_of(const std::vector<carecap::ResultSeries>& series, const std::string& name, std::size_t index = 0) {
  for (const auto& s : series)
    if (s.name == name) return s.values.at(index);
  FAIL("no indicator " << name);
  return 0;
}

}  // namespace

TEST_CASE("the plans' indicators are the published ratios of capacity to population") {
  // Bei'an 2025 target (北政办规〔2023〕9号): 5,598 beds for about 76,000 elders is 73.6 per 1,000;
  // 55% nursing-type; 1,379 childcare places for 280,000 people is 4.9 per 1,000.
  // Beds are disjoint by type: nursing excludes dementia beds, which count as nursing-type.
  CapacityFigures figures;
  figures.beds = {2519, 2800, 279};  // 5,598 in all; nursing + dementia = 3,079 = 55.0%
  figures.childcare_places = 1379;
  figures.affordable_childcare_places = 1104;
  figures.childcare_enrolled = 486;  // enrolled at the end of 2020
  figures.care_workers = 200;
  const IndicatorPopulation population{76000, 280000, 2709};
  const auto series = plan_indicator_series({{figures}}, {population});
  CHECK(value_of(series, "beds_per_1000_elderly") == doctest::Approx(73.66).epsilon(0.001));
  CHECK(value_of(series, "nursing_bed_share") == doctest::Approx(55.0).epsilon(0.001));
  CHECK(value_of(series, "dementia_beds_per_10000_elderly") == doctest::Approx(36.7).epsilon(0.001));
  CHECK(value_of(series, "childcare_places_per_1000_people") == doctest::Approx(4.925).epsilon(0.001));
  CHECK(value_of(series, "affordable_place_share") == doctest::Approx(80.06).epsilon(0.001));
  CHECK(value_of(series, "places_per_100_children_0_2") == doctest::Approx(50.9).epsilon(0.001));  // one place per second child
  CHECK(value_of(series, "enrollment_rate") == doctest::Approx(17.94).epsilon(0.001));              // 486 of 2,709
  CHECK(value_of(series, "place_utilisation") == doctest::Approx(35.24).epsilon(0.001));            // 486 of 1,379
  CHECK(value_of(series, "care_workers_per_10000_elderly") == doctest::Approx(26.3).epsilon(0.001));
  SUBCASE("each basis is a column of the same dataset") {
    CapacityFigures supply = figures;
    supply.beds = {0, 0, 0};
    const auto both = plan_indicator_series({{figures}, {supply}}, {population});
    CHECK(value_of(both, "beds_per_1000_elderly", 0) == doctest::Approx(73.66).epsilon(0.001));
    CHECK(value_of(both, "beds_per_1000_elderly", 1) == 0);
    CHECK(value_of(both, "nursing_bed_share", 1) == 0);  // 0 when there are no beds
  }
}
