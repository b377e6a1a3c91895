// carecap. SPDX-License-Identifier: MIT
#include "sim/ParameterDistribution.hpp"

#include <algorithm>
#include <boost/math/distributions/lognormal.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/triangular.hpp>
#include <boost/math/distributions/uniform.hpp>
#include <cmath>
#include <sstream>
#include <stdexcept>

namespace carecap::sim {
namespace {

void require(bool ok, const std::string& expected) {
  if (!ok) throw std::invalid_argument(expected);
}

bool finite(std::initializer_list<double> values) {
  return std::all_of(values.begin(), values.end(), [](double v) { return std::isfinite(v); });
}

}  // namespace

ParameterDistribution ParameterDistribution::uniform(double min, double max) {
  require(finite({min, max}) && min < max, "expected finite min < max");
  return {Kind::uniform, {min, max}};
}

ParameterDistribution ParameterDistribution::normal(double mean, double sd) {
  require(finite({mean, sd}) && sd > 0, "expected a finite mean and sd > 0");
  return {Kind::normal, {mean, sd}};
}

ParameterDistribution ParameterDistribution::triangular(double min, double mode, double max) {
  require(finite({min, mode, max}) && min <= mode && mode <= max && min < max, "expected finite min <= mode <= max with min < max");
  return {Kind::triangular, {min, mode, max}};
}

ParameterDistribution ParameterDistribution::lognormal(double mu, double sigma) {
  require(finite({mu, sigma}) && sigma > 0, "expected a finite mu and sigma > 0 (parameters of log X)");
  return {Kind::lognormal, {mu, sigma}};
}

ParameterDistribution ParameterDistribution::discrete(std::size_t count, std::vector<double> weights) {
  require(count > 0, "expected at least one value");
  if (weights.empty()) weights.assign(count, 1.0);
  require(weights.size() == count, "expected as many weights as values");
  double sum = 0;
  for (double w : weights) {
    require(std::isfinite(w) && w >= 0, "expected weights >= 0");
    sum += w;
  }
  require(sum > 0, "expected weights with a positive sum");
  ParameterDistribution d{Kind::discrete, {}};
  double cumulative = 0;
  for (double w : weights) {
    cumulative += w / sum;
    d.weights_.push_back(cumulative);
  }
  d.weights_.back() = 1.0;
  return d;
}

double ParameterDistribution::at(double u) const {
  u = std::clamp(u, 1e-12, 1.0 - 1e-12);
  const auto& p = parameters_;
  switch (kind_) {
    case Kind::uniform: return boost::math::quantile(boost::math::uniform_distribution<>(p[0], p[1]), u);
    case Kind::normal: return boost::math::quantile(boost::math::normal_distribution<>(p[0], p[1]), u);
    case Kind::triangular: return boost::math::quantile(boost::math::triangular_distribution<>(p[0], p[1], p[2]), u);
    case Kind::lognormal: return boost::math::quantile(boost::math::lognormal_distribution<>(p[0], p[1]), u);
    case Kind::discrete: {
      const auto it = std::upper_bound(weights_.begin(), weights_.end(), u);
      return static_cast<double>(std::min<std::size_t>(static_cast<std::size_t>(it - weights_.begin()), weights_.size() - 1));
    }
  }
  return std::nan("");
}

std::vector<double> ParameterDistribution::grid_points(int levels) const {
  std::vector<double> points;
  if (kind_ == Kind::discrete) {
    for (std::size_t k = 0; k < weights_.size(); ++k) points.push_back(static_cast<double>(k));
    return points;
  }
  for (int k = 0; k < levels; ++k) points.push_back(at((k + 0.5) / levels));
  return points;
}

std::string ParameterDistribution::describe() const {
  std::ostringstream out;
  const auto& p = parameters_;
  switch (kind_) {
    case Kind::uniform: out << "uniform(min " << p[0] << ", max " << p[1] << ")"; break;
    case Kind::normal: out << "normal(mean " << p[0] << ", sd " << p[1] << ")"; break;
    case Kind::triangular: out << "triangular(min " << p[0] << ", mode " << p[1] << ", max " << p[2] << ")"; break;
    case Kind::lognormal: out << "lognormal(mu " << p[0] << ", sigma " << p[1] << ")"; break;
    case Kind::discrete: out << "discrete(" << weights_.size() << " values)"; break;
  }
  return out.str();
}

}  // namespace carecap::sim
