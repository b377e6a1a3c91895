// carecap. SPDX-License-Identifier: MIT
#include "models/planning/CandidateEnsemble.hpp"

#include "models/planning/ThreadRunExecutor.hpp"

namespace carecap::planning {

std::vector<double> run_ensemble(const CandidateEnsemble& ensemble, std::size_t width, const RunExecutor::RunBody& body) {
  if (ensemble.executor) return ensemble.executor->run(ensemble.run_count(), width, body);
  return ThreadRunExecutor(ensemble.runs.threads).run(ensemble.run_count(), width, body);
}

}  // namespace carecap::planning
