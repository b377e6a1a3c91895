// carecap. SPDX-License-Identifier: MIT
// The childcare simulation (models/supply/ChildcareSimulation.cpp): applications month by month,
// places by month band, children moving up the bands and ageing out at 36 months.
#include "models/supply/ChildcareSimulation.hpp"

#include <doctest/doctest.h>

#include <cmath>

#include "models/supply/ChildcareInputs.hpp"
#include "models/supply/ChildcareRecorder.hpp"

using namespace carecap::supply;

namespace {

/// A demand of `wanted` places in each band 6-12, 13-24, 25-36 months (none under 6 months),
/// constant over `years` years from 2024.
carecap::demand::DemandResult constant_demand(double wanted, int years) {
  carecap::demand::DemandResult d;
  d.base_year = 2024;
  for (int y = 0; y < years; ++y) {
    carecap::demand::ChildcareYear c;
    c.places = {0.0, wanted * 0.5, wanted, wanted};  // a band of half a year holds half as many children
    d.childcare.push_back(c);
  }
  return d;
}

/// One region with `places` places in every band, no projects.
ChildcareSupply one_town(std::int64_t places) {
  ChildcareSupply s;
  ChildcareProvider p;
  p.id = "P";
  p.places = {0, places / 2, places, places};
  p.opens = 2000;
  s.providers = {p};
  return s;
}

std::vector<std::vector<ChildcarePoolYear>> simulate(const ChildcareModel& m, std::uint64_t seed = 3) {
  ChildcareRecorder recorder(m.first_year, 4 * static_cast<int>(m.regions.size()));
  ChildcareSimulation(m, carecap::sim::RandomStreams(seed), 0, recorder).run();
  return recorder.take_result();
}

}  // namespace

TEST_CASE("with places to spare, enrolment in each band follows the places wanted") {
  // 400 places wanted in 13-24 and 25-36 months, 200 in 6-12; 10 000 places each: after the first
  // years' build-up (starting empty), the mean enrolment of years 3-7 is within 4% of the places
  // wanted (year-to-year Poisson noise is about 5%).
  const auto demand = constant_demand(400, 8);
  const ChildcareModel m = build_childcare_model(one_town(10000), {"town"}, {1.0}, 1, 2031, demand);
  const auto years = simulate(m);
  for (int band = 1; band < 4; ++band) {
    CAPTURE(band);
    double enrolled = 0;
    for (std::size_t y = 3; y < 8; ++y) enrolled += years[y][static_cast<std::size_t>(band)].mean_enrolled / 5;
    CHECK(enrolled == doctest::Approx(band == 1 ? 200 : 400).epsilon(0.04));
  }
  SUBCASE("children move up the bands and age out of care from the last") {
    const auto& y = years[6];
    CHECK(y[2].transfers == doctest::Approx(y[1].outgrew).epsilon(0.001));  // those outgrowing 6-12 apply for 13-24
    CHECK(y[3].outgrew > 0);                                                // 36 months: out of care
    CHECK(y[3].gave_up == 0);
  }
}

TEST_CASE("applications peak in September as the month weights say") {
  // Weights 1 in every month but September (4): September has 4/15 of the year's applications.
  ChildcareSupply supply = one_town(0);
  const auto demand = constant_demand(3000, 3);
  ChildcareModel m = build_childcare_model(supply, {"town"}, {1.0}, 1, 2026, demand);
  const double september = m.applications_per_month[2][8], january = m.applications_per_month[2][0];
  CHECK(september / january == doctest::Approx(4.0));
  const auto years = simulate(m);
  double applications = 0, expected = 0;
  for (const auto& y : years) applications += y[2].applications;
  for (double rate : m.applications_per_month[2]) expected += rate / 12.0;  // Poisson mean over the 3 years
  CHECK(std::abs(applications - expected) <= 4 * std::sqrt(expected));
}

TEST_CASE("without places children wait, give up, or outgrow the band while waiting") {
  ChildcareSupply supply = one_town(0);
  const auto demand = constant_demand(300, 3);
  const ChildcareModel m = build_childcare_model(supply, {"town"}, {1.0}, 1, 2026, demand);
  const auto years = simulate(m);
  CHECK(years[1][2].admitted == 0);
  CHECK(years[1][2].gave_up > 0);
  CHECK(years[1][2].mean_waiting > 0);
  SUBCASE("places opened by a project take the waiting children at once") {
    ChildcareSupply with_project = supply;
    with_project.projects = {{"1", 2024, 0, 200, 500}};  // opens 1 January 2025, split by the band shares
    const auto opened = simulate(build_childcare_model(with_project, {"town"}, {1.0}, 1, 2026, demand));
    CHECK(opened[1][2].admitted > 0);
    CHECK(opened[1][2].mean_places == doctest::Approx(std::llround(200 * 0.35)));
  }
}

TEST_CASE("a project's places split by band add up to the places it states") {
  // 110 places at 0.2 / 0.35 / 0.45 are 22, 38.5 and 49.5: largest remainders give the half
  // place to the earlier band, 22 + 39 + 49 = 110 (plain rounding would make 111).
  ChildcareSupply supply = one_town(0);
  supply.projects = {{"1", 2024, 0, 110, 220}};
  const ChildcareModel m = build_childcare_model(supply, {"town"}, {1.0}, 1, 2026, constant_demand(10, 3));
  std::array<std::int64_t, 4> band{};
  for (const auto& change : m.places) band[static_cast<std::size_t>(change.band)] += change.places;
  CHECK(band == std::array<std::int64_t, 4>{0, 22, 39, 49});
  CHECK(childcare_places_open(supply, 1, 2024, false) == 0);    // opens 1 January 2025
  CHECK(childcare_places_open(supply, 1, 2025, false) == 110);
  CHECK(childcare_places_open(supply, 1, 2025, true) == 110);   // the plan's places count as affordable
  supply.projects_affordable = false;
  CHECK(childcare_places_open(supply, 1, 2025, true) == 0);
}

TEST_CASE("children enrolled at the start take a share of their band's places, at most all") {
  ChildcareSupply supply = one_town(100);  // 50, 100, 100 places at 6-12, 13-24, 25-36 months
  supply.initial_enrolled = {0, 80, 60, 250};
  const ChildcareModel m = build_childcare_model(supply, {"town"}, {1.0}, 1, 2026, constant_demand(10, 3));
  CHECK(m.initial_enrolled_share == std::vector<double>{0.0, 1.0, 0.6, 1.0});
  ChildcareRecorder recorder(m.first_year, 4);
  ChildcareSimulation(m, carecap::sim::RandomStreams(5), 0, recorder).run();
  const auto years = recorder.take_result();
  CHECK(years[0][3].mean_enrolled <= 100.0);
  CHECK(years[0][3].mean_enrolled > 50.0);  // full on 1 January; children age out over the year as others apply
}
