// carecap. SPDX-License-Identifier: MIT
#pragma once
#include "models/planning/MipSolver.hpp"

namespace carecap::planning {

/// How CBC is run: quiet, one thread, a fixed seed, so that a solve gives the same answer on
/// every run and machine (unless the time limit stops it).
struct CbcSettings {
  double time_limit_seconds = 60;  // wall-clock limit of one solve, seconds (then MipStatus::time_limit)
  int seed = 20250101;             // CBC's and CLP's random seeds (randomCbcSeed, randomSeed), fixed
  double relative_gap = 1e-9;      // stop when (best - bound) / |best| is below this, fraction (CBC ratioGap)
  double absolute_gap = 1e-7;      // or when best - bound is below this, objective units (CBC allowableGap)
};

/// MipSolver with COIN-OR CBC (Debian coinor-libcbc-dev, its C interface Cbc_C_Interface.h; a
/// branch-and-cut solver with CLP for the relaxations). Built as its own library,
/// carecap::planning_cbc, so that carecap::models links no solver (models/CMakeLists.txt).
/// Solves are independent (a new CBC model each); run one at a time per process, as CBC 2.10's
/// command-line driver behind Cbc_solve is not documented to be thread-safe.
class CbcSolver final : public MipSolver {
public:
  explicit CbcSolver(CbcSettings settings = {}) : settings_(settings) {}
  [[nodiscard]] MipResult solve(const MipProblem& problem) const override;

private:
  CbcSettings settings_;
};

}  // namespace carecap::planning
