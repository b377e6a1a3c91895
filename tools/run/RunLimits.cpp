// carecap. SPDX-License-Identifier: MIT
#include "tools/run/RunLimits.hpp"

#include <string>

#include "sim/Errors.hpp"

namespace carecap::tools {

void check_thread_count(int threads) {
  if (threads < 0 || threads > kMaxThreads)
    throw InputError("--threads: expected a count from 0 to " + std::to_string(kMaxThreads) + ", got " +
                     std::to_string(threads));
}

}  // namespace carecap::tools
