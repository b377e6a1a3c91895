// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <functional>

namespace carecap::sim {

/// Runs body(r) for r = 0..replications-1 on up to `threads` OpenMP threads. Replications share
/// nothing mutable: body must write only to the slot of its own replication. The first exception
/// thrown by any replication is re-thrown on the calling thread after all have stopped.
void run_replications(int replications, int threads, const std::function<void(int)>& body);

}  // namespace carecap::sim
