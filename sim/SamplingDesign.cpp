// carecap. SPDX-License-Identifier: MIT
#include "sim/SamplingDesign.hpp"

#include <algorithm>
#include <boost/random/sobol.hpp>
#include <boost/random/uniform_01.hpp>
#include <limits>
#include <numeric>
#include <stdexcept>

#include "sim/RandomStreams.hpp"

namespace carecap::sim {
namespace {

constexpr std::uint64_t kDesignStream = 0x5357454550ull;  // "SWEEP": the stream of random and LHS designs

constexpr const char* kNames[] = {"random", "latin_hypercube", "sobol", "grid", "saltelli"};

/// The first `count` points of the d-dimensional Sobol sequence, skipping the origin (Boost's
/// generator starts at (1/2, ..., 1/2)), as doubles in (0, 1).
std::vector<std::vector<double>> sobol_points(std::size_t count, std::size_t dimensions) {
  boost::random::sobol generator(dimensions);
  const double scale = 1.0 / (static_cast<double>(std::numeric_limits<std::uint64_t>::max()) + 1.0);
  std::vector<std::vector<double>> points(count, std::vector<double>(dimensions));
  for (auto& point : points)
    for (double& x : point) x = static_cast<double>(generator()) * scale;
  return points;
}

}  // namespace

const char* design_name(DesignKind kind) { return kNames[static_cast<int>(kind)]; }

DesignKind design_from_name(const std::string& name) {
  for (int k = 0; k < 5; ++k)
    if (name == kNames[k]) return static_cast<DesignKind>(k);
  throw std::invalid_argument("expected random, latin_hypercube, sobol, grid or saltelli, got \"" + name + "\"");
}

std::size_t design_runs(DesignKind kind, std::size_t samples, std::size_t dimensions, const std::vector<int>& levels) {
  if (kind == DesignKind::grid) {
    std::size_t runs = levels.empty() ? 0 : 1;
    for (int l : levels) {
      const auto level = static_cast<std::size_t>(std::max(l, 0));
      if (level != 0 && runs > std::numeric_limits<std::size_t>::max() / level) return std::numeric_limits<std::size_t>::max();
      runs *= level;
    }
    return runs;
  }
  return kind == DesignKind::saltelli ? samples * (dimensions + 2) : samples;
}

std::vector<std::vector<double>> make_design(DesignKind kind, std::size_t samples, std::size_t dimensions,
                                             std::uint64_t seed, const std::vector<int>& levels) {
  if (dimensions == 0) throw std::invalid_argument("expected at least one parameter, got none");
  if (kind == DesignKind::grid) {
    if (levels.size() != dimensions || design_runs(kind, samples, dimensions, levels) == 0)
      throw std::invalid_argument("expected at least one grid level for every parameter");
  } else if (samples == 0) {
    throw std::invalid_argument("expected at least one sample, got 0");
  }
  std::vector<std::vector<double>> rows;
  switch (kind) {
    case DesignKind::random: {
      RandomEngine engine = RandomStreams(seed).stream(0, kDesignStream);
      boost::random::uniform_01<double> uniform;
      rows.assign(samples, std::vector<double>(dimensions));
      for (auto& row : rows)
        for (double& x : row) x = uniform(engine);
      break;
    }
    case DesignKind::latin_hypercube: {
      RandomEngine engine = RandomStreams(seed).stream(0, kDesignStream);
      boost::random::uniform_01<double> uniform;
      rows.assign(samples, std::vector<double>(dimensions));
      std::vector<std::size_t> strata(samples);
      for (std::size_t i = 0; i < dimensions; ++i) {
        std::iota(strata.begin(), strata.end(), std::size_t{0});
        // Fisher-Yates with the engine itself (std::shuffle's use of it is not specified).
        for (std::size_t k = samples; k > 1; --k) {
          const auto j = static_cast<std::size_t>(uniform(engine) * static_cast<double>(k));
          std::swap(strata[k - 1], strata[std::min(j, k - 1)]);
        }
        for (std::size_t n = 0; n < samples; ++n)
          rows[n][i] = (static_cast<double>(strata[n]) + uniform(engine)) / static_cast<double>(samples);
      }
      break;
    }
    case DesignKind::sobol: rows = sobol_points(samples, dimensions); break;
    case DesignKind::grid: {
      const std::size_t runs = design_runs(kind, samples, dimensions, levels);
      rows.assign(runs, std::vector<double>(dimensions));
      for (std::size_t n = 0; n < runs; ++n) {
        std::size_t rest = n;  // the last parameter varies fastest
        for (std::size_t i = dimensions; i-- > 0;) {
          rows[n][i] = static_cast<double>(rest % static_cast<std::size_t>(levels[i]));
          rest /= static_cast<std::size_t>(levels[i]);
        }
      }
      break;
    }
    case DesignKind::saltelli: {
      // The first point, (1/2, ..., 1/2), is skipped: there A = B, so its d + 2 runs would all be
      // the same and carry no information on any index (SALib skips it too).
      const auto base = sobol_points(samples + 1, 2 * dimensions);
      for (auto it = base.begin() + 1; it != base.end(); ++it) {
        const auto& point = *it;
        const std::vector<double> a(point.begin(), point.begin() + static_cast<std::ptrdiff_t>(dimensions));
        const std::vector<double> b(point.begin() + static_cast<std::ptrdiff_t>(dimensions), point.end());
        rows.push_back(a);
        rows.push_back(b);
        for (std::size_t i = 0; i < dimensions; ++i) {
          std::vector<double> ab = a;
          ab[i] = b[i];
          rows.push_back(ab);
        }
      }
      break;
    }
  }
  return rows;
}

}  // namespace carecap::sim
