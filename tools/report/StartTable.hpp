// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <optional>

#include "tools/report/ReportContent.hpp"
#include "tools/report/RunView.hpp"

namespace carecap::report {

/// How the run's beds were occupied on 1 January of the first simulated year (id "start"): the
/// start kind, the residents and their share of people aged 60+, the national default care use
/// and the residents' ratio to it, and the care-use factors by bed type; its note is the same in
/// one sentence. The national default is the base-year demand stock (demand/n_beds_needed) of each
/// bed type divided by its factor, as the run's summary (tools/run/RunSummary) computes it. None
/// for a file without capacity/start (written before the start was recorded, or no capacity run).
[[nodiscard]] std::optional<Table> start_table(const RunView& run);

}  // namespace carecap::report
