// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <limits>
#include <string>
#include <utility>
#include <vector>

namespace carecap::planning {

/// Infinity of a bound (no bound on that side).
inline constexpr double kNoBound = std::numeric_limits<double>::infinity();

/// One variable of a mixed-integer linear programme.
struct MipVariable {
  double lower = 0;        // lower bound (-kNoBound: none)
  double upper = kNoBound; // upper bound (kNoBound: none)
  bool integer = false;    // whether the value must be a whole number
  double cost = 0;         // coefficient in the objective to minimise
  std::string name;        // for messages and model dumps only
};

/// One linear constraint: lower <= sum of coefficient x variable <= upper.
struct MipConstraint {
  std::vector<int> variables;        // indices into MipProblem::variables, each at most once
  std::vector<double> coefficients;  // one per entry of `variables`
  double lower = -kNoBound;
  double upper = kNoBound;
};

/// A mixed-integer linear programme: minimise objective_offset + sum cost x variable subject to
/// the constraints and the variables' bounds and integrality. Plain data, built by a model and
/// handed to any MipSolver.
struct MipProblem {
  std::vector<MipVariable> variables;
  std::vector<MipConstraint> constraints;
  double objective_offset = 0;  // constant added to the objective (costs no decision changes)

  /// Adds a variable and returns its index.
  int add_variable(MipVariable variable) {
    variables.push_back(std::move(variable));
    return static_cast<int>(variables.size()) - 1;
  }
  /// Adds a constraint and returns its index.
  int add_constraint(MipConstraint constraint) {
    constraints.push_back(std::move(constraint));
    return static_cast<int>(constraints.size()) - 1;
  }
};

/// How a solve ended.
enum class MipStatus {
  optimal,     // proven optimal within the solver's gap: `values` and `objective` hold it
  infeasible,  // proven to have no solution
  time_limit,  // stopped at the time limit: `values` hold the best solution found, if any (else empty)
  error,       // anything else (unbounded, numerical trouble): see `message`
};

/// The outcome of a solve.
struct MipResult {
  MipStatus status = MipStatus::error;
  double objective = 0;        // objective of `values`, including the offset
  std::vector<double> values;  // one per variable (empty without a solution)
  std::string message;         // the solver's own words when status is not optimal
};

/// A mixed-integer linear programme solver: the one seam between carecap's planning models and
/// a solver library, so that another solver can replace the one used (issue 22, item 6).
class MipSolver {
public:
  virtual ~MipSolver() = default;
  /// Solves the programme. Deterministic for a given problem and settings (the same answer on
  /// every run) unless a time limit stops it.
  [[nodiscard]] virtual MipResult solve(const MipProblem& problem) const = 0;
};

}  // namespace carecap::planning
