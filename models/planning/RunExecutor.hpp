// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <cstddef>
#include <functional>
#include <vector>

namespace carecap::planning {

/// Where the independent runs of one evaluation are made (`carecap optimise`: each (sample,
/// replication) run of a candidate). `body(run, out)` makes run `run` (0..runs-1) and writes its
/// `width` numbers at `out`, touching nothing else; `run` returns every run's numbers in run
/// order ([run x width + k]) to the caller, so that reductions in index order give the same sums
/// wherever the runs were made. Implementations: ThreadRunExecutor (OpenMP threads of this
/// process) and tools/optimise/MpiRunExecutor (runs split over MPI processes and gathered on
/// every one), so that models/ knows nothing of MPI.
class RunExecutor {
public:
  using RunBody = std::function<void(int run, double* out)>;
  virtual ~RunExecutor() = default;
  /// Every run's numbers, in run order. Throws the failure of the lowest failed run.
  [[nodiscard]] virtual std::vector<double> run(int runs, std::size_t width, const RunBody& body) const = 0;
};

}  // namespace carecap::planning
