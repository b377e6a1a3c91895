// carecap. SPDX-License-Identifier: MIT
// Closed-form queueing results the capacity simulation is validated against (tests only).
#pragma once
#include <cmath>

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

/// Exact M/M/c wait tail: P(W > t) = C(c, a) exp(-(c mu - lambda) t) for a first-come
/// first-served queue with c servers, arrival rate lambda, service rate mu per server (a =
/// lambda / mu < c) and an unlimited queue; t in the time unit of the rates (Kleinrock,
/// Queueing Systems I, 1975, sec. 3.5).
inline double erlang_c_wait_tail(int c, double lambda, double mu, double t) {
  return erlang_c(c, lambda / mu) * std::exp(-(c * mu - lambda) * t);
}

}  // namespace carecap::testing
