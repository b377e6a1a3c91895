// carecap. SPDX-License-Identifier: MIT
#include "models/planning/CbcSolver.hpp"

#include <Cbc_C_Interface.h>

#include <cmath>
#include <limits>
#include <memory>
#include <string>

namespace carecap::planning {
namespace {

/// CBC's infinity (COIN_DBL_MAX) for an absent bound.
double cbc_bound(double value) {
  constexpr double kCbcInfinity = std::numeric_limits<double>::max();
  if (std::isinf(value)) return value > 0 ? kCbcInfinity : -kCbcInfinity;
  return value;
}

/// The answer of a programme with no variables: its constraints are constants (0 between the bounds).
MipResult solve_without_variables(const MipProblem& problem) {
  MipResult result;
  for (const auto& row : problem.constraints) {
    if (row.lower > 0 || row.upper < 0) {
      result.status = MipStatus::infeasible;
      result.message = "a constraint without variables excludes 0";
      return result;
    }
  }
  result.status = MipStatus::optimal;
  result.objective = problem.objective_offset;
  return result;
}

struct ModelDeleter {
  void operator()(Cbc_Model* model) const { Cbc_deleteModel(model); }
};

}  // namespace

MipResult CbcSolver::solve(const MipProblem& problem) const {
  if (problem.variables.empty()) return solve_without_variables(problem);
  const int n_cols = static_cast<int>(problem.variables.size());
  const int n_rows = static_cast<int>(problem.constraints.size());

  // Constraint matrix by columns (compressed sparse column), as Cbc_loadProblem takes it.
  std::vector<CoinBigIndex> start(static_cast<std::size_t>(n_cols) + 1, 0);
  for (const auto& row : problem.constraints)
    for (int col : row.variables) ++start[static_cast<std::size_t>(col) + 1];
  for (int c = 0; c < n_cols; ++c) start[c + 1] += start[c];
  std::vector<int> index(static_cast<std::size_t>(start.back()));
  std::vector<double> value(index.size());
  std::vector<CoinBigIndex> next(start.begin(), start.end() - 1);
  for (int r = 0; r < n_rows; ++r) {
    const auto& row = problem.constraints[static_cast<std::size_t>(r)];
    for (std::size_t k = 0; k < row.variables.size(); ++k) {
      auto& slot = next[static_cast<std::size_t>(row.variables[k])];
      index[static_cast<std::size_t>(slot)] = r;
      value[static_cast<std::size_t>(slot)] = row.coefficients[k];
      ++slot;
    }
  }
  std::vector<double> col_lower, col_upper, cost, row_lower, row_upper;
  for (const auto& v : problem.variables) {
    col_lower.push_back(cbc_bound(v.lower));
    col_upper.push_back(cbc_bound(v.upper));
    cost.push_back(v.cost);
  }
  for (const auto& row : problem.constraints) {
    row_lower.push_back(cbc_bound(row.lower));
    row_upper.push_back(cbc_bound(row.upper));
  }

  std::unique_ptr<Cbc_Model, ModelDeleter> model(Cbc_newModel());
  Cbc_Model* m = model.get();
  Cbc_loadProblem(m, n_cols, n_rows, start.data(), index.data(), value.data(), col_lower.data(), col_upper.data(),
                  cost.data(), row_lower.data(), row_upper.data());
  for (int c = 0; c < n_cols; ++c)
    if (problem.variables[static_cast<std::size_t>(c)].integer) Cbc_setInteger(m, c);

  // Quiet, one thread, fixed seeds: the same answer on every run.
  const std::string seed = std::to_string(settings_.seed);
  Cbc_setLogLevel(m, 0);
  Cbc_setParameter(m, "log", "0");
  Cbc_setParameter(m, "slog", "0");
  Cbc_setParameter(m, "threads", "1");
  Cbc_setParameter(m, "randomCbcSeed", seed.c_str());
  Cbc_setParameter(m, "randomSeed", seed.c_str());
  Cbc_setMaximumSeconds(m, settings_.time_limit_seconds);
  Cbc_setAllowableFractionGap(m, settings_.relative_gap);
  Cbc_setAllowableGap(m, settings_.absolute_gap);
  Cbc_solve(m);

  MipResult result;
  const auto take_solution = [&] {
    const double* x = Cbc_getColSolution(m);
    if (x == nullptr) return;
    result.values.assign(x, x + n_cols);
    result.objective = problem.objective_offset;
    for (int c = 0; c < n_cols; ++c) result.objective += cost[static_cast<std::size_t>(c)] * result.values[static_cast<std::size_t>(c)];
  };
  if (Cbc_isProvenOptimal(m)) {
    result.status = MipStatus::optimal;
    take_solution();
  } else if (Cbc_isProvenInfeasible(m)) {
    result.status = MipStatus::infeasible;
    result.message = "CBC: proven infeasible";
  } else if (Cbc_isSecondsLimitReached(m)) {
    result.status = MipStatus::time_limit;
    if (Cbc_bestSolution(m) != nullptr) take_solution();
    result.message = "CBC: stopped at the time limit of " + std::to_string(settings_.time_limit_seconds) + " s";
  } else {
    result.status = MipStatus::error;
    result.message = "CBC: status " + std::to_string(Cbc_status(m)) + ", secondary status " +
                     std::to_string(Cbc_secondaryStatus(m)) +
                     (Cbc_isContinuousUnbounded(m) ? " (unbounded)" : "");
  }
  return result;
}

}  // namespace carecap::planning
