// carecap. SPDX-License-Identifier: MIT
#include "models/planning/ThreadRunExecutor.hpp"

#include "sim/ReplicationRunner.hpp"

namespace carecap::planning {

std::vector<double> ThreadRunExecutor::run(int runs, std::size_t width, const RunBody& body) const {
  std::vector<double> all(static_cast<std::size_t>(runs) * width, 0.0);
  sim::run_replications(runs, threads_, [&](int r) { body(r, all.data() + static_cast<std::size_t>(r) * width); });
  return all;
}

}  // namespace carecap::planning
