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

/// Care needs of one calendar year.
struct CareNeedYear {
  CareCells stock;          // n_ persons on 1 July (mean of the two 1 Januarys), by sex and age
  CellCounts stock_total{}; // n_ the same summed over sexes and ages
  CellCounts entrants{};    // new_ persons in a cell on 1 January next who were not in it a year before
};

/// Care needs over the projection, years base_year..end_year.
struct CareNeedResult {
  int base_year = 0;
  std::vector<CareNeedYear> years;
};

/// Distributes the projected elders over care states and the dementia flag, cohort by cohort:
///  - base year, and cohorts reaching first_age: the prevalence by age and sex;
///  - prevalence mode: every year the prevalence; entrants are people in a cell at year end beyond
///    the cell's own survivors (no recovery is implied);
///  - transition mode: each year the cohort's death probability from the projection is shared out
///    by relative risk (q_c = q x RR_c / mean RR, so the cohort's deaths are the projection's),
///    survivors move by the transition matrix, then acquire dementia at the incidence rate; the
///    cohort is then scaled to the projected population (migrants take the cohort's distribution).
[[nodiscard]] CareNeedResult project_care_need(const demography::ProjectionResult& population,
                                               const ElderCareParameters& parameters);

}  // namespace carecap::demand
