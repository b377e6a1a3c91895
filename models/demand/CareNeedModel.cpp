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

double weighted(const CellWeights& w, const CellCounts& c) {
  double sum = 0.0;
  for_each_cell([&](int f, int s) { sum += w[f][s] * c[f][s]; });
  return sum;
}

void add(CellCounts& to, const CellCounts& from) {
  for_each_cell([&](int f, int s) { to[f][s] += from[f][s]; });
}

/// Death risk of each cell relative to self-caring without dementia.
CellCounts relative_risks(const ElderCareParameters& p) {
  CellCounts risk{};
  for_each_cell([&](int f, int s) { risk[f][s] = p.mortality_relative_risk[s] * (f ? p.dementia_mortality_relative_risk : 1.0); });
  return risk;
}

/// Entrants of each flow group when the cells change from `before` (survivors) to `after`:
/// per group, the weighted gain if positive.
void add_net_entrants(const std::vector<CellWeights>& groups, const CellCounts& before, const CellCounts& after,
                      std::vector<double>& entrants) {
  CellCounts change{};
  for_each_cell([&](int f, int s) { change[f][s] = after[f][s] - before[f][s]; });
  for (std::size_t g = 0; g < groups.size(); ++g) entrants[g] += std::max(0.0, weighted(groups[g], change));
}

/// Prevalence mode, age by age: stock = 1 July population x share; entrants per group = the
/// group's weighted persons at year end beyond its weighted survivors.
void project_prevalence(const demography::ProjectionResult& population, const ElderCareParameters& p,
                        const std::vector<CellWeights>& groups, CareNeedResult& result) {
  const int first = p.first_age;
  const CellCounts risk = relative_risks(p);
  // Shares by sex and age, derived once.
  CareCells share(first);
  for (Sex sex : kSexes)
    for (int age = first; age <= kOpenAge; ++age) share.set_cohort(sex, age, by_prevalence(p.prevalence, sex, age, 1.0));
  for (int t = 0; t < population.year_count(); ++t) {
    CareNeedYear& year = result.years[static_cast<std::size_t>(t)];
    for (Sex sex : kSexes) {
      const auto& start = population.population_jan1[t][sex];
      const auto& end = population.population_jan1[t + 1][sex];
      const auto& mid = population.population_jul1[t][sex];
      for (int age = first; age <= kOpenAge; ++age) {
        const CellCounts cell_share = share.cohort(sex, age);
        CellCounts stock{}, at_end{};
        for_each_cell([&](int f, int s) {
          stock[f][s] = mid[age] * cell_share[f][s];
          at_end[f][s] = end[age] * cell_share[f][s];
        });
        year.stock.set_cohort(sex, age, stock);
        add(year.stock_total, stock);
        CellCounts before{};  // survivors of the cohort that reaches `age` (none at first_age)
        if (age > first) {
          CellCounts cohort{};
          const CellCounts previous = share.cohort(sex, age - 1);
          for_each_cell([&](int f, int s) { cohort[f][s] = start[age - 1] * previous[f][s]; });
          if (age == kOpenAge) {
            const CellCounts open = share.cohort(sex, kOpenAge);
            for_each_cell([&](int f, int s) { cohort[f][s] += start[kOpenAge] * open[f][s]; });
          }
          before = share_out_deaths(cohort, population.deaths[t][sex][age], risk);
        }
        add_net_entrants(groups, before, at_end, year.entrants);
      }
    }
  }
}

/// Transition mode, cohort by cohort (see the header).
void project_transitions(const demography::ProjectionResult& population, const ElderCareParameters& p,
                         const std::vector<CellWeights>& groups, CareNeedResult& result) {
  const int first = p.first_age;
  const CareTransitions& t_matrix = *p.transitions;
  CareCells jan1(first), next(first);
  const CellCounts risk = relative_risks(p);
  std::vector<double> gained(groups.size(), 0.0);  // per cohort, reused
  for (Sex sex : kSexes)
    for (int age = first; age <= kOpenAge; ++age)
      jan1.set_cohort(sex, age, by_prevalence(p.prevalence, sex, age, population.population_jan1[0][sex][age]));

  for (int t = 0; t < population.year_count(); ++t) {
    const auto& next_population = population.population_jan1[t + 1];
    CareNeedYear& year = result.years[static_cast<std::size_t>(t)];
    for (Sex sex : kSexes) {
      const CellCounts arriving = by_prevalence(p.prevalence, sex, first, next_population[sex][first]);
      next.set_cohort(sex, first, arriving);
      add_net_entrants(groups, CellCounts{}, arriving, year.entrants);
      for (int age = first + 1; age <= kOpenAge; ++age) {
        CellCounts start = jan1.cohort(sex, age - 1);
        if (age == kOpenAge) add(start, jan1.cohort(sex, kOpenAge));
        const CellCounts alive = share_out_deaths(start, population.deaths[t][sex][age], risk);
        // Moves between cells: state transition, then dementia onset among those without it.
        const int from_age = age - 1;
        const double incidence = t_matrix.dementia_incidence[sex][from_age];
        CellCounts end{};
        std::fill(gained.begin(), gained.end(), 0.0);
        for_each_cell([&](int f, int from) {
          for (int to = 0; to < kCareStateCount; ++to) {
            const double moving = alive[f][from] * t_matrix.probability[from][to][sex][from_age];
            const double onset = f == 0 ? moving * incidence : 0.0;
            const double stay_flag = moving - onset;
            end[f][to] += stay_flag;
            if (f == 0) end[1][to] += onset;
            for (std::size_t g = 0; g < groups.size(); ++g) {
              gained[g] += stay_flag * std::max(0.0, groups[g][f][to] - groups[g][f][from]);
              gained[g] += onset * std::max(0.0, groups[g][1][to] - groups[g][f][from]);
            }
          }
        });
        const double survivors = total(end);
        const double projected = next_population[sex][age];
        if (survivors > 0.0) {
          // Positive net migrants join with the cohort's distribution and count as entrants.
          const double arriving_share = std::max(0.0, projected - survivors) / survivors;
          for (std::size_t g = 0; g < groups.size(); ++g)
            year.entrants[g] += gained[g] + arriving_share * weighted(groups[g], end);
          for_each_cell([&](int f, int s) { end[f][s] *= projected / survivors; });
        } else {
          end = by_prevalence(p.prevalence, sex, age, projected);
          add_net_entrants(groups, CellCounts{}, end, year.entrants);
        }
        next.set_cohort(sex, age, end);
      }
      for (int age = first; age <= kOpenAge; ++age) {
        CellCounts mid = jan1.cohort(sex, age);
        const CellCounts later = next.cohort(sex, age);
        for_each_cell([&](int f, int s) { mid[f][s] = 0.5 * (mid[f][s] + later[f][s]); });
        year.stock.set_cohort(sex, age, mid);
        add(year.stock_total, mid);
      }
    }
    std::swap(jan1, next);
  }
}

}  // namespace

CellCounts share_out_deaths(const CellCounts& start, double deaths, const CellCounts& risk) {
  const double persons = total(start);
  if (persons <= 0.0 || deaths <= 0.0) return start;
  if (deaths >= persons) return CellCounts{};
  CellCounts out = start;
  // The common case: no cell's probability reaches 1.
  double weighted_all = 0.0, top_risk = 0.0;
  for_each_cell([&](int f, int s) {
    weighted_all += start[f][s] * risk[f][s];
    if (start[f][s] > 0.0) top_risk = std::max(top_risk, risk[f][s]);
  });
  if (weighted_all > 0.0 && deaths / weighted_all * top_risk < 1.0) {
    const double k = deaths / weighted_all;
    for_each_cell([&](int f, int s) { out[f][s] = start[f][s] * (1.0 - k * risk[f][s]); });
    return out;
  }
  // Otherwise q_c = min(1, k risk_c): cells whose q would exceed 1 die out; k is re-solved on the rest.
  std::array<std::array<bool, kCareStateCount>, kDementiaFlagCount> extinct{};
  double remaining_deaths = deaths;
  for (int round = 0; round < kDementiaFlagCount * kCareStateCount; ++round) {
    double weighted_persons = 0.0;
    for_each_cell([&](int f, int s) {
      if (!extinct[f][s]) weighted_persons += start[f][s] * risk[f][s];
    });
    if (weighted_persons <= 0.0) break;
    const double k = remaining_deaths / weighted_persons;
    bool capped = false;
    for_each_cell([&](int f, int s) {
      if (!extinct[f][s] && start[f][s] > 0.0 && k * risk[f][s] >= 1.0) {
        extinct[f][s] = capped = true;
        remaining_deaths -= start[f][s];
        out[f][s] = 0.0;
      }
    });
    if (capped) continue;
    for_each_cell([&](int f, int s) {
      if (!extinct[f][s]) out[f][s] = start[f][s] * (1.0 - k * risk[f][s]);
    });
    break;
  }
  return out;
}

CellCounts CareCells::cohort(Sex sex, int age) const {
  CellCounts c{};
  for_each_cell([&](int f, int s) { c[f][s] = at(sex, f, s, age); });
  return c;
}

void CareCells::set_cohort(Sex sex, int age, const CellCounts& cells) {
  for_each_cell([&](int f, int s) { at(sex, f, s, age) = cells[f][s]; });
}

CareNeedResult project_care_need(const demography::ProjectionResult& population, const ElderCareParameters& p,
                                 const std::vector<CellWeights>& flow_groups) {
  CareNeedResult result;
  result.base_year = population.base_year;
  result.years.reserve(static_cast<std::size_t>(population.year_count()));
  for (int t = 0; t < population.year_count(); ++t)
    result.years.push_back(CareNeedYear{CareCells(p.first_age), {}, std::vector<double>(flow_groups.size(), 0.0)});
  if (p.transitions)
    project_transitions(population, p, flow_groups, result);
  else
    project_prevalence(population, p, flow_groups, result);
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
