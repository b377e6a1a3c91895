// carecap. SPDX-License-Identifier: MIT
#include "tools/run/RunLimits.hpp"

#include <string>

#include "sim/Errors.hpp"
#include "text/Catalogue.hpp"

namespace carecap::tools {

void check_thread_count(int threads) {
  if (threads < 0 || threads > kMaxThreads)
    throw InputError(text::both("errors.option.count_from_to", {{"option", "--threads"}, {"min", 0}, {"max", kMaxThreads},
                                                                 {"found", threads}}));
}

}  // namespace carecap::tools
