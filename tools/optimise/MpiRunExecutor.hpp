// carecap. SPDX-License-Identifier: MIT
#pragma once
#include "models/planning/RunExecutor.hpp"
#include "tools/sweep/MpiSession.hpp"

namespace carecap::tools {

/// The runs of one evaluation split over the processes of an MPI session (`mpirun carecap
/// optimise`; docs/optimise.md, "Under uncertainty"): rank k makes the k-th contiguous block of
/// runs on its OpenMP threads, and every rank receives every run's numbers in run order
/// (MpiSession::allgather), so that every rank continues the same deterministic search. A run
/// that fails on any rank stops every rank with the failure of the lowest failing rank
/// (MpiSession::stop_if_any). One process: the same as planning::ThreadRunExecutor.
class MpiRunExecutor final : public planning::RunExecutor {
public:
  /// `threads`: OpenMP threads per process, count; 0: OpenMP's default.
  MpiRunExecutor(MpiSession& mpi, int threads) : mpi_(&mpi), threads_(threads) {}
  [[nodiscard]] std::vector<double> run(int runs, std::size_t width, const RunBody& body) const override;

private:
  MpiSession* mpi_;
  int threads_;
};

}  // namespace carecap::tools
