// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <functional>

namespace carecap::sim {

/// Runs body(r) exactly once for each r = 0..replications-1 on min(threads, replications) OpenMP
/// threads (threads = 0: OpenMP's default team size). Replications share nothing mutable: body
/// must write only to the slot of its own replication. Every replication runs even if another
/// throws; afterwards the exception of the lowest-numbered failed replication is re-thrown on the
/// calling thread, so the error reported does not depend on the thread count or on timing.
void run_replications(int replications, int threads, const std::function<void(int)>& body);

}  // namespace carecap::sim
