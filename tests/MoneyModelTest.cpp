// carecap. SPDX-License-Identifier: MIT
// The money of a replication against hand computation: subsidies add up per rule, operating cost is
// fixed + per resident, who pays, and the long-term-care insurance's users and outlay.
#include "models/money/MoneyModel.hpp"
#include "models/money/MoneySeries.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

using namespace carecap;
using money::MoneyParameters;

namespace {

/// One region, 2024-2025: F1 public, 100 general beds; F2 private, 50 nursing beds; project P1
/// (private) adds 20 nursing beds in plan year 2023 (opens 2024, 400 wan); project P2 (public)
/// converts 10 general beds to nursing in 2024 (opens 2025, 100 wan).
struct Fixture {
  supply::SupplyParameters supply;
  supply::CapacityModel model;
  supply::CapacityResult capacity;
  demand::DemandResult demand;
  demand::CareSettingParameters setting;
  MoneyParameters p;

  Fixture() {
    supply.regions = {"A"};
    supply.build_lag_years = 1;
    supply.projects = {{"P1", "new home", 2023, 0, supply::ProjectAction::add_beds, 1, 20, false, 400.0, "", 0, true},
                       {"P2", "conversion", 2024, 0, supply::ProjectAction::convert_general_to_nursing, 1, 10, false, 100.0, "", 0, true}};
    model.first_year = 2024;
    model.last_year = 2025;
    model.regions = {"A"};
    model.units = {{"F1", "public", 0, 0}, {"F2", "private", 1, 0}, {"project:P1", "plan", 1, 0}, {"project:P2", "plan", 1, 0}};
    capacity.first_year = 2024;
    // pools: general, nursing, dementia (one region). {occupied, capacity, idle, admissions}
    capacity.pools = {{{80, 100, 20, 30}, {55, 70, 15, 25}, {0, 0, 0, 0}}, {{85, 90, 5, 20}, {75, 80, 5, 40}, {0, 0, 0, 0}}};
    // units: {occupied, capacity}
    capacity.units = {{{80, 100}, {45, 50}, {10, 20}, {0, 0}}, {{85, 90}, {50, 50}, {20, 20}, {5, 10}}};
    demand.base_year = 2024;
    p.operating_fixed_yuan_per_bed_year = {20000, 30000, 35000};
    p.operating_yuan_per_resident_year = {1000, 2000, 0};
    p.subsidy_yuan_per_new_bed = {500, 2000, 0};
    p.subsidy_yuan_per_occupied_bed_year = {0, 1200, 0};
    p.project_ownership = {1, 0};  // P1 private, P2 public
  }
  money::MoneyInputs inputs() const { return {model, capacity, supply, nullptr, nullptr, demand, setting, {}}; }
};

}  // namespace

TEST_CASE("subsidies add up per rule: each rule is its quantity times its rate, paid to the owners") {
  Fixture f;
  const auto r = money::compute_money(f.inputs(), f.p);
  REQUIRE(r.years.size() == 2);
  const auto& y24 = r.years[0];
  const auto& y25 = r.years[1];
  // 2024: P1 opens 20 private beds: 20 x 2,000 = 40,000 yuan once.
  CHECK(y24.new_beds[1] == 20);
  CHECK(y24.subsidy[0] == doctest::Approx(40000));
  // Occupied private bed-years: F2 45 + P1's 10 = 55; x 1,200 = 66,000 yuan.
  CHECK(y24.occupied_bed_years[1] == doctest::Approx(55));
  CHECK(y24.occupied_bed_years[0] == doctest::Approx(80));
  CHECK(y24.subsidy[1] == doctest::Approx(66000));
  CHECK(y24.subsidy_by_owner[1] == doctest::Approx(106000));
  CHECK(y24.subsidy_by_owner[0] == 0);
  // 2025: P2 converts 10 beds, public: 10 x 500 = 5,000; occupied private 50 + 20 = 70: 84,000.
  CHECK(y25.new_beds[0] == 10);
  CHECK(y25.new_beds[1] == 0);
  CHECK(y25.subsidy[0] == doctest::Approx(5000));
  CHECK(y25.subsidy[1] == doctest::Approx(84000));
  CHECK(y25.occupied_bed_years[0] == doctest::Approx(90));  // F1 85 + P2's 5
  // No childcare: its rules pay nothing.
  CHECK(y25.subsidy[2] == 0);
  CHECK(y25.subsidy[3] == 0);

  SUBCASE("childcare places: once per new place and per enrolled child-year") {
    supply::ChildcareSupply childcare;
    childcare.projects = {{"C1", 2024, 0, 100, 200.0}};  // opens 2025
    f.p.subsidy_yuan_per_new_childcare_place = 10000;
    f.p.subsidy_yuan_per_childcare_child_year = 3000;
    supply::ChildcareResult places(2, std::vector<supply::ChildcarePoolYear>(2));
    places[1][0].mean_enrolled = 40;
    places[1][1].mean_enrolled = 30;
    places[1][0].admitted = 25;
    places[1][1].admitted = 20;
    places[1][1].transfers = 8;  // moved up from the band below: served already
    money::MoneyInputs in = f.inputs();
    in.childcare = &places;
    in.childcare_supply = &childcare;
    const auto c = money::compute_money(in, f.p);
    CHECK(c.years[1].new_childcare_places == 100);
    CHECK(c.years[1].subsidy[2] == doctest::Approx(1000000));  // 100 x 10,000
    CHECK(c.years[1].subsidy[3] == doctest::Approx(210000));   // (40 + 30) x 3,000
    CHECK(c.years[0].subsidy[2] == 0);
    CHECK(c.years[1].capital_by_project.back() == doctest::Approx(2000000));
    // Persons served: bed admissions 20 + 40, children newly enrolled 25 + (20 - 8).
    CHECK(c.years[1].persons_served == doctest::Approx(60 + 37));
  }
}

TEST_CASE("operating cost is open beds x fixed cost + residents x cost per resident, by bed type and ownership") {
  Fixture f;
  const auto r = money::compute_money(f.inputs(), f.p);
  const auto& y = r.years[0];
  CHECK(y.operating_fixed[0] == doctest::Approx(100 * 20000.0));
  CHECK(y.operating_fixed[1] == doctest::Approx(70 * 30000.0));
  CHECK(y.operating_per_resident[0] == doctest::Approx(80 * 1000.0));
  CHECK(y.operating_per_resident[1] == doctest::Approx(55 * 2000.0));
  // Public: F1 100 x 20,000 + 80 x 1,000; private: F2 50 x 30,000 + 45 x 2,000 and P1 20 x 30,000 + 10 x 2,000.
  CHECK(y.operating[0] == doctest::Approx(2080000));
  CHECK(y.operating[1] == doctest::Approx(1590000 + 620000));
  CHECK(y.operating[2] == 0);
  CHECK(y.persons_served == doctest::Approx(55));
}

TEST_CASE("who pays: the budget's shares of cost plus the subsidies it does not pay to itself") {
  Fixture f;
  const auto r = money::compute_money(f.inputs(), f.p);
  const auto& y = r.years[0];
  // 2024: P1's 4,000,000 yuan of capital is private (share 0); operating: public 2,080,000 (share 1),
  // private 2,210,000 (share 0); subsidies to the private owner 106,000, all public money.
  CHECK(y.capital[1] == doctest::Approx(4000000));
  CHECK(y.public_spending == doctest::Approx(2080000 + 106000));
  CHECK(y.private_spending == doctest::Approx(4000000 + 4290000 - 2186000));
  // 2025: P2's 1,000,000 yuan capital public; the 5,000 yuan subsidy to a public bed is a transfer within the budget.
  const auto& z = r.years[1];
  const double public_operating = 90 * 20000.0 + 85 * 1000.0 + 10 * 30000.0 + 5 * 2000.0;
  CHECK(z.operating[0] == doctest::Approx(public_operating));
  CHECK(z.public_spending == doctest::Approx(1000000 + public_operating + 84000));
  SUBCASE("public_built_private_run pays nothing of operating cost by default; a share of 0.5 counts half") {
    f.p.public_share_operating[0] = 0.5;
    const auto half = money::compute_money(f.inputs(), f.p);
    CHECK(half.years[0].public_spending == doctest::Approx(0.5 * 2080000 + 106000));
  }
}

TEST_CASE("long-term-care insurance: users by care state and setting, the fund's outlay and outlay per insured person") {
  Fixture f;
  f.setting.by_state = {{{0.90, 0.05, 0.05}, {0.70, 0.10, 0.20}, {0.50, 0.10, 0.40}}};
  f.setting.dementia = {0.40, 0.10, 0.50};
  f.demand.care_need.base_year = 2024;
  f.demand.care_need.years.resize(2);
  f.demand.care_need.years[0].stock_total = {{{1000, 200, 100}, {0, 10, 20}}};  // [flag][state]
  f.demand.total_population = {10000, 10000};
  // Residents: general 40 (50 sought), nursing 60 (80 sought), dementia 15 (15 sought).
  f.capacity.pools[0] = {{40, 100, 60, 0}, {60, 70, 10, 0}, {15, 15, 0, 0}};
  money::LtcInsurance ltc;
  ltc.insured_share = 0.8;
  ltc.benefit_yuan_per_user_year = {{{0, 0, 0}, {6000, 8000, 10000}, {12000, 15000, 20000}}};
  f.p.ltc = ltc;
  const auto r = money::compute_money(f.inputs(), f.p);
  const auto& u = r.years[0].users;
  // Home: demand's home + the bed seekers without a bed (self-caring 10, partly 10, fully 10).
  CHECK(u[0][0] == doctest::Approx(900 + 10));
  CHECK(u[1][0] == doctest::Approx(140 + 4 + 10));
  CHECK(u[2][0] == doctest::Approx(50 + 8 + 10));
  CHECK(u[1][1] == doctest::Approx(20 + 1));
  CHECK(u[2][1] == doctest::Approx(10 + 2));
  // Institution: nursing 60 split 40:40 by state; dementia 15 split 5:10.
  CHECK(u[0][2] == doctest::Approx(40));
  CHECK(u[1][2] == doctest::Approx(30 + 5));
  CHECK(u[2][2] == doctest::Approx(30 + 10));
  // Outlay: 0.8 x (154 x 6,000 + 68 x 12,000 + 21 x 8,000 + 12 x 15,000 + 35 x 10,000 + 40 x 20,000).
  double outlay = 0;
  for (const auto& row : r.years[0].outlay)
    for (double v : row) outlay += v;
  CHECK(outlay == doctest::Approx(0.8 * 3238000));
  CHECK(r.years[0].insured == doctest::Approx(8000));
  const ResultGroup g = money::money_series(r, f.p);
  const auto series = [&](const char* name) {
    return std::find_if(g.series.begin(), g.series.end(), [&](const ResultSeries& s) { return s.name == name; });
  };
  REQUIRE(series("ltc_outlay_per_insured_yuan") != g.series.end());
  CHECK(series("ltc_outlay_per_insured_yuan")->values[0] == doctest::Approx(0.8 * 3238000 / 8000));
  CHECK(series("n_ltc_beneficiaries")->values[0] == doctest::Approx(0.8 * 330));
  CHECK(series("new_ltc_outlay_wan_yuan")->values[0] == doctest::Approx(0.8 * 323.8));
  SUBCASE("insured as a share of persons aged 15+") {
    f.p.ltc->base = money::InsuredBase::age_15_plus;
    money::MoneyInputs in = f.inputs();
    in.age_15_plus = {8500, 8400};
    CHECK(money::compute_money(in, f.p).years[0].insured == doctest::Approx(0.8 * 8500));
  }
}

TEST_CASE("the money group: units on every series, 10,000 yuan for flows of money, cumulative sums") {
  Fixture f;
  const auto r = money::compute_money(f.inputs(), f.p);
  const ResultGroup g = money::money_series(r, f.p);
  CHECK(g.name == "money");
  for (const ResultSeries& s : g.series) {
    CHECK_MESSAGE(!s.units.empty(), s.name);
    CHECK_MESSAGE(s.dimensions.front() == "capacity_year", s.name);
  }
  const auto find = [&](const char* name) {
    return *std::find_if(g.series.begin(), g.series.end(), [&](const ResultSeries& s) { return s.name == name; });
  };
  CHECK(find("cum_capital_cost_wan_yuan").values == std::vector<double>{400.0, 500.0});
  CHECK(find("new_subsidy_wan_yuan").values[0] == doctest::Approx(4.0));  // per_new_bed, 2024
  CHECK(find("new_subsidy_wan_yuan").values[1] == doctest::Approx(6.6));  // per_occupied_bed_year, 2024
  CHECK(find("cum_subsidy_wan_yuan").values[1] == doctest::Approx(10.6 + 8.9));
  CHECK(find("public_cost_per_person_served_yuan").values[0] == doctest::Approx(2186000.0 / 55));
  CHECK(std::none_of(g.series.begin(), g.series.end(), [](const ResultSeries& s) { return s.name == "n_ltc_insured"; }));
}
