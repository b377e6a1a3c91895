// carecap. SPDX-License-Identifier: MIT
#include "sim/ReplicationRunner.hpp"

#include <exception>
#include <mutex>
#include <omp.h>

namespace carecap::sim {

void run_replications(int replications, int threads, const std::function<void(int)>& body) {
  std::exception_ptr first_error;
  std::mutex error_mutex;
  const int team = threads > 0 ? threads : omp_get_max_threads();
#pragma omp parallel for schedule(dynamic, 1) num_threads(team)
  for (int r = 0; r < replications; ++r) {
    try {
      body(r);
    } catch (...) {
      std::lock_guard<std::mutex> lock(error_mutex);
      if (!first_error) first_error = std::current_exception();
    }
  }
  if (first_error) std::rethrow_exception(first_error);
}

}  // namespace carecap::sim
