// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <optional>

#include "tools/report/ReportContent.hpp"
#include "tools/report/RunView.hpp"

namespace carecap::report {

/// The care-worker section of a run's report (WorkforceSection.cpp; docs/workforce.md): need,
/// supply and gap by year and by town, the flows, and the plans' indicators (certified care workers
/// per 10,000 elders, care workers per 100 beds, childcare carers needed); nothing when the results
/// file has no `workforce` group (a scenario whose [workforce] states no supply).
[[nodiscard]] std::optional<Section> workforce_section(const RunView& run);

}  // namespace carecap::report
