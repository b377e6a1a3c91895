// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace carecap::sim {

/// How a sweep places its samples in the unit cube (0, 1)^d.
enum class DesignKind {
  random,           // independent uniform points (Monte Carlo)
  latin_hypercube,  // one point in each of N equal strata of every dimension (McKay, Beckman & Conover 1979)
  sobol,            // Sobol low-discrepancy points, Joe & Kuo (2008) direction numbers (Boost.Random `sobol`)
  grid,             // full factorial: every combination of each parameter's grid levels
  saltelli,         // Saltelli (2010) design for Sobol indices: N base rows give N (d + 2) runs
};

/// The rows of a design; each row is one point of (0, 1)^d, except for `grid`, whose rows hold
/// level indices 0..levels[i]-1 (the caller maps them to each parameter's grid points). `samples`
/// is N (ignored by `grid`, whose size is the product of `levels`). Saltelli rows come in blocks
/// of d + 2 per base row j: A_j, B_j, then AB_j^(i) for i = 1..d (A_j with column i taken from
/// B_j), where A and B are the first and last d columns of a 2d-dimensional Sobol sequence
/// whose first point (1/2, ..., 1/2), with A = B, is skipped.
/// Random and Latin-hypercube designs depend only on `seed`. Throws std::invalid_argument for
/// an empty design (no dimension, no sample, a dimension with no level).
[[nodiscard]] std::vector<std::vector<double>> make_design(DesignKind kind, std::size_t samples, std::size_t dimensions,
                                                           std::uint64_t seed, const std::vector<int>& levels = {});

/// Number of runs of a design (N (d + 2) for saltelli, the product of levels for grid).
[[nodiscard]] std::size_t design_runs(DesignKind kind, std::size_t samples, std::size_t dimensions,
                                      const std::vector<int>& levels = {});

/// "latin_hypercube" and so on; and back (throws std::invalid_argument for an unknown name).
[[nodiscard]] const char* design_name(DesignKind kind);
[[nodiscard]] DesignKind design_from_name(const std::string& name);

}  // namespace carecap::sim
