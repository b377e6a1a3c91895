// carecap. SPDX-License-Identifier: MIT
#include "tools/optimise/MpiRunExecutor.hpp"

#include "sim/ReplicationRunner.hpp"

namespace carecap::tools {

std::vector<double> MpiRunExecutor::run(int runs, std::size_t width, const RunBody& body) const {
  // Rank k's runs: [runs x k / size, runs x (k + 1) / size), so that the ranks' blocks in rank
  // order are the runs in run order.
  const auto block_start = [&](int rank) {
    return static_cast<int>(static_cast<long long>(runs) * rank / mpi_->size());
  };
  const int first = block_start(mpi_->rank()), count = block_start(mpi_->rank() + 1) - first;
  std::vector<double> local(static_cast<std::size_t>(count) * width, 0.0);
  Failure failure;
  try {
    sim::run_replications(count, threads_, [&](int k) { body(first + k, local.data() + static_cast<std::size_t>(k) * width); });
  } catch (...) {
    failure = Failure::current();
  }
  mpi_->stop_if_any(failure);
  return mpi_->allgather(local);
}

}  // namespace carecap::tools
