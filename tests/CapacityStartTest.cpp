// carecap. SPDX-License-Identifier: MIT
// How the capacity simulation starts and follows demand (models/supply/CapacityStart.cpp,
// CapacityInputs.cpp): care use calibrated to stated residents, the steady-state start, arrivals
// that follow a falling demand stock, and plan closures of every shipped Bei'an facility.
#include "models/supply/CapacityStart.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include "models/supply/CapacityInputs.hpp"
#include "models/supply/CapacityRecorder.hpp"
#include "models/supply/CapacitySimulation.hpp"
#include "scenarios/loader/ScenarioLoader.hpp"
#include "tools/run/ResultLookup.hpp"
#include "tools/run/ScenarioRun.hpp"

using namespace carecap;

namespace {

/// Values of a series of replication 0, in file order.
std::vector<double> values(const tools::ScenarioRunResult& run, const std::string& group, const std::string& series) {
  const ResultGroup* g = tools::find_group(run.replications.front(), group);
  REQUIRE(g);
  const ResultSeries* s = tools::find_series(*g, series);
  REQUIRE(s);
  return s->values;
}

/// A single town with `beds` general beds and a general demand stock of stock[y] on 1 July.
supply::CapacityModel one_town(const std::vector<double>& stock, std::int64_t beds, supply::CapacitySettings& settings) {
  supply::SupplyParameters supply;
  supply.regions = {"town"};
  supply.demand_share = {1.0};
  supply::Facility f;
  f.id = "F";
  f.beds = {beds, 0, 0};
  supply.facilities = {f};
  demand::DemandResult demand;
  demand.base_year = 2024;
  for (double s : stock) {
    demand::ElderDemandYear y;
    y.beds = {s, 0.0, 0.0};
    demand.elder.push_back(y);
  }
  settings.last_year = 2024 + static_cast<int>(stock.size()) - 1;
  settings.acceptable_beds = {std::vector<int>{0}, std::vector<int>{1}, std::vector<int>{2}};
  for (auto& s : settings.stay) s.mean_years = 2.0;  // exponential stays of 2 years
  return supply::build_capacity_model(supply, settings, demand);
}

/// Yearly mean occupied beds of pool 0, averaged over `replications`.
std::vector<double> occupied(const supply::CapacityModel& model, int replications) {
  std::vector<double> mean(static_cast<std::size_t>(model.last_year - model.first_year + 1), 0.0);
  for (int r = 0; r < replications; ++r) {
    supply::CapacityRecorder recorder(model.first_year, 3, 3, static_cast<int>(model.units.size()));
    supply::CapacitySimulation(model, sim::RandomStreams(2024), static_cast<std::uint64_t>(r), recorder).run();
    const auto result = recorder.take_result();
    for (std::size_t y = 0; y < mean.size(); ++y) mean[y] += result.pools[y][0].mean_occupied / replications;
  }
  return mean;
}

}  // namespace

TEST_CASE("observed residents by bed type calibrate care use: the base-year demand stock equals them") {
  // tests/scenarios/data/beian_facilities_observed.csv: 1,570 general, 960 nursing and 85
  // dementia residents on 1 January 2021 (invented test data).
  const auto scenario = scenarios::load_scenario("tests/scenarios/beian_observed_use.toml");
  const auto run = tools::run_scenario(scenario, 1);
  const auto needed = values(run, "demand", "n_beds_needed");  // (year, bed_type), 1 July
  CHECK(std::llround(needed[0]) == 1570);
  CHECK(std::llround(needed[1]) == 960);
  CHECK(std::llround(needed[2]) == 85);
  const auto residents = values(run, "capacity", "n_initial_residents");  // (bed_type, region)
  double general = 0, nursing = 0, dementia = 0;
  for (std::size_t r = 0; r < 4; ++r) {
    general += residents[r];
    nursing += residents[4 + r];
    dementia += residents[8 + r];
  }
  CHECK(general == 1570);
  CHECK(nursing == 960);
  CHECK(dementia == 85);
  const auto factor = values(run, "capacity", "institution_use_factor");
  CHECK(factor[0] > 1.0);  // far above the national 0.73% of elders in institutions
  CHECK(factor[0] != doctest::Approx(factor[1]));  // one factor per bed type
  const ResultGroup* capacity = tools::find_group(run.replications.front(), "capacity");
  CHECK(capacity->text_series.back().values.front() == "observed_residents");

  SUBCASE("facility totals only: one overall factor, the total stock equals the total residents") {
    const auto totals = tools::run_scenario(scenarios::load_scenario("tests/scenarios/beian_observed_totals.toml"), 1);
    const auto stock = values(totals, "demand", "n_beds_needed");
    CHECK(std::llround(stock[0] + stock[1] + stock[2]) == 2615);  // 485 + 1,550 + 300 + 150 + 130
    const auto overall = values(totals, "capacity", "institution_use_factor");
    CHECK(overall[0] == doctest::Approx(overall[1]));
    CHECK(overall[1] == doctest::Approx(overall[2]));
  }
}

TEST_CASE("the shipped Bei'an scenario starts in the base year's steady state and changes smoothly") {
  // No occupancy is published: beds start as the base year's demand fills them, and occupied beds
  // follow the growing demand (no fall of more than 10% in a year while beds and elders grow).
  const auto run = tools::run_scenario(scenarios::load_scenario("scenarios/beian/beian.toml"), 2);
  const auto occupied_beds = values(run, "capacity", "n_occupied_beds");  // (capacity_year, bed_type, region)
  const auto needed = values(run, "demand", "n_beds_needed");
  std::vector<double> yearly(occupied_beds.size() / 12, 0.0);
  for (std::size_t k = 0; k < occupied_beds.size(); ++k) yearly[k / 12] += occupied_beds[k];
  for (std::size_t y = 1; y < yearly.size(); ++y) {
    CAPTURE(y);
    CHECK(yearly[y] > 0.9 * yearly[y - 1]);
  }
  const double first_stock = needed[0] + needed[1] + needed[2];
  CHECK(yearly[0] == doctest::Approx(first_stock).epsilon(0.05));  // the start is the demand's own
  const auto births = values(run, "", "new_births");
  const auto& base = scenarios::load_scenario("scenarios/beian/beian.toml").projection.base_population;
  CHECK(births[0] == doctest::Approx(base.sum_both(0, 0)).epsilon(0.10));  // first-year births follow the base's age 0
  const ResultGroup* capacity = tools::find_group(run.replications.front(), "capacity");
  CHECK(capacity->text_series.back().values.front() == "demand_steady_state");
}

TEST_CASE("with ample beds occupancy follows a falling demand stock") {
  // 50,000 people seek a bed in 2024, 5% fewer each year; 100,000 beds. Arrivals are the stock
  // renewed per mean stay plus its change (negative), so occupancy falls with the stock.
  std::vector<double> stock;
  for (int y = 0; y < 12; ++y) stock.push_back(50000.0 * std::pow(0.95, y));
  supply::CapacitySettings settings;
  const auto model = one_town(stock, 100000, settings);
  const auto mean = occupied(model, 2);
  for (std::size_t y = 0; y < stock.size(); ++y) {
    CAPTURE(y);
    CHECK(std::abs(mean[y] / stock[y] - 1.0) < 0.015);
  }
  for (double unfollowed : model.arrivals.front().unfollowed_decline) CHECK(unfollowed == 0.0);

  SUBCASE("a fall faster than departures allow stops arrivals and is reported") {
    // Halving every year with stays of 2 years: renewal 0.5 x stock a year, change -0.75 x stock.
    std::vector<double> steep;
    for (int y = 0; y < 6; ++y) steep.push_back(20000.0 * std::pow(0.5, y));
    supply::CapacitySettings s;
    const auto m = one_town(steep, 100000, s);
    CHECK(m.arrivals.front().unfollowed_decline[2] == doctest::Approx(0.25 * steep[2]));
    CHECK(m.arrivals.front().rate_per_year[2] == 0.0);
    const auto level = occupied(m, 1);
    CHECK(level[3] > steep[3]);  // occupancy falls only as residents leave
  }
}

TEST_CASE("a plan may close any shipped Bei'an facility: it validates, runs, and drains") {
  // A closure in plan year 2023 closes the facility on 1 January 2024 (build lag 1): its beds then
  // stay open only while a resident is in them, and whatever conversions took from it before is
  // not closed twice (a closure takes the beds the facility has left).
  namespace fs = std::filesystem;
  const auto base = scenarios::load_scenario("scenarios/beian/beian.toml");
  const fs::path dir = fs::temp_directory_path() / ("carecap_closures_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ifstream plan_in("scenarios/data/beian/beian_projects_2022_2024.csv");
  std::stringstream plan_text;
  plan_text << plan_in.rdbuf();
  const auto& facilities = base.supply->supply.facilities;
  for (std::size_t i = 0; i < facilities.size(); ++i) {
    const auto& facility = facilities[i];
    CAPTURE(facility.id);
    const std::string town = base.supply->supply.regions[static_cast<std::size_t>(facility.region)];
    const fs::path plan = dir / ("plan_" + facility.id + ".csv"), scenario = dir / ("close_" + facility.id + ".toml");
    std::ofstream(plan) << plan_text.str() << "99,关闭" << facility.id << ",elderly_institution,closure,2023," << town
                        << ",,,,0,,," << facility.id << "\n";
    std::ofstream(scenario) << "base = \"" << fs::absolute("scenarios/beian/beian.toml").string() << "\"\n"
                            << "[scenario]\nname = \"close_" << facility.id << "\"\ndescription = \"closure test\"\n"
                            << "[supply]\nplan_file = \"" << plan.string() << "\"\n[capacity]\nreplications = 1\n";
    const auto closed = scenarios::load_scenario(scenario.string());
    const auto run = tools::run_scenario(closed, 1);
    // (capacity_year, facility, bed_type): facilities in file order, then the plan's projects.
    const auto beds = values(run, "capacity", "n_beds_by_facility");
    const auto occupied_beds = values(run, "capacity", "n_occupied_beds_by_facility");
    const std::size_t facility_count = beds.size() / 15 / 3;
    auto at = [&](const std::vector<double>& v, std::size_t year) {
      return v[(year * facility_count + i) * 3] + v[(year * facility_count + i) * 3 + 1] + v[(year * facility_count + i) * 3 + 2];
    };
    CHECK(at(beds, 0) == doctest::Approx(static_cast<double>(facility.beds[0] + facility.beds[1] + facility.beds[2])));
    for (std::size_t year = 3; year < 15; ++year) {  // from 2024: open only while occupied
      CAPTURE(year);
      CHECK(at(beds, year) == doctest::Approx(at(occupied_beds, year)));
    }
    CHECK(at(beds, 14) < 0.2 * at(beds, 2));  // most residents have left by 2035
    const auto open_beds = values(run, "capacity", "n_beds");
    const auto occupied_pool = values(run, "capacity", "n_occupied_beds");
    for (std::size_t k = 0; k < open_beds.size(); ++k) CHECK(occupied_pool[k] <= open_beds[k] + 1e-9);
  }
  fs::remove_all(dir);
}
