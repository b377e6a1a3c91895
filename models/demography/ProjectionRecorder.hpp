// carecap. SPDX-License-Identifier: MIT
#pragma once
#include "models/demography/ProjectionMonitor.hpp"
#include "models/demography/ProjectionResult.hpp"

namespace carecap::demography {

/// A monitor that keeps every year in memory and yields a ProjectionResult.
class ProjectionRecorder final : public ProjectionMonitor {
public:
  void record_year(const YearRecord& record) override;

  /// The collected result; valid after the projection has run.
  [[nodiscard]] const ProjectionResult& result() const { return result_; }
  [[nodiscard]] ProjectionResult take_result() { return std::move(result_); }

private:
  ProjectionResult result_;
};

}  // namespace carecap::demography
