// carecap. SPDX-License-Identifier: MIT
#pragma once
#include "models/planning/RunExecutor.hpp"

namespace carecap::planning {

/// Runs on the OpenMP threads of this process (sim::run_replications): each run's numbers stored
/// in its own slot, so the result does not depend on the thread count.
class ThreadRunExecutor final : public RunExecutor {
public:
  /// `threads`: OpenMP threads, count; 0: OpenMP's default.
  explicit ThreadRunExecutor(int threads) : threads_(threads) {}
  [[nodiscard]] std::vector<double> run(int runs, std::size_t width, const RunBody& body) const override;

private:
  int threads_;
};

}  // namespace carecap::planning
