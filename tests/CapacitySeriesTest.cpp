// carecap. SPDX-License-Identifier: MIT
#include "models/supply/CapacitySeries.hpp"

#include <doctest/doctest.h>

#include <cmath>

using namespace carecap::supply;

namespace {

const carecap::ResultSeries& series(const carecap::ResultGroup& g, const std::string& name) {
  for (const auto& s : g.series)
    if (s.name == name) return s;
  throw std::runtime_error("no series " + name);
}

}  // namespace

TEST_CASE("care workers needed follow the residents at the ratios of their need; employed ones the facilities") {
  // One year, one region: 100 residents needing general care, 45 nursing and 30 with dementia on
  // average (in whatever beds). At 1:10, 1:4.5 and 1:3: 10 + 10 + 10 = 30 care workers needed.
  CapacityModel model;
  model.first_year = model.last_year = 2025;
  model.regions = {"town"};
  model.care_workers_per_resident = {{1.0 / 10.0, 1.0 / 4.5, 1.0 / 3.0}};
  CapacityResult result;
  result.first_year = 2025;
  result.pools = {{PoolYear{100, 120, 20, 0, 0, 0}, PoolYear{75, 80, 5, 0, 0, 0}, PoolYear{0, 0, 0, 0, 0, 0}}};
  result.streams = {std::vector<StreamYear>(3)};
  result.streams[0][0].mean_residents = 100;
  result.streams[0][1].mean_residents = 45;
  result.streams[0][2].mean_residents = 30;  // in nursing beds: the dementia ratio still applies
  SupplyParameters supply;
  supply.regions = model.regions;
  Facility a, b;
  a.care_workers = 12;
  b.care_workers = 8;
  a.opens = b.opens = 2000;
  supply.facilities = {a, b};
  const CapacitySettings settings;
  const auto group = capacity_series(result, model, supply, settings);
  CHECK(series(group, "n_care_workers_needed").values.at(0) == doctest::Approx(30));
  CHECK(series(group, "n_care_workers_employed").values.at(0) == doctest::Approx(20));
  CHECK(series(group, "n_idle_beds").values.at(0) == doctest::Approx(20));  // general: the recorded time average
  SUBCASE("a facility that does not state its staff makes the employed count unknown") {
    supply.facilities[1].care_workers = -1;
    CHECK(std::isnan(series(capacity_series(result, model, supply, settings), "n_care_workers_employed").values.at(0)));
  }
  SUBCASE("a closed facility's staff no longer count") {
    supply.facilities[1].closes = 2025;
    CHECK(series(capacity_series(result, model, supply, settings), "n_care_workers_employed").values.at(0) ==
          doctest::Approx(12));
  }
}
