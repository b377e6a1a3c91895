// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <string>

#include "tools/report/ReportContent.hpp"

namespace carecap::report {

/// Reads a carecap output (a run's results, a study, a sweep or an optimise file, told apart by their root
/// attributes) and builds what its report shows. InputError, one line naming the file, for a file
/// that is missing, not HDF5, truncated, not a carecap output, or lacks a group or dataset its
/// kind must have.
[[nodiscard]] ReportContent build_report(const std::string& path);

}  // namespace carecap::report
