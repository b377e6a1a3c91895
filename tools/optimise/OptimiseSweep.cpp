// carecap. SPDX-License-Identifier: MIT
#include "tools/optimise/OptimiseSweep.hpp"

#include <stdexcept>

#include "scenarios/loader/TableCache.hpp"
#include "sim/Errors.hpp"
#include "text/Catalogue.hpp"
#include "text/TextArg.hpp"
#include "tools/run/ScenarioRun.hpp"
#include "tools/sweep/SweepResults.hpp"
#include "tools/sweep/SweepRun.hpp"

namespace carecap::tools {

planning::CandidateEnsemble OptimiseSweep::ensemble(std::uint64_t seed, int threads, const planning::RunExecutor* executor) const {
  planning::CandidateEnsemble e;
  for (const supply::CapacityModel& m : models) e.models.push_back(&m);
  e.runs = {seed, sweep.replications, threads};
  e.executor = executor;
  return e;
}

OptimiseSweep load_optimise_sweep(const std::string& sweep_path, const std::string& scenario_path,
                                  const supply::CapacityModel& base_year, int threads) {
  OptimiseSweep out;
  out.sweep = scenarios::load_sweep(sweep_path, scenario_path);
  for (const scenarios::SweepParameter& p : out.sweep.parameters)
    if (p.section == "service_level" || p.section == "optimise")
      throw InputError(text::both("errors.optimise.sweep_fixed_key", {{"path", text::same(sweep_path)}, {"key", text::same(p.key)}}));
  try {
    out.values = sweep_design(out.sweep).values;
  } catch (const std::invalid_argument& error) {
    throw InputError(text::both("errors.sweep.empty_design", {{"path", sweep_path}, {"reason", error.what()}}));
  }
  scenarios::TableCache tables;
  for (std::size_t k = 0; k < out.values.size(); ++k) {
    const scenarios::Scenario sample = sweep_scenario(out.sweep, out.values[k], k, tables);
    supply::CapacityModel m = scenario_capacity_models(sample, threads).base_year;
    if (m.first_year != base_year.first_year || m.last_year != base_year.last_year || m.regions != base_year.regions ||
        m.acceptable_beds != base_year.acceptable_beds)
      throw InputError(text::both("errors.optimise.sweep_shape", {{"path", text::same(sweep_path)}, {"run", text::same(std::to_string(k))}}));
    out.models.push_back(std::move(m));
  }
  return out;
}

void add_sweep_attributes(output::FileAttributes& attributes, const OptimiseSweep& sweep) {
  const scenarios::Sweep& w = sweep.sweep;
  attributes.text.insert(attributes.text.end(), {{"sweep_path", w.path}, {"sweep_name", w.name}, {"sweep_text", w.text},
                                                 {"sweep_design", sim::design_name(w.design)}});
  attributes.integers.emplace_back("samples", static_cast<std::int64_t>(sweep.models.size()));
  attributes.unsigned_integers.emplace_back("sweep_seed", w.seed);
}

void add_sweep_series(ResultGroup& group, const OptimiseSweep& sweep) {
  ResultDimension samples{"sample", {}, {}, "1", "sample of the sweep (a design point): every candidate ran with each one's "
                          "demand and parameters"};
  for (std::size_t k = 0; k < sweep.values.size(); ++k) samples.values.push_back(static_cast<int>(k));
  std::vector<std::string> keys;
  for (const auto& p : sweep.sweep.parameters) keys.push_back(p.key);
  group.dimensions.push_back(samples);
  group.dimensions.push_back({"parameter", {}, keys, "1", "swept scenario key"});
  std::vector<double> values;
  for (const auto& row : sweep.values) values.insert(values.end(), row.begin(), row.end());
  group.series.push_back({"sweep_parameter_value", "", "as the parameter", "the value each swept key took in the sample "
                          "(a factor for scale = true, the alternative's index for a discrete one)", sweep.sweep.source,
                          {"sample", "parameter"}, values});
}

}  // namespace carecap::tools
