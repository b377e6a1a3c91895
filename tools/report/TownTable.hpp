// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <optional>

#include "tools/report/ReportContent.hpp"
#include "tools/report/RunView.hpp"

namespace carecap::report {

/// Results by town (乡镇; id "towns"): for the base year and each of the plan's target years (the
/// last simulated year when the plan sets none), each town's beds, occupied beds and elders
/// waiting and, with a childcare simulation, its places, children enrolled and children waiting,
/// then the whole area's total (read from the file, not added up here: it equals the sum of the
/// towns). Means of the replications, time averages over the year. Towns by their Chinese names
/// in zh and their English names or ids in en (PlaceNames). None without a capacity simulation.
[[nodiscard]] std::optional<Table> town_table(const RunView& run);

}  // namespace carecap::report
