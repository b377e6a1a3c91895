// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <optional>

#include "tools/report/ReportContent.hpp"
#include "tools/report/RunView.hpp"

namespace carecap::report {

/// The money section of a run's report (MoneySection.cpp; docs/money.md): capital, operating cost,
/// subsidies by rule, public and private spending and, with long-term-care insurance, the fund's
/// outlay, by year; nothing when the results file has no `money` group (a scenario without [money]).
[[nodiscard]] std::optional<Section> money_section(const RunView& run);

}  // namespace carecap::report
