// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <vector>

#include "tools/report/OutputView.hpp"
#include "tools/report/ReportContent.hpp"

namespace carecap::report {

/// The plan check of an optimise file (issue 22): how the published plan's cost, service, beds
/// and idle beds compare with the cheapest plan meeting the same service level, each as one
/// sentence with its numbers (severity "differs").
[[nodiscard]] std::vector<Warning> optimise_plan_check(const OutputView& view);

/// Beds by town in the last year: required by type, the optimised plan's and the published plan's
/// beds, and the published plan's beds beyond the requirement.
[[nodiscard]] Table optimise_towns_table(const OutputView& view);

}  // namespace carecap::report
