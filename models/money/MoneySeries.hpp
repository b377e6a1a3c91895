// carecap. SPDX-License-Identifier: MIT
#pragma once
#include "models/ResultSeries.hpp"
#include "models/money/MoneyModel.hpp"

namespace carecap::money {

/// The result group `money` of one replication (output/SCHEMA.md, docs/money.md): capital by
/// project and ownership, operating cost by bed type (fixed and per resident) and ownership,
/// subsidies by rule and ownership, public and private spending, persons served and the public cost
/// per person served; with long-term-care insurance, the insured, users by care state and setting,
/// the fund's outlay and the outlay per insured person. Dimension capacity_year first.
[[nodiscard]] ResultGroup money_series(const MoneyResult& result, const MoneyParameters& parameters);

}  // namespace carecap::money
