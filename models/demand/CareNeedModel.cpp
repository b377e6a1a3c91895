// carecap. SPDX-License-Identifier: MIT
#include "models/demand/CareNeedModel.hpp"

#include <algorithm>

namespace carecap::demand {
namespace {

using demography::kOpenAge;
using demography::kSexes;
using demography::Sex;

template <class F>
void for_each_cell(F&& f) {
  for (int flag = 0; flag < kDementiaFlagCount; ++flag)
    for (int state = 0; state < kCareStateCount; ++state) f(flag, state);
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
  for_each_cell([&](int f, int s) { sum += c[f][s]; });
  return sum;
}

/// Death risk of each cell relative to self-caring without dementia.
CellCounts relative_risks(const ElderCareParameters& p) {
  CellCounts risk{};
  for_each_cell([&](int f, int s) { risk[f][s] = p.mortality_relative_risk[s] * (f ? p.dementia_mortality_relative_risk : 1.0); });
  return risk;
}

/// Survivors of each cell when the cohort loses `deaths`, shared out by relative risk:
/// q_cell = q x risk / mean risk, capped at 1.
CellCounts survivors(const CellCounts& start, double deaths, const CellCounts& risk) {
  double persons = 0.0, weighted = 0.0;
  for_each_cell([&](int f, int s) {
    persons += start[f][s];
    weighted += start[f][s] * risk[f][s];
  });
  if (persons <= 0.0 || weighted <= 0.0) return start;
  const double deaths_per_risk = std::clamp(deaths, 0.0, persons) / weighted;  // q / mean risk
  CellCounts out{};
  for_each_cell([&](int f, int s) { out[f][s] = start[f][s] * (1.0 - std::min(1.0, deaths_per_risk * risk[f][s])); });
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

/// The prevalence of each cell, and the share of a cohort's deaths that falls on each cell, by
/// sex and age, laid out like CareCells (derived once per call).
struct PrevalenceWeights {
  CareCells share;        // fraction of the age in the cell
  CareCells death_share;  // share x risk / mean risk: fraction of the age's deaths in the cell
};

PrevalenceWeights prevalence_weights(const ElderCareParameters& p, const CellCounts& risk) {
  PrevalenceWeights w{CareCells(p.first_age), CareCells(p.first_age)};
  for (Sex sex : kSexes)
    for (int age = p.first_age; age <= kOpenAge; ++age) {
      const CellCounts share = by_prevalence(p.prevalence, sex, age, 1.0);
      double mean_risk = 0.0;
      for_each_cell([&](int f, int s) { mean_risk += share[f][s] * risk[f][s]; });
      CellCounts death_share{};
      for_each_cell([&](int f, int s) { death_share[f][s] = mean_risk > 0.0 ? share[f][s] * risk[f][s] / mean_risk : 0.0; });
      w.share.set_cohort(sex, age, share);
      w.death_share.set_cohort(sex, age, death_share);
    }
  return w;
}

/// Prevalence mode, cell by cell over all ages at once: stock = 1 July population x share;
/// entrants = end-of-year persons beyond the cell's survivors, where the survivors are the
/// cell's start minus its share of the cohort's deaths (never below zero).
void project_prevalence(const demography::ProjectionResult& population, const ElderCareParameters& p,
                        CareNeedResult& result) {
  const int first = p.first_age;
  const PrevalenceWeights w = prevalence_weights(p, relative_risks(p));
  for (int t = 0; t < population.year_count(); ++t) {
    CareNeedYear& year = result.years[static_cast<std::size_t>(t)];
    for (Sex sex : kSexes) {
      const double* start = population.population_jan1[t][sex].data();
      const double* end = population.population_jan1[t + 1][sex].data();
      const double* mid = population.population_jul1[t][sex].data();
      const double* deaths = population.deaths[t][sex].data();
      for_each_cell([&](int f, int s) {
        const double* share = w.share.ages(sex, f, s) - first;  // indexed by age
        const double* death_share = w.death_share.ages(sex, f, s) - first;
        double* stock = year.stock.ages(sex, f, s) - first;
        double entrants = end[first] * share[first];  // cohorts turning first_age enter whole
        double stock_total = 0.0;
        for (int age = first; age <= kOpenAge; ++age) {
          stock[age] = mid[age] * share[age];
          stock_total += stock[age];
        }
        year.stock_total[f][s] += stock_total;
        for (int age = first + 1; age < kOpenAge; ++age) {
          const double survived = std::max(0.0, start[age - 1] * share[age - 1] - deaths[age] * death_share[age - 1]);
          entrants += std::max(0.0, end[age] * share[age] - survived);
        }
        // The open interval takes the survivors of ages 99 and 100+ (same share tables at both).
        const double open_start = start[kOpenAge - 1] * share[kOpenAge - 1] + start[kOpenAge] * share[kOpenAge];
        const double open_deaths_share = start[kOpenAge - 1] + start[kOpenAge] > 0.0
                                             ? (start[kOpenAge - 1] * death_share[kOpenAge - 1] + start[kOpenAge] * death_share[kOpenAge]) /
                                                   (start[kOpenAge - 1] + start[kOpenAge])
                                             : 0.0;
        const double open_survived = std::max(0.0, open_start - deaths[kOpenAge] * open_deaths_share);
        entrants += std::max(0.0, end[kOpenAge] * share[kOpenAge] - open_survived);
        year.entrants[f][s] += entrants;
      });
    }
  }
}

/// Transition mode, cohort by cohort (see the header).
void project_transitions(const demography::ProjectionResult& population, const ElderCareParameters& p,
                         CareNeedResult& result) {
  const int first = p.first_age;
  CareCells jan1(first), next(first);
  const CellCounts risk = relative_risks(p);
  for (Sex sex : kSexes)
    for (int age = first; age <= kOpenAge; ++age)
      jan1.set_cohort(sex, age, by_prevalence(p.prevalence, sex, age, population.population_jan1[0][sex][age]));

  for (int t = 0; t < population.year_count(); ++t) {
    const auto& next_population = population.population_jan1[t + 1];
    CareNeedYear& year = result.years[static_cast<std::size_t>(t)];
    for (Sex sex : kSexes) {
      // Cohorts reaching the first elderly age enter with the prevalence of that age.
      const CellCounts arriving = by_prevalence(p.prevalence, sex, first, next_population[sex][first]);
      next.set_cohort(sex, first, arriving);
      for_each_cell([&](int f, int s) { year.entrants[f][s] += arriving[f][s]; });
      for (int age = first + 1; age <= kOpenAge; ++age) {
        CellCounts start = jan1.cohort(sex, age - 1);
        if (age == kOpenAge) {
          const CellCounts open = jan1.cohort(sex, kOpenAge);
          for_each_cell([&](int f, int s) { start[f][s] += open[f][s]; });
        }
        const CellCounts alive = survivors(start, population.deaths[t][sex][age], risk);
        CellCounts stayers{};
        CellCounts end = transition(alive, *p.transitions, sex, age - 1, stayers);
        const double alive_total = total(end);
        if (alive_total > 0.0) {
          const double scale = next_population[sex][age] / alive_total;
          for_each_cell([&](int f, int s) {
            year.entrants[f][s] += std::max(0.0, end[f][s] - stayers[f][s]);
            end[f][s] *= scale;
          });
        } else {
          end = by_prevalence(p.prevalence, sex, age, next_population[sex][age]);
        }
        next.set_cohort(sex, age, end);
      }
      for_each_cell([&](int f, int s) {
        const double* a = jan1.ages(sex, f, s);
        const double* b = next.ages(sex, f, s);
        double* mid = year.stock.ages(sex, f, s);
        for (int i = 0; i < jan1.age_count(); ++i) {
          mid[i] = 0.5 * (a[i] + b[i]);
          year.stock_total[f][s] += mid[i];
        }
      });
    }
    std::swap(jan1, next);
  }
}

}  // namespace

CellCounts CareCells::cohort(Sex sex, int age) const {
  CellCounts c{};
  for_each_cell([&](int f, int s) { c[f][s] = at(sex, f, s, age); });
  return c;
}

void CareCells::set_cohort(Sex sex, int age, const CellCounts& cells) {
  for_each_cell([&](int f, int s) { at(sex, f, s, age) = cells[f][s]; });
}

CareNeedResult project_care_need(const demography::ProjectionResult& population, const ElderCareParameters& p) {
  CareNeedResult result;
  result.base_year = population.base_year;
  result.years.reserve(static_cast<std::size_t>(population.year_count()));
  for (int t = 0; t < population.year_count(); ++t) result.years.push_back(CareNeedYear{CareCells(p.first_age), {}, {}});
  if (p.transitions)
    project_transitions(population, p, result);
  else
    project_prevalence(population, p, result);
  return result;
}

double cell_total(const CareCells& cells, int flag, int state) {
  double sum = 0.0;
  for (Sex sex : kSexes) {
    const double* ages = cells.ages(sex, flag, state);
    for (int i = 0; i < cells.age_count(); ++i) sum += ages[i];
  }
  return sum;
}

}  // namespace carecap::demand
