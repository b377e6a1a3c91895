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

TEST_CASE("care workers needed follow the occupied beds at the ratios by bed type; employed ones the facilities") {
  // One year, one region: 100 general, 45 nursing and 30 dementia beds occupied on average.
  // At 1:10, 1:4.5 and 1:3: 10 + 10 + 10 = 30 care workers needed.
  CapacityModel model;
  model.first_year = model.last_year = 2025;
  model.regions = {"town"};
  CapacityResult result;
  result.first_year = 2025;
  result.pools = {{PoolYear{100, 120, 20, 0, 0, 0}, PoolYear{45, 50, 5, 0, 0, 0}, PoolYear{30, 30, 0, 0, 0, 0}}};
  result.streams = {std::vector<StreamYear>(3)};
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
