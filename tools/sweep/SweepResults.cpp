// carecap. SPDX-License-Identifier: MIT
#include "tools/sweep/SweepResults.hpp"

#include <algorithm>

#include "output/SweepCheckpoint.hpp"
#include "sim/NumberText.hpp"
#include "sim/Quantiles.hpp"
#include "sim/SobolIndices.hpp"
#include "text/Catalogue.hpp"

namespace carecap::tools {
namespace {

constexpr std::size_t kFanBudgetBytes = std::size_t{256} << 20;

std::vector<std::string> fan_labels() { return {"p5", "p25", "p50", "p75", "p95"}; }

}  // namespace

SweepDesign sweep_design(const scenarios::Sweep& sweep) {
  SweepDesign design;
  design.points = sim::make_design(sweep.design, sweep.samples, sweep.parameters.size(), sweep.seed, scenarios::grid_levels(sweep));
  for (const auto& point : design.points) design.values.push_back(scenarios::parameter_values(sweep, point));
  return design;
}

std::vector<ResultGroup> sweep_result_groups(const scenarios::Sweep& sweep, const SweepLayout& layout,
                                             const SweepDesign& design, const std::string& checkpoint_path,
                                             bool keep_trajectories) {
  const std::size_t runs = design.points.size(), d = sweep.parameters.size();
  const std::size_t n_outcomes = layout.outcomes.size(), n_years = layout.years.size();
  const std::size_t width = layout.width();

  ResultGroup root;
  std::vector<int> run_ids(runs);
  for (std::size_t r = 0; r < runs; ++r) run_ids[r] = static_cast<int>(r);
  std::vector<std::string> keys, outcome_names;
  for (const auto& p : sweep.parameters) keys.push_back(p.key);
  for (const auto& o : layout.outcomes) outcome_names.push_back(o.name);
  root.dimensions.push_back({"run", run_ids, {}, "1", "run of the design (saltelli: blocks of d + 2 runs per base sample)"});
  root.dimensions.push_back({"parameter", {}, keys, "1", "swept scenario key"});
  root.dimensions.push_back({"year", layout.years, {}, "calendar year", "projection year"});
  root.dimensions.push_back({"quantile", {}, fan_labels(), "1", "quantile over the runs (type 7): 5, 25, 50, 75, 95%"});

  // Per-run outcomes, in run order (each run is recorded once).
  std::vector<double> outcomes(runs * n_outcomes);
  output::SweepCheckpoint::read_all(checkpoint_path, width, [&](const output::SweepRecord& r) {
    std::copy(r.values.begin(), r.values.begin() + static_cast<std::ptrdiff_t>(n_outcomes),
              outcomes.begin() + static_cast<std::ptrdiff_t>(r.run * n_outcomes));
  });

  ResultGroup samples{"samples", "each run: the parameters' values and the outcomes (means over its replications)", {}, {}};
  std::vector<double> values, points;
  for (std::size_t r = 0; r < runs; ++r) {
    values.insert(values.end(), design.values[r].begin(), design.values[r].end());
    points.insert(points.end(), design.points[r].begin(), design.points[r].end());
  }
  std::string units_by_key;
  for (const auto& p : sweep.parameters) {
    units_by_key += (units_by_key.empty() ? "" : "; ") + p.key + ": " + p.units + ", " + p.distribution.describe();
    if (!p.labels.empty()) {
      units_by_key += " [";
      for (std::size_t k = 0; k < p.labels.size(); ++k) units_by_key += (k ? ", " : "") + std::to_string(k) + " = " + p.labels[k];
      units_by_key += "]";
    }
  }
  samples.series.push_back({"parameter_value", "", "as the parameter (see source)", "value each parameter takes in each run", units_by_key,
                            {"run", "parameter"}, values});
  samples.series.push_back({"design_point", "", "1",
                            sweep.design == sim::DesignKind::grid ? "grid level index of each parameter in each run"
                                                                  : "point of the unit cube each run maps through the distributions",
                            std::string("design: ") + sim::design_name(sweep.design), {"run", "parameter"}, points});
  ResultGroup outcome_quantiles{"outcome_quantiles", "quantiles of each outcome over the runs (type 7)", {}, {}};
  for (std::size_t o = 0; o < n_outcomes; ++o) {
    std::vector<double> column(runs);
    for (std::size_t r = 0; r < runs; ++r) column[r] = outcomes[r * n_outcomes + o];
    const Outcome& head = layout.outcomes[o];
    samples.series.push_back({head.name, head.label_zh, head.units, head.description, "", {"run"}, column});
    outcome_quantiles.series.push_back({head.name, head.label_zh, head.units, head.description + "; quantiles over the runs", "",
                                        {"quantile"}, sim::sample_quantiles(column, kFanProbabilities)});
  }

  // Fans of the indicators: as many indicator-year cells per pass over the checkpoint as fit the budget.
  ResultGroup fans{"fans", "quantiles of each indicator by year over the runs (type 7)", {}, {}};
  ResultGroup trajectories{"trajectories", "every indicator of every run by year", {}, {}};
  const std::size_t cells = layout.indicators.size() * n_years;
  const std::size_t per_pass = std::max<std::size_t>(1, kFanBudgetBytes / (sizeof(double) * std::max<std::size_t>(runs, 1)));
  std::vector<std::vector<double>> fan_values(layout.indicators.size(), std::vector<double>(kFanProbabilities.size() * n_years));
  for (std::size_t first = 0; first < cells; first += per_pass) {
    const std::size_t count = std::min(per_pass, cells - first);
    std::vector<double> block(count * runs);  // [cell][run]
    output::SweepCheckpoint::read_all(checkpoint_path, width, [&](const output::SweepRecord& r) {
      for (std::size_t c = 0; c < count; ++c) block[c * runs + r.run] = r.values[n_outcomes + first + c];
    });
    for (std::size_t c = 0; c < count; ++c) {
      const std::size_t cell = first + c, i = cell / n_years, t = cell % n_years;
      const std::vector<double> column(block.begin() + static_cast<std::ptrdiff_t>(c * runs),
                                       block.begin() + static_cast<std::ptrdiff_t>((c + 1) * runs));
      const auto q = sim::sample_quantiles(column, kFanProbabilities);
      for (std::size_t k = 0; k < q.size(); ++k) fan_values[i][k * n_years + t] = q[k];
    }
  }
  for (std::size_t i = 0; i < layout.indicators.size(); ++i) {
    const auto& head = layout.indicators[i];
    fans.series.push_back({head.name, "", head.units, head.description + "; quantiles over the runs", "", {"quantile", "year"}, fan_values[i]});
  }
  if (keep_trajectories) {
    std::vector<std::vector<double>> all(layout.indicators.size(), std::vector<double>(runs * n_years));
    output::SweepCheckpoint::read_all(checkpoint_path, width, [&](const output::SweepRecord& r) {
      for (std::size_t i = 0; i < layout.indicators.size(); ++i)
        std::copy(r.values.begin() + static_cast<std::ptrdiff_t>(n_outcomes + i * n_years),
                  r.values.begin() + static_cast<std::ptrdiff_t>(n_outcomes + (i + 1) * n_years),
                  all[i].begin() + static_cast<std::ptrdiff_t>(r.run * n_years));
    });
    for (std::size_t i = 0; i < layout.indicators.size(); ++i) {
      const auto& head = layout.indicators[i];
      trajectories.series.push_back({head.name, "", head.units, head.description + "; each run", "", {"run", "year"}, all[i]});
    }
  }

  std::vector<ResultGroup> groups{root, samples, outcome_quantiles, fans};
  if (!sweep.sobol_outputs.empty()) {
    ResultGroup sobol{"sobol", "Sobol sensitivity indices of chosen outcomes (Saltelli 2010 first order, Jansen total) with 95% bootstrap intervals", {}, {}};
    sobol.dimensions.push_back({"sobol_index", {}, {"first_order", "total"}, "1", "first-order index S_i or total index S_Ti"});
    sobol.dimensions.push_back({"estimate", {}, {"estimate", "ci_low", "ci_high"}, "1",
                                "point estimate and bootstrap percentile interval (2.5%, 97.5%)"});
    for (const auto& name : sweep.sobol_outputs) {
      const auto o = static_cast<std::size_t>(std::find(outcome_names.begin(), outcome_names.end(), name) - outcome_names.begin());
      std::vector<double> column(runs);
      for (std::size_t r = 0; r < runs; ++r) column[r] = outcomes[r * n_outcomes + o];
      const auto s = sim::estimate_sobol_indices(column, d, sweep.bootstrap, sweep.seed);
      std::vector<double> v;
      for (const auto* part : {&s.first_order, &s.first_order_low, &s.first_order_high, &s.total, &s.total_low, &s.total_high})
        v.insert(v.end(), part->begin(), part->end());
      const Outcome& head = layout.outcomes[o];
      sobol.series.push_back({name, head.label_zh, "1 (share of the output's variance)",
                              "Sobol indices of " + head.description, "bootstrap resamples: " + std::to_string(sweep.bootstrap),
                              {"sobol_index", "estimate", "parameter"}, v});
    }
    groups.push_back(sobol);
  }
  if (keep_trajectories) groups.push_back(trajectories);
  return groups;
}

std::string parameter_distributions_zh(const scenarios::Sweep& sweep) {
  using Kind = sim::ParameterDistribution::Kind;
  std::string out;
  for (const auto& p : sweep.parameters) {
    const auto& d = p.distribution;
    const auto& v = d.parameters();
    auto number = [&](std::size_t i) { return i < v.size() ? sim::grouped(v[i], 3) : std::string("?"); };
    std::string distribution;
    switch (d.kind()) {
      case Kind::uniform: distribution = text::say(text::Lang::zh, "sweep.distribution.uniform", {{"min", number(0)}, {"max", number(1)}}); break;
      case Kind::normal: distribution = text::say(text::Lang::zh, "sweep.distribution.normal", {{"mean", number(0)}, {"sd", number(1)}}); break;
      case Kind::triangular:
        distribution = text::say(text::Lang::zh, "sweep.distribution.triangular", {{"min", number(0)}, {"mode", number(1)}, {"max", number(2)}});
        break;
      case Kind::lognormal: distribution = text::say(text::Lang::zh, "sweep.distribution.lognormal", {{"mu", number(0)}, {"sigma", number(1)}}); break;
      case Kind::discrete: distribution = text::say(text::Lang::zh, "sweep.distribution.discrete", {{"count", d.alternatives()}}); break;
    }
    const bool discrete = d.kind() == Kind::discrete;
    std::string labels;
    const std::string separator = text::say(text::Lang::zh, "common.list_separator_inline");
    for (std::size_t k = 0; k < p.labels.size(); ++k) labels += (k ? separator : "") + std::to_string(k) + " = " + p.labels[k];
    const char* units = discrete ? "sweep.units.alternative" : p.scale ? "sweep.units.factor" : "sweep.units.key";
    out += (out.empty() ? "" : text::say(text::Lang::zh, "common.clause_separator")) + text::say(text::Lang::zh, "sweep.parameter",
                                                 {{"key", p.key}, {"units", text::say(text::Lang::zh, units, {{"key", p.key}})},
                                                  {"distribution", distribution}}) +
           (labels.empty() ? "" : text::say(text::Lang::zh, "sweep.labels", {{"labels", labels}}));
  }
  return out;
}

}  // namespace carecap::tools
