// carecap. SPDX-License-Identifier: MIT
#pragma once
#include "models/ResultSeries.hpp"
#include "scenarios/loader/ScenarioLabels.hpp"

namespace carecap::tools {

/// Adds, beside the `region` and `facility` dimensions that `group` introduces, the scenario's
/// names of them as text datasets (output/SCHEMA.md): `region_label_zh` and `region_label_en`
/// over `region`, `facility_label_zh` and `facility_label_en` over `facility`; "" where the
/// scenario gives no name. A group without those dimensions is left as it is.
void add_label_series(ResultGroup& group, const scenarios::ScenarioLabels& labels);

}  // namespace carecap::tools
