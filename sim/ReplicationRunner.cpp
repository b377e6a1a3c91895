// carecap. SPDX-License-Identifier: MIT
#include "sim/ReplicationRunner.hpp"

#include <algorithm>
#include <exception>
#include <omp.h>
#include <vector>

namespace carecap::sim {

void run_replications(int replications, int threads, const std::function<void(int)>& body) {
  if (replications <= 0) return;
  // More threads than replications would only idle (and a huge team can exhaust memory).
  const int team = std::min(threads > 0 ? threads : omp_get_max_threads(), replications);
  std::vector<std::exception_ptr> errors(static_cast<std::size_t>(replications));  // one slot per replication
#pragma omp parallel for schedule(dynamic, 1) num_threads(team)
  for (int r = 0; r < replications; ++r) {
    try {
      body(r);
    } catch (...) {
      errors[static_cast<std::size_t>(r)] = std::current_exception();
    }
  }
  const auto first = std::find_if(errors.begin(), errors.end(), [](const std::exception_ptr& e) { return e != nullptr; });
  if (first != errors.end()) std::rethrow_exception(*first);
}

}  // namespace carecap::sim
