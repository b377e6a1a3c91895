// carecap. SPDX-License-Identifier: MIT
#include "models/demography/SyntheticPopulation.hpp"

#include <Eigen/Dense>
#include <boost/math/tools/roots.hpp>
#include <cmath>
#include <cstdint>
#include <sstream>

#include "sim/Errors.hpp"

namespace carecap::demography {
namespace {

/// Weight of the pull towards the total's scale: small, it only fixes what smoothness and the
/// groups leave open (with the total alone, the flat adjustment).
constexpr double kRidge = 1e-6;
/// Relative error within which a group counts as reproduced.
constexpr double kTolerance = 1e-9;

std::string persons(double x) {
  std::ostringstream out;
  out.precision(12);
  out << x;
  return out.str();
}

/// Age totals T(a) = s(a) f(a) with f smooth, meeting every group total.
AgeVector fit_age_totals(const PopulationGroups& groups, const AgeVector& standard) {
  double standard_total = 0;
  for (double s : standard) standard_total += s;
  if (standard_total <= 0) throw InputError("standard population: expected persons, got a total of 0");
  const int n = kAgeCount;
  std::vector<AgeGroupCount> constraints{{"total", 0, kOpenAge, groups.total}};
  constraints.insert(constraints.end(), groups.groups.begin(), groups.groups.end());
  const auto m = static_cast<int>(constraints.size());
  // s(a) scaled to the total: then f = 1 everywhere is the proportional answer.
  Eigen::VectorXd s(n);
  for (int a = 0; a < n; ++a) s(a) = standard[static_cast<std::size_t>(a)] * groups.total / standard_total;
  Eigen::MatrixXd kkt = Eigen::MatrixXd::Zero(n + m, n + m);
  Eigen::VectorXd rhs = Eigen::VectorXd::Zero(n + m);
  for (int a = 1; a + 1 < n; ++a) {  // second differences: (f(a-1) - 2 f(a) + f(a+1))^2
    const int idx[3] = {a - 1, a, a + 1};
    const double w[3] = {1.0, -2.0, 1.0};
    for (int i = 0; i < 3; ++i)
      for (int j = 0; j < 3; ++j) kkt(idx[i], idx[j]) += 2.0 * w[i] * w[j];
  }
  for (int a = 0; a < n; ++a) {
    kkt(a, a) += 2.0 * kRidge;
    rhs(a) = 2.0 * kRidge;
  }
  for (int g = 0; g < m; ++g) {
    const AgeGroupCount& c = constraints[static_cast<std::size_t>(g)];
    double scale = 0;
    for (int a = c.first_age; a <= c.last_age; ++a) scale += s(a);
    if (scale <= 0) {
      if (c.persons > 0)
        throw InputError(c.name + ": expected a group the standard population has people in, got nobody aged " +
                         std::to_string(c.first_age) + "-" + std::to_string(c.last_age));
      continue;
    }
    for (int a = c.first_age; a <= c.last_age; ++a) {  // rows scaled to sum 1 at f = 1
      kkt(n + g, a) = s(a) / scale;
      kkt(a, n + g) = s(a) / scale;
    }
    rhs(n + g) = c.persons / scale;
  }
  const Eigen::VectorXd solution = kkt.completeOrthogonalDecomposition().solve(rhs);
  AgeVector totals{};
  for (int a = 0; a < n; ++a) totals[static_cast<std::size_t>(a)] = s(a) * solution(a);
  for (const AgeGroupCount& c : constraints) {
    double sum = 0;
    for (int a = c.first_age; a <= c.last_age; ++a) sum += totals[static_cast<std::size_t>(a)];
    if (std::abs(sum - c.persons) > kTolerance * std::max(1.0, groups.total))
      throw InputError(c.name + ": expected groups that agree with each other, got " + persons(c.persons) +
                       " persons aged " + std::to_string(c.first_age) + "-" + std::to_string(c.last_age) +
                       " where the other groups imply " + persons(sum));
  }
  for (int a = 0; a < n; ++a)
    if (totals[static_cast<std::size_t>(a)] < 0)
      throw InputError("population groups: expected figures a smooth adjustment of the standard can meet with "
                       "non-negative counts, got " + persons(totals[static_cast<std::size_t>(a)]) + " persons at age " +
                       std::to_string(a));
  return totals;
}

}  // namespace

AgeSexTable synthesize_population(const PopulationGroups& groups, const AgeSexTable& standard) {
  AgeVector both{};
  for (int a = 0; a < kAgeCount; ++a)
    both[static_cast<std::size_t>(a)] = standard[Sex::male][static_cast<std::size_t>(a)] + standard[Sex::female][static_cast<std::size_t>(a)];
  const AgeVector totals = fit_age_totals(groups, both);
  // Male share at each age: the standard's odds times k.
  auto males_for = [&](double k) {
    double males = 0;
    for (std::size_t a = 0; a < totals.size(); ++a) {
      const double p = both[a] > 0 ? standard[Sex::male][a] / both[a] : 0.5;
      males += totals[a] * k * p / (k * p + 1.0 - p);
    }
    return males;
  };
  double k = 1.0;
  if (groups.sex_ratio) {
    const double target = groups.total * *groups.sex_ratio / (100.0 + *groups.sex_ratio);
    std::uintmax_t iterations = 200;
    const auto [low, high] = boost::math::tools::toms748_solve(
        [&](double log_k) { return males_for(std::exp(log_k)) - target; }, -20.0, 20.0,
        boost::math::tools::eps_tolerance<double>(52), iterations);
    k = std::exp(0.5 * (low + high));
  }
  AgeSexTable out;
  for (std::size_t a = 0; a < totals.size(); ++a) {
    const double p = both[a] > 0 ? standard[Sex::male][a] / both[a] : 0.5;
    const double male = totals[a] * k * p / (k * p + 1.0 - p);
    out[Sex::male][a] = male;
    out[Sex::female][a] = totals[a] - male;
  }
  return out;
}

}  // namespace carecap::demography
