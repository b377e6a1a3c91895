// carecap. SPDX-License-Identifier: MIT
// Closed-form queueing results the capacity simulation is validated against (tests only).
#pragma once

namespace carecap::testing {

/// Erlang B: blocking probability of c servers offered a erlangs (recursive form).
inline double erlang_b(int c, double a) {
  double b = 1.0;
  for (int k = 1; k <= c; ++k) b = a * b / (k + a * b);
  return b;
}

/// Erlang C: probability of waiting with c servers, a erlangs (a < c), unlimited queue.
inline double erlang_c(int c, double a) {
  const double b = erlang_b(c, a);
  return c * b / (c - a * (1 - b));
}

}  // namespace carecap::testing
