// carecap. SPDX-License-Identifier: MIT
// Hand-computable cases of the demand models (models/demand/).
#include "models/demand/DemandModel.hpp"

#include <doctest/doctest.h>

#include <cmath>

#include "TestSupport.hpp"
#include "models/demography/Projection.hpp"
#include "models/demography/ProjectionRecorder.hpp"
#include "models/demography/ProjectionRun.hpp"
#include "scenarios/loader/ScenarioLoader.hpp"

using namespace carecap::demand;
using carecap::demography::AgeSexTable;
using carecap::demography::kOpenAge;
using carecap::demography::ProjectionResult;
using carecap::demography::Sex;
using carecap::testing::flat_year;

namespace {

/// A projection of `base` over `years` years with every survival ratio `survival`, no births,
/// no migration.
ProjectionResult flat_projection(const AgeSexTable& base, int years, double survival) {
  std::vector<carecap::demography::YearRates> rates;
  for (int y = 0; y < years; ++y) rates.push_back(flat_year(2024 + y, survival));
  carecap::demography::ProjectionRecorder recorder;
  carecap::demography::project_deterministic(base, {2024, rates}, recorder);
  return recorder.take_result();
}

/// Prevalence with the same shares at every elderly age and sex.
CarePrevalence flat_prevalence(double self_caring, double partly, double fully, double dementia) {
  CarePrevalence p;
  for (Sex sex : carecap::demography::kSexes)
    for (int a = 0; a <= kOpenAge; ++a) {
      p.state_share[0][sex][a] = self_caring;
      p.state_share[1][sex][a] = partly;
      p.state_share[2][sex][a] = fully;
      p.dementia_share[sex][a] = dementia;
    }
  return p;
}

/// Transitions with probability[from][to] the same at every age and sex.
CareTransitions flat_transitions(const std::array<std::array<double, 3>, 3>& matrix, double dementia_incidence) {
  CareTransitions t;
  for (int from = 0; from < 3; ++from)
    for (int to = 0; to < 3; ++to)
      for (Sex sex : carecap::demography::kSexes) t.probability[from][to][sex].fill(matrix[from][to]);
  for (Sex sex : carecap::demography::kSexes) t.dementia_incidence[sex].fill(dementia_incidence);
  return t;
}

/// Flow groups: the three care states, then dementia.
std::vector<CellWeights> state_groups() {
  std::vector<CellWeights> groups(4, CellWeights{});
  for (int f = 0; f < 2; ++f)
    for (int s = 0; s < 3; ++s) {
      groups[static_cast<std::size_t>(s)][f][s] = 1.0;
      groups[3][f][s] = f;
    }
  return groups;
}

double state_total(const CareCells& cells, int state) { return cell_total(cells, 0, state) + cell_total(cells, 1, state); }

}  // namespace

TEST_CASE("prevalence mode multiplies the elders of each age by the prevalence") {
  // 1 000 women aged 70 on 1 Jan 2024, nobody dies: 1 000 aged 70-71 all year.
  // Shares 0.7 / 0.2 / 0.1, dementia 0.05 (independent of the state).
  AgeSexTable base;
  base[Sex::female][70] = 1000;
  ElderCareParameters p;
  p.prevalence = flat_prevalence(0.7, 0.2, 0.1, 0.05);
  const CareNeedResult need = project_care_need(flat_projection(base, 2, 1.0), p, state_groups());
  const CareNeedYear& y = need.years[0];
  CHECK(state_total(y.stock, 0) == doctest::Approx(700));
  CHECK(state_total(y.stock, 1) == doctest::Approx(200));
  CHECK(state_total(y.stock, 2) == doctest::Approx(100));
  CHECK(cell_total(y.stock, 1, 1) == doctest::Approx(200 * 0.05));  // partly disabled with dementia

  SUBCASE("the setting probabilities turn states into beds, day-care places and care workers") {
    DemandParameters d;
    d.elder_care = p;
    d.care_setting.by_state = {SettingChoice{0.9, 0.1, 0.0}, SettingChoice{0.8, 0.1, 0.1}, SettingChoice{0.6, 0.1, 0.3}};
    d.care_setting.dementia = {0.5, 0.2, 0.3};
    const DemandResult r = compute_demand(flat_projection(base, 2, 1.0), d);
    // general beds: self-caring without dementia 700 x 0.95 x 0 = 0
    // nursing beds: partly 200 x 0.95 x 0.1 + fully 100 x 0.95 x 0.3 = 19 + 28.5 = 47.5
    // dementia beds: 1 000 x 0.05 x 0.3 = 15
    CHECK(r.elder[0].beds[0] == doctest::Approx(0));
    CHECK(r.elder[0].beds[1] == doctest::Approx(47.5));
    CHECK(r.elder[0].beds[2] == doctest::Approx(15));
    // day care: 950 x 0.1 + 50 x 0.2 = 105
    CHECK(r.elder[0].day_care == doctest::Approx(105));
    // care workers 1:10, 1:6, 1:3 by state of the residents, 1:3 for residents with dementia:
    // partly 19 / 6 + fully 28.5 / 3 + dementia 15 / 3
    CHECK(r.elder[0].care_workers == doctest::Approx(19.0 / 6 + 28.5 / 3 + 15.0 / 3));
  }
}

TEST_CASE("an identity transition matrix keeps a cohort's state shares fixed apart from mortality") {
  // 1 000 men aged 70, survival 0.9 a year; prevalence 0.7 / 0.2 / 0.1 at entry; the prevalence
  // of older bands is irrelevant in transition mode.
  AgeSexTable base;
  base[Sex::male][70] = 1000;
  ElderCareParameters p;
  p.prevalence = flat_prevalence(0.7, 0.2, 0.1, 0.0);
  p.transitions = flat_transitions({{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}}, 0.0);
  const ProjectionResult population = flat_projection(base, 5, 0.9);

  SUBCASE("with equal death risks the shares stay exactly as they were") {
    p.mortality_relative_risk = {1, 1, 1};
    const CareNeedResult need = project_care_need(population, p, state_groups());
    for (const auto& year : need.years) {
      const double all = state_total(year.stock, 0) + state_total(year.stock, 1) + state_total(year.stock, 2);
      CHECK(state_total(year.stock, 1) / all == doctest::Approx(0.2));
      CHECK(state_total(year.stock, 2) / all == doctest::Approx(0.1));
      CHECK(year.entrants[1] == doctest::Approx(0));  // nobody changes state
    }
  }
  SUBCASE("with relative risks 1 : 2 : 4 the disabled die faster and the cohort keeps its deaths") {
    // Year 1: q = 0.1; mean risk 0.7 + 0.4 + 0.4 = 1.5; q = 0.0667, 0.1333, 0.2667 by state.
    // Survivors 653.33, 173.33, 73.33 = 900 (the projection's survivors).
    p.mortality_relative_risk = {1, 2, 4};
    const CareNeedResult need = project_care_need(population, p, state_groups());
    // 1 July 2024 is the mean of 1 Jan 2024 (700, 200, 100) and 1 Jan 2025.
    CHECK(state_total(need.years[0].stock, 0) == doctest::Approx(0.5 * (700 + 700 * (1 - 0.1 / 1.5))));
    CHECK(state_total(need.years[0].stock, 2) == doctest::Approx(0.5 * (100 + 100 * (1 - 0.4 / 1.5))));
    const double jan2025 = 2 * state_total(need.years[0].stock, 0) - 700 + 2 * state_total(need.years[0].stock, 1) - 200 +
                           2 * state_total(need.years[0].stock, 2) - 100;
    CHECK(jan2025 == doctest::Approx(900));
  }
}

TEST_CASE("an absorbing state fills up at the transition rate") {
  // Everyone starts self-caring; each year 10% of the self-caring become fully disabled, who never
  // recover; nobody dies. After k years the self-caring share is 0.9^k, and the entrants into
  // full disability in year k are 1 000 x 0.9^(k-1) x 0.1.
  AgeSexTable base;
  base[Sex::female][65] = 1000;
  ElderCareParameters p;
  p.prevalence = flat_prevalence(1.0, 0.0, 0.0, 0.0);
  p.transitions = flat_transitions({{{0.9, 0, 0.1}, {0, 1, 0}, {0, 0, 1}}}, 0.0);
  const CareNeedResult need = project_care_need(flat_projection(base, 6, 1.0), p, state_groups());
  for (int k = 1; k <= 6; ++k) {
    CAPTURE(k);
    const auto& year = need.years[k - 1];
    // 1 July of year k: the mean of 0.9^(k-1) and 0.9^k.
    CHECK(state_total(year.stock, 0) == doctest::Approx(1000 * 0.5 * (std::pow(0.9, k - 1) + std::pow(0.9, k))));
    CHECK(year.entrants[2] == doctest::Approx(1000 * std::pow(0.9, k - 1) * 0.1));
  }
  SUBCASE("dementia incidence moves survivors into the dementia flag at its rate") {
    p.transitions = flat_transitions({{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}}, 0.05);
    const CareNeedResult with_dementia = project_care_need(flat_projection(base, 3, 1.0), p, state_groups());
    // 1 Jan after 3 years: 1 - 0.95^3 have dementia; 1 July of the third year: mean of 2 and 3 years.
    CHECK(cell_total(with_dementia.years[2].stock, 1, 0) ==
          doctest::Approx(1000 * 0.5 * ((1 - std::pow(0.95, 2)) + (1 - std::pow(0.95, 3)))));
    // Onsets are entrants into dementia, not into a care state: everyone stays self-caring.
    CHECK(with_dementia.years[2].entrants[3] == doctest::Approx(1000 * std::pow(0.95, 2) * 0.05));
    CHECK(with_dementia.years[2].entrants[0] == doctest::Approx(0));
  }
}

TEST_CASE("cohorts reaching the first elderly age enter with the prevalence of that age") {
  // 1 000 men aged 59 on 1 Jan 2024 are 60 on 1 Jan 2025: 1 July 2024 counts 500 elders.
  AgeSexTable base;
  base[Sex::male][59] = 1000;
  ElderCareParameters p;
  p.prevalence = flat_prevalence(0.9, 0.08, 0.02, 0.0);
  const CareNeedResult need = project_care_need(flat_projection(base, 1, 1.0), p, state_groups());
  CHECK(state_total(need.years[0].stock, 0) == doctest::Approx(450));
  CHECK(need.years[0].entrants[1] == doctest::Approx(80));
}

TEST_CASE("month bands add up to the 0-2 population, split by births in each half-year") {
  // Reference: the China scenario (WPP 2024 inputs). Bands 0-5 and 6-12 share age 0 in proportion
  // to births in January-June of the year and July-December of the year before (even months).
  const auto scenario = carecap::scenarios::load_scenario("scenarios/china.toml");
  const ProjectionResult r = carecap::demography::run_projection(scenario.projection, scenario.run, 1).front();
  const ChildcareParameters childcare;
  for (int t = 0; t < r.year_count(); ++t) {
    CAPTURE(t);
    const auto bands = children_by_month_band(r, childcare, t);
    CHECK(bands[0] + bands[1] + bands[2] + bands[3] == doctest::Approx(r.population_jul1[t].sum_both(0, 2)));
    CHECK(bands[2] == doctest::Approx(r.population_jul1[t].sum_both(1, 1)));
    if (t > 0) {
      const double now = r.births[t].sum_both(), before = r.births[t - 1].sum_both();
      CHECK(bands[0] / (bands[0] + bands[1]) == doctest::Approx(now / (now + before)));
    }
  }
}

TEST_CASE("childcare places follow wish and uptake, and carers follow the class ratios") {
  // 300 children aged 1 on 1 Jan 2024, nobody dies or is born: on 1 July 150 are in months 13-24
  // and 150 in 25-36. Wish 1/3; half at the affordable price taken up fully, half at market price
  // taken up by half: places = 150 x 1/3 x (0.5 + 0.25) = 37.5 per band.
  // Carers: 37.5 / 5 + 37.5 / 7.
  AgeSexTable base;
  base[Sex::female][1] = 300;
  DemandParameters d;
  d.elder_care.prevalence = flat_prevalence(1, 0, 0, 0);
  d.care_setting.by_state = {SettingChoice{1, 0, 0}, SettingChoice{1, 0, 0}, SettingChoice{1, 0, 0}};
  d.care_setting.dementia = {1, 0, 0};
  d.childcare.uptake_market = 0.5;
  const DemandResult r = compute_demand(flat_projection(base, 1, 1.0), d);
  CHECK(r.childcare[0].children[2] == doctest::Approx(150));
  CHECK(r.childcare[0].children[3] == doctest::Approx(150));
  CHECK(r.childcare[0].places[2] == doctest::Approx(37.5));
  CHECK(r.childcare[0].affordable_places[3] == doctest::Approx(25));
  CHECK(r.childcare[0].carers == doctest::Approx(37.5 / 5 + 37.5 / 7));
}

TEST_CASE("a cohort's deaths are shared out by relative risk and add up to the projection's, even when a cell dies out") {
  // 700 self-caring, 200 partly and 100 fully disabled; risks 1 : 2 : 4; 800 deaths.
  // Uncapped k = 800 / (700 + 400 + 400) gives q = 1.07 and 2.13 for the disabled: both die out,
  // and the remaining 500 deaths fall on the self-caring: 200 survive.
  const CellCounts start{{{700, 200, 100}, {0, 0, 0}}};
  const CellCounts risk{{{1, 2, 4}, {2, 4, 8}}};
  const CellCounts alive = share_out_deaths(start, 800, risk);
  CHECK(alive[0][0] == doctest::Approx(200));
  CHECK(alive[0][1] == 0);
  CHECK(alive[0][2] == 0);
  SUBCASE("without a cap the deaths follow the risks") {
    // 150 deaths: k = 0.1, q = 0.1, 0.2, 0.4: survivors 630, 160, 60 (total 850).
    const CellCounts light = share_out_deaths(start, 150, risk);
    CHECK(light[0][0] == doctest::Approx(630));
    CHECK(light[0][1] == doctest::Approx(160));
    CHECK(light[0][2] == doctest::Approx(60));
  }
}

TEST_CASE("a group's entrants count only the rise in each mover's weight, not people already in it") {
  // 1 000 partly disabled aged 70, nobody dies; half become fully disabled in a year. With weights
  // 0.1 (partly) and 0.3 (fully) - institution probabilities - the new bed demand is
  // 500 x (0.3 - 0.1) = 100, not 500 x 0.3.
  AgeSexTable base;
  base[Sex::male][70] = 1000;
  ElderCareParameters p;
  p.prevalence = flat_prevalence(0.0, 1.0, 0.0, 0.0);
  p.transitions = flat_transitions({{{1, 0, 0}, {0, 0.5, 0.5}, {0, 0, 1}}}, 0.0);
  CellWeights beds{};
  beds[0] = {0.0, 0.1, 0.3};
  const CareNeedResult need = project_care_need(flat_projection(base, 1, 1.0), p, {beds});
  CHECK(need.years[0].entrants[0] == doctest::Approx(100));
}

TEST_CASE("uneven births over the months move age 0 between the 0-5 and 6-12 month bands") {
  // 600 children aged 0 on 1 January (300 on 1 July) and births of 100 in the year and the year
  // before. With all births in January-June nobody aged 0 on 1 July was born July-December.
  AgeSexTable base;
  base[Sex::female][0] = 600;
  ChildcareParameters childcare;
  childcare.births_by_month = {1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0};
  auto r = flat_projection(base, 1, 1.0);
  r.births[0][Sex::female][30] = 100;
  const auto bands = children_by_month_band(r, childcare, 0);
  CHECK(bands[0] == doctest::Approx(300));
  CHECK(bands[1] == doctest::Approx(0));
  SUBCASE("with three times as many births a month in January-June, 3/4 of age 0 is in months 0-5") {
    childcare.births_by_month = {3, 3, 3, 3, 3, 3, 1, 1, 1, 1, 1, 1};
    const auto split = children_by_month_band(r, childcare, 0);
    CHECK(split[0] == doctest::Approx(225));
    CHECK(split[1] == doctest::Approx(75));
  }
}
