// carecap. SPDX-License-Identifier: MIT
// A pool's beds in facility slots (models/supply/BedPool.hpp): the sums every event reads kept
// current, and the year's averages from the areas under its levels (sim/LevelArea.hpp), checked
// against hand-computed values.
#include <doctest/doctest.h>

#include "models/supply/BedPool.hpp"
#include "sim/LevelArea.hpp"

using carecap::sim::LevelArea;
using carecap::supply::BedPool;
using carecap::supply::CapacityChange;
using carecap::supply::CapacityYearLevels;

TEST_CASE("the area under a level gives its time average over the period") {
  LevelArea area{2024.0, 0.0};
  area.accrue(2024.25, 2.0);                            // 2 held for a quarter
  CHECK(area.close(2025.0, 6.0, 1.0) == doctest::Approx(0.5 + 4.5));  // then 6 for three quarters
  CHECK(area.area == 0.0);                              // the next period starts empty
  CHECK(area.close(2026.0, 6.0, 1.0) == 6.0);           // ... at the level left
}

TEST_CASE("a pool keeps its free, affordable and open beds as residents come and go") {
  BedPool pool(2024.0);
  // Unit 0: 2 affordable beds; unit 1: 3 market beds.
  REQUIRE(pool.change(CapacityChange{2024.0, 0, 0, 2, 0}, true, 2024.0));
  REQUIRE(pool.change(CapacityChange{2024.0, 0, 0, 3, 1}, false, 2024.0));
  CHECK(pool.capacity() == 5);
  CHECK(pool.free_beds() == 5);
  CHECK(pool.free_affordable_beds() == 2);
  // Admission picks the lowest occupancy rate, the lowest index on ties.
  CHECK(pool.free_slot(false) == 0);
  pool.take(0, 2024.1);
  CHECK(pool.free_slot(false) == 1);  // 1/2 against 0/3
  CHECK(pool.free_slot(true) == 0);   // the affordable tier takes affordable beds only
  pool.take(1, 2024.2);
  CHECK(pool.occupied() == 2);
  CHECK(pool.free_beds() == 3);
  CHECK(pool.free_affordable_beds() == 1);
  CHECK(pool.open_beds() == 5);
  SUBCASE("a closure evicts nobody: its occupied bed stays open until the resident leaves") {
    CapacityChange closure{2024.5, 0, 0, 0, 0};
    closure.whole_unit = true;
    REQUIRE(pool.change(closure, true, 2024.5));
    CHECK(pool.capacity() == 3);
    CHECK(pool.free_beds() == 2);
    CHECK(pool.free_affordable_beds() == 0);
    CHECK(pool.open_beds() == 4);  // 3 beds of unit 1, and the closed unit's resident
    pool.vacate(0, 2024.75, true, false);
    CHECK(pool.open_beds() == 3);
    CHECK(pool.free_beds() == 2);  // the closed bed does not come back free
  }
  SUBCASE("beds cannot fall below zero") {
    CHECK_FALSE(pool.change(CapacityChange{2024.5, 0, 0, -6, -1}, false, 2024.5));
    CHECK(pool.capacity() == 5);
  }
}

TEST_CASE("a year's averages and departures, with an event at the year's end in the next year") {
  BedPool pool(2024.0);
  REQUIRE(pool.change(CapacityChange{2024.0, 0, 0, 4, 0}, false, 2024.0));
  pool.take(0, 2024.0);
  pool.take(0, 2024.5);                  // 1 occupied for half a year, 2 for the other half
  pool.vacate(0, 2024.75, true, false);  // a death in care in 2024: 1 occupied for the last quarter
  pool.vacate(0, 2025.0, false, true);   // a discharge at the boundary instant: counted in 2025
  CapacityYearLevels::Pool year;
  std::vector<CapacityYearLevels::Unit> units(1);
  pool.close_year(2025.0, 1.0, year, units);
  CHECK(year.mean_occupied == doctest::Approx(0.5 * 1 + 0.25 * 2 + 0.25 * 1));
  CHECK(year.mean_open == doctest::Approx(4.0));
  CHECK(year.mean_free == doctest::Approx(4.0 - year.mean_occupied));
  CHECK(year.deaths_in_care == 1);
  CHECK(year.discharges == 0);
  CHECK(units[0].mean_occupied == doctest::Approx(year.mean_occupied));
  CHECK(units[0].mean_open == doctest::Approx(4.0));
  pool.close_year(2026.0, 1.0, year, units);
  CHECK(year.discharges == 1);  // the boundary's discharge
  CHECK(year.mean_occupied == 0.0);
}
