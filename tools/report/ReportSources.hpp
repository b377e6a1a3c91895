// carecap. SPDX-License-Identifier: MIT
#pragma once
#include "tools/report/OutputView.hpp"
#include "tools/report/ReportContent.hpp"

namespace carecap::report {

/// The sources and assumptions sheet of any output file (id "sources"): the build and time that
/// wrote it, the files it was made from with their SHA-256, the method, and every distinct
/// `source` attribute of its datasets (where the scenario states its parameters' sources and
/// assumptions) with the datasets that use it.
[[nodiscard]] Table sources_table(const OutputView& view);

}  // namespace carecap::report
