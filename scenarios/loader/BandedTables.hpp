// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <string>

#include "models/demand/ElderCareParameters.hpp"

namespace carecap::scenarios {

/// Readers of tables given by age band (columns age_from,age_to,sex,...; age 100 means 100+).
/// For each sex (and each from_state), the bands must cover first_age..100 exactly: no overlap,
/// no gap. Values are expanded to single ages. Errors name the file and line.

/// Columns age_from,age_to,sex,self_caring,partly_disabled,fully_disabled,dementia: shares in
/// 0..1; the three states sum to 1 in every row.
[[nodiscard]] demand::CarePrevalence read_care_prevalence(const std::string& path, int first_age);

/// Columns age_from,age_to,sex,from_state,self_caring,partly_disabled,fully_disabled: annual
/// transition probabilities from `from_state` (a care-state name), each row summing to 1; plus
/// the dementia incidence table, columns age_from,age_to,sex,dementia_incidence (0..1 per year).
[[nodiscard]] demand::CareTransitions read_care_transitions(const std::string& transition_path,
                                                            const std::string& incidence_path, int first_age);

}  // namespace carecap::scenarios
