// carecap. SPDX-License-Identifier: MIT
// The care-worker supply compiled against the beds (models/workforce/WorkforcePlan.hpp) and the
// need counted from a replication's residents (models/workforce/WorkforceSeries.hpp), by hand.
#include <doctest/doctest.h>

#include <cmath>

#include "models/workforce/WorkforcePlan.hpp"
#include "models/workforce/WorkforceSeries.hpp"

using namespace carecap;
using workforce::WorkforceSettings;

namespace {

/// Two towns from 2024 to 2026: north 100 general and 45 nursing beds, south 30 dementia beds;
/// a project of 90 nursing beds opens in the south on 1 January 2025.
supply::CapacityModel two_towns() {
  supply::CapacityModel m;
  m.first_year = 2024;
  m.last_year = 2026;
  m.regions = {"north", "south"};
  m.capacity = {{2024.0, 0, 0, 100}, {2024.0, 1, 0, 45}, {2024.0, 2, 1, 30}, {2025.0, 1, 1, 90}};
  m.care_workers_per_resident.assign(3, {1.0 / 10.0, 1.0 / 4.5, 1.0 / 3.0});  // general, nursing, dementia needs
  return m;
}

}  // namespace

TEST_CASE("the full beds' need by town and year follows the dated changes") {
  // North: 100 / 10 + 45 / 4.5 = 20 workers; south: 30 / 3 = 10, then + 90 / 4.5 = 30.
  const auto need = workforce::full_bed_need(two_towns());
  CHECK(need[0][0] == doctest::Approx(20.0));
  CHECK(need[0][1] == doctest::Approx(10.0));
  CHECK(need[1][1] == doctest::Approx(30.0));
  CHECK(need[2][1] == doctest::Approx(30.0));
}

TEST_CASE("a stated total is split by the towns' full-bed need and projects bring their staff") {
  WorkforceSettings s;
  s.base_care_workers = 60.0;
  s.leaving_rate = 0.1;
  s.other_entrants_per_year = 6.0;
  s.trained = {{2024, 30.0}, {2026, 30.0}};
  s.trained_entering_share = 0.5;
  const auto plan = workforce::plan_workforce(s, two_towns(), supply::SupplyParameters{});
  // Base: 60 split 20 : 10 -> 40 and 20. Entrants split the same way (2/3, 1/3).
  CHECK(plan.years[0].staff_start[0] == doctest::Approx(40.0));
  CHECK(plan.years[0].staff_start[1] == doctest::Approx(20.0));
  // 2024 north: 40 - 4 + 4 + 15 x 2/3 = 50; south: 20 - 2 + 2 + 5 = 25.
  CHECK(plan.years[0].staff_end[0] == doctest::Approx(50.0));
  CHECK(plan.years[0].staff_end[1] == doctest::Approx(25.0));
  // 2025: the south's project brings 90 / 4.5 = 20 on 1 January: 45 staff the year.
  CHECK(plan.years[1].project[1] == doctest::Approx(20.0));
  CHECK(plan.years[1].staff_open[1] == doctest::Approx(45.0));
  CHECK(plan.years[1].project[0] == 0.0);
  CHECK(plan.trained_by_year == std::vector<double>{30.0, 0.0, 30.0});
  SUBCASE("without projects_bring_staff the project's beds bring no one") {
    s.projects_bring_staff = false;
    CHECK(workforce::plan_workforce(s, two_towns(), supply::SupplyParameters{}).years[1].project[1] == 0.0);
  }
  SUBCASE("staff by town as stated") {
    s.base_care_workers_by_region = {7.0, 3.0};
    const auto by_town = workforce::plan_workforce(s, two_towns(), supply::SupplyParameters{});
    CHECK(by_town.years[0].staff_start == std::vector<double>{7.0, 3.0});
  }
}

TEST_CASE("the base staff are the facilities' care workers when no total is stated") {
  supply::SupplyParameters supply;
  supply.facilities.resize(3);
  supply.facilities[0].region = 0;
  supply.facilities[0].care_workers = 12;
  supply.facilities[1].region = 1;
  supply.facilities[1].care_workers = 5;
  supply.facilities[2].region = 1;
  supply.facilities[2].care_workers = 9;
  supply.facilities[2].opens = 2025;  // not open on 1 January 2024
  for (auto& f : supply.facilities)
    if (f.opens == 0) f.opens = 2020;
  const auto plan = workforce::plan_workforce(WorkforceSettings{}, two_towns(), supply);
  CHECK(plan.years[0].staff_start == std::vector<double>{12.0, 5.0});
}

TEST_CASE("need is the residents and people waiting over the ratios of their need, plus day care") {
  // North in 2024: 30 residents needing general care and 9 needing nursing, 2 people waiting for
  // nursing beds; 100 day-care users in the area, 70% in the north, 1 care worker per 20 users:
  // 30 / 10 + 9 / 4.5 + 2 / 4.5 + 100 x 0.7 / 20 = 3 + 2 + 0.444 + 3.5 = 8.944. The beds they
  // occupy do not matter: residents needing nursing in general beds need the nursing ratio.
  const supply::CapacityModel model = two_towns();
  supply::CapacityResult result;
  result.first_year = 2024;
  result.pools.assign(3, std::vector<supply::PoolYear>(6));
  result.streams.assign(3, std::vector<supply::StreamYear>(6));
  result.streams[0][0].mean_residents = 30.0;  // general need x 2 + north
  result.streams[0][2].mean_residents = 9.0;   // nursing need x 2 + north
  result.streams[0][2].mean_waiting = 2.0;     // nursing demand of the north
  result.pools[0][0].mean_occupied = 39.0;     // all in general beds: the beds do not count
  demand::DemandResult demand;
  demand.base_year = 2024;
  demand.elder.resize(3);
  demand.elder[0].day_care = 100.0;
  supply::ChildcareResult childcare(3, std::vector<supply::ChildcarePoolYear>(8));
  childcare[0][2].mean_enrolled = 6.0;   // 6-12 months, north: 1:3
  childcare[0][6].mean_enrolled = 14.0;  // 25-36 months, north: 1:7
  const workforce::WorkforceNeedInputs in{model, result, &childcare, {3.0, 3.0, 5.0, 7.0}, demand, {0.7, 0.3}};
  CHECK(workforce::care_workers_needed(in, 20.0, 0, 0) == doctest::Approx(3.0 + 2.0 + 2.0 / 4.5 + 3.5));
  CHECK(workforce::care_workers_needed(in, 0.0, 0, 0) == doctest::Approx(3.0 + 2.0 + 2.0 / 4.5));
  CHECK(workforce::childcare_workers_needed(in, 0, 0) == doctest::Approx(6.0 / 3.0 + 14.0 / 7.0));
}

TEST_CASE("ratios that move with the demand's mix bring no project staff in a year without new beds") {
  // The nursing need's care workers per resident rise each year (more fully disabled among them);
  // only 2025 adds beds (90 nursing in the south), so only 2025 brings staff: 90 x 0.25 = 22.5.
  supply::CapacityModel m = two_towns();
  m.care_workers_per_resident = {{0.1, 0.2, 1.0 / 3.0}, {0.1, 0.25, 1.0 / 3.0}, {0.1, 0.3, 1.0 / 3.0}};
  WorkforceSettings s;
  s.base_care_workers = 50.0;
  const auto plan = workforce::plan_workforce(s, m, supply::SupplyParameters{});
  CHECK(plan.years[1].project[1] == doctest::Approx(22.5));
  CHECK(plan.years[1].project[0] == 0.0);
  CHECK(plan.years[2].project[0] == 0.0);
  CHECK(plan.years[2].project[1] == 0.0);
}
