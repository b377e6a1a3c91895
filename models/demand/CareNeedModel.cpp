// carecap. SPDX-License-Identifier: MIT
#include "models/demand/CareNeedModel.hpp"

#include <algorithm>

namespace carecap::demand {
namespace {

using demography::kOpenAge;
using demography::Sex;

/// Persons in each cell at one age.
using CellCounts = std::array<std::array<double, kCareStateCount>, kDementiaFlagCount>;

CellCounts cells_at(const CareCells& cells, Sex sex, int age) {
  CellCounts c{};
  for (int f = 0; f < kDementiaFlagCount; ++f)
    for (int s = 0; s < kCareStateCount; ++s) c[f][s] = cells[f][s][sex][age];
  return c;
}

void store(CareCells& cells, Sex sex, int age, const CellCounts& c) {
  for (int f = 0; f < kDementiaFlagCount; ++f)
    for (int s = 0; s < kCareStateCount; ++s) cells[f][s][sex][age] = c[f][s];
}

/// Persons of one age distributed by the prevalence (dementia independent of the state).
CellCounts by_prevalence(const CarePrevalence& prevalence, Sex sex, int age, double persons) {
  CellCounts c{};
  const double dementia = prevalence.dementia_share[sex][age];
  for (int s = 0; s < kCareStateCount; ++s) {
    const double in_state = persons * prevalence.state_share[s][sex][age];
    c[0][s] = in_state * (1.0 - dementia);
    c[1][s] = in_state * dementia;
  }
  return c;
}

double total(const CellCounts& c) {
  double sum = 0.0;
  for (const auto& flag : c)
    for (double v : flag) sum += v;
  return sum;
}

/// Survivors of each cell when the cohort loses `deaths`, shared out by relative risk.
CellCounts survivors(const CellCounts& start, double deaths, const ElderCareParameters& p) {
  const double persons = total(start);
  CellCounts out = start;
  if (persons <= 0.0) return out;
  double weighted = 0.0;
  for (int f = 0; f < kDementiaFlagCount; ++f)
    for (int s = 0; s < kCareStateCount; ++s)
      weighted += start[f][s] * p.mortality_relative_risk[s] * (f ? p.dementia_mortality_relative_risk : 1.0);
  const double q = std::clamp(deaths / persons, 0.0, 1.0);
  for (int f = 0; f < kDementiaFlagCount; ++f)
    for (int s = 0; s < kCareStateCount; ++s) {
      const double risk = p.mortality_relative_risk[s] * (f ? p.dementia_mortality_relative_risk : 1.0);
      const double q_cell = weighted > 0.0 ? std::min(1.0, q * risk * persons / weighted) : q;
      out[f][s] = start[f][s] * (1.0 - q_cell);
    }
  return out;
}

/// Transition mode: survivors move between states, then acquire dementia. Returns the cells at
/// year end; `stayers` receives those who stayed in their cell.
CellCounts transition(const CellCounts& alive, const CareTransitions& t, Sex sex, int age, CellCounts& stayers) {
  CellCounts out{};
  for (int f = 0; f < kDementiaFlagCount; ++f)
    for (int from = 0; from < kCareStateCount; ++from)
      for (int to = 0; to < kCareStateCount; ++to) out[f][to] += alive[f][from] * t.probability[from][to][sex][age];
  const double incidence = t.dementia_incidence[sex][age];
  for (int s = 0; s < kCareStateCount; ++s) {
    stayers[0][s] = alive[0][s] * t.probability[s][s][sex][age] * (1.0 - incidence);
    stayers[1][s] = alive[1][s] * t.probability[s][s][sex][age];
    const double moved = out[0][s] * incidence;
    out[0][s] -= moved;
    out[1][s] += moved;
  }
  return out;
}

}  // namespace

CareNeedResult project_care_need(const demography::ProjectionResult& population, const ElderCareParameters& p) {
  CareNeedResult result;
  result.base_year = population.base_year;
  const int first = p.first_age;
  CareCells jan1{};
  for (Sex sex : demography::kSexes)
    for (int age = first; age <= kOpenAge; ++age)
      store(jan1, sex, age, by_prevalence(p.prevalence, sex, age, population.population_jan1[0][sex][age]));

  for (int t = 0; t < population.year_count(); ++t) {
    const auto& next_population = population.population_jan1[t + 1];
    CareNeedYear year;
    CareCells next{};
    for (Sex sex : demography::kSexes) {
      // Cohorts reaching the first elderly age enter with the prevalence of that age.
      const CellCounts arriving = by_prevalence(p.prevalence, sex, first, next_population[sex][first]);
      store(next, sex, first, arriving);
      store(year.entrants, sex, first, arriving);
      for (int age = first + 1; age <= kOpenAge; ++age) {
        CellCounts start = cells_at(jan1, sex, age - 1);
        if (age == kOpenAge) {
          const CellCounts open = cells_at(jan1, sex, kOpenAge);
          for (int f = 0; f < kDementiaFlagCount; ++f)
            for (int s = 0; s < kCareStateCount; ++s) start[f][s] += open[f][s];
        }
        const CellCounts alive = survivors(start, population.deaths[t][sex][age], p);
        CellCounts end{}, entrants{};
        if (p.transitions) {
          CellCounts stayers{};
          end = transition(alive, *p.transitions, sex, age - 1, stayers);
          const double alive_total = total(end);
          const double scale = alive_total > 0.0 ? next_population[sex][age] / alive_total : 0.0;
          for (int f = 0; f < kDementiaFlagCount; ++f)
            for (int s = 0; s < kCareStateCount; ++s) {
              entrants[f][s] = std::max(0.0, end[f][s] - stayers[f][s]);
              end[f][s] *= scale;
            }
          if (alive_total <= 0.0) end = by_prevalence(p.prevalence, sex, age, next_population[sex][age]);
        } else {
          end = by_prevalence(p.prevalence, sex, age, next_population[sex][age]);
          for (int f = 0; f < kDementiaFlagCount; ++f)
            for (int s = 0; s < kCareStateCount; ++s) entrants[f][s] = std::max(0.0, end[f][s] - alive[f][s]);
        }
        store(next, sex, age, end);
        store(year.entrants, sex, age, entrants);
      }
    }
    for (int f = 0; f < kDementiaFlagCount; ++f)
      for (int s = 0; s < kCareStateCount; ++s)
        for (Sex sex : demography::kSexes)
          for (int age = first; age <= kOpenAge; ++age)
            year.stock[f][s][sex][age] = 0.5 * (jan1[f][s][sex][age] + next[f][s][sex][age]);
    result.years.push_back(year);
    jan1 = next;
  }
  return result;
}

}  // namespace carecap::demand
