// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <array>
#include <vector>

#include "models/demand/ElderCareParameters.hpp"
#include "models/demography/ProjectionResult.hpp"

namespace carecap::demand {

/// Persons of one sex and age by dementia flag x care state.
using CellCounts = std::array<std::array<double, kCareStateCount>, kDementiaFlagCount>;

/// Elders by sex x (dementia flag, care state) x single age first_age..100. Each cell's ages are
/// contiguous, so that loops over ages vectorise. A new CareCells is zero.
class CareCells {
public:
  CareCells() = default;
  explicit CareCells(int first_age)
      : first_age_(first_age),
        ages_(demography::kOpenAge + 1 - first_age),
        values_(static_cast<std::size_t>(demography::kSexCount * kDementiaFlagCount * kCareStateCount * ages_)) {}

  /// Persons of one sex, cell and age (first_age..100).
  double& at(demography::Sex sex, int flag, int state, int age) { return values_[index(sex, flag, state) + offset(age)]; }
  [[nodiscard]] double at(demography::Sex sex, int flag, int state, int age) const {
    return values_[index(sex, flag, state) + offset(age)];
  }
  /// The ages first_age..100 of one sex and cell, contiguous.
  double* ages(demography::Sex sex, int flag, int state) { return values_.data() + index(sex, flag, state); }
  [[nodiscard]] const double* ages(demography::Sex sex, int flag, int state) const {
    return values_.data() + index(sex, flag, state);
  }
  /// The six cells of one sex and age.
  [[nodiscard]] CellCounts cohort(demography::Sex sex, int age) const;
  void set_cohort(demography::Sex sex, int age, const CellCounts& cells);

  [[nodiscard]] int first_age() const { return first_age_; }
  /// Number of ages held: 101 - first_age.
  [[nodiscard]] int age_count() const { return ages_; }

private:
  [[nodiscard]] std::size_t index(demography::Sex sex, int flag, int state) const {
    return static_cast<std::size_t>(((static_cast<int>(sex) * kDementiaFlagCount + flag) * kCareStateCount + state) * ages_);
  }
  [[nodiscard]] std::size_t offset(int age) const { return static_cast<std::size_t>(age - first_age_); }
  int first_age_ = 0;
  int ages_ = 0;
  std::vector<double> values_;
};

/// Persons in cell (flag, state), summed over sexes and ages.
[[nodiscard]] double cell_total(const CareCells& cells, int flag, int state);

/// A group of elders whose newcomers are counted, as a weight on each cell: 1 on the two cells
/// of a care state, or the probability of seeking a bed of one type for a bed-demand group.
using CellWeights = CellCounts;

/// Care needs of one calendar year.
struct CareNeedYear {
  CareCells stock;              // n_ persons on 1 July (mean of the two 1 Januarys), by sex and age
  CellCounts stock_total{};     // n_ the same summed over sexes and ages
  std::vector<double> entrants; // new_ per flow group: weight gained by people during the year (see project_care_need)
};

/// Care needs over the projection, years base_year..end_year.
struct CareNeedResult {
  int base_year = 0;
  std::vector<CareNeedYear> years;
};

/// Distributes the projected elders over care states and the dementia flag, cohort by cohort:
///  - base year, and cohorts reaching first_age: the prevalence by age and sex;
///  - deaths: the cohort's deaths from the projection are shared out by relative risk,
///    q_c = min(1, k x RR_c) with k solved so the cells' deaths add up to the projection's;
///  - prevalence mode: every year the prevalence; the entrants of a flow group are, per age, the
///    group's weighted persons at year end beyond its weighted survivors (no recovery implied);
///  - transition mode: survivors move by the transition matrix, then acquire dementia at the
///    incidence rate; the entrants of a group are the persons whose weight rose, times the rise;
///    the cohort is then scaled to the projected population.
///  In both modes cohorts turning first_age and positive net migrants count as entrants.
[[nodiscard]] CareNeedResult project_care_need(const demography::ProjectionResult& population,
                                               const ElderCareParameters& parameters,
                                               const std::vector<CellWeights>& flow_groups);

/// Survivors of each cell of a cohort that loses `deaths` persons, cell c dying with probability
/// min(1, k x risk_c), k such that the deaths add up (all die when deaths >= persons).
[[nodiscard]] CellCounts share_out_deaths(const CellCounts& start, double deaths, const CellCounts& risk);

}  // namespace carecap::demand
