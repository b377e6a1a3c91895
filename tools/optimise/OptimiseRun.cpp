// carecap. SPDX-License-Identifier: MIT
#include "tools/optimise/OptimiseRun.hpp"

#include <algorithm>
#include <cmath>

#include "models/planning/CbcSolver.hpp"
#include "output/GroupFile.hpp"
#include "output/OutputLock.hpp"
#include "scenarios/loader/ScenarioLoader.hpp"
#include "sim/Errors.hpp"
#include "sim/NumberText.hpp"
#include "text/Catalogue.hpp"
#include "text/TextArg.hpp"
#include "tools/optimise/OptimiseSeries.hpp"
#include "tools/run/MemoryEstimate.hpp"
#include "tools/run/RunLimits.hpp"
#include "tools/run/ScenarioRun.hpp"
#include "tools/run/UtcNow.hpp"
#include "tools/run/Version.hpp"

namespace carecap::tools {
namespace {

text::Text bed_type_text(int bed_type) {
  return text::both(std::string("labels.") + demand::kBedTypeNames[static_cast<std::size_t>(bed_type)]);
}

void check_scenario(const scenarios::Scenario& s) {
  if (!s.service_level || !s.supply)
    throw InputError(text::both("errors.optimise.no_service_level", {{"path", text::same(s.path)}}));
  if (s.run.mode != demography::ProjectionMode::deterministic)
    throw InputError(text::both("errors.optimise.stochastic", {{"path", text::same(s.path)}}));
}

/// The infeasible programme as one line naming what cannot be met.
[[noreturn]] void throw_unmet(const scenarios::Scenario& s, const planning::UnmetRequirement& u) {
  using Kind = planning::UnmetRequirement::Kind;
  if (u.kind == Kind::requirement)
    throw InputError(text::both("errors.optimise.infeasible",
                                {{"year", text::same(std::to_string(u.year))}, {"type", bed_type_text(u.bed_type)},
                                 {"town", town_text(s, u.region)}, {"required", text::same(sim::grouped(u.required, 0))},
                                 {"shortfall", text::same(sim::grouped(std::ceil(u.shortfall_beds - 1e-6), 0))}}));
  throw InputError(text::both("errors.optimise.infeasible_standard",
                              {{"year", text::same(std::to_string(u.year))},
                               {"shortfall", text::same(sim::grouped(std::ceil(u.shortfall_beds - 1e-6), 0))}}));
}

/// Raises the programme's requirement where the verification failed, from base year + lag on
/// (earlier years cannot change): by the beds the excess failures would have occupied, Little's
/// law: arrivals x (upper 95% bound of the share failing - max_share_waiting) x mean stay, at
/// least one bed. Returns whether anything was raised.
bool tighten(planning::CapacityGrid& required, const PlanVerification& v, const supply::CapacityModel& model,
             const planning::ServiceLevel& level, int lag) {
  const int regions = required.regions;
  bool raised = false;
  for (int y = required.first_year + lag; y <= required.last_year(); ++y)
    for (int d = 0; d < demand::kBedTypeCount; ++d)
      for (int r = 0; r < regions; ++r) {
        const auto& a = v.level[static_cast<std::size_t>(y - v.first_year)][static_cast<std::size_t>(d * regions + r)];
        if (a.met) continue;
        const double stay = model.stay[static_cast<std::size_t>(d)].mean_years;
        const double beds = std::max(1.0, std::ceil(a.arrivals * std::max(0.0, a.share_high - level.max_share_waiting) * stay));
        required.at(y, d, r) += beds;
        raised = true;
      }
  return raised;
}

}  // namespace

text::Text town_text(const scenarios::Scenario& scenario, int region) {
  const std::string& name = scenario.supply->supply.regions[static_cast<std::size_t>(region)];
  const auto found = scenario.labels.regions.find(name);
  if (found == scenario.labels.regions.end()) return text::same(name);
  return {found->second.zh.empty() ? name : found->second.zh, found->second.en.empty() ? name : found->second.en};
}

OptimiseResult run_optimise_into_file(const OptimiseRequest& request, const std::function<void(RunStage)>& on_stage) {
  const auto stage = [&](RunStage s) {
    if (on_stage) on_stage(s);
  };
  stage(RunStage::loading);
  check_thread_count(request.threads);
  OptimiseResult out;
  out.scenario = scenarios::load_scenario(request.scenario_path);
  const scenarios::Scenario& s = out.scenario;
  check_scenario(s);
  check_run_memory(s, request.threads, NaturalTrend::simulate);
  out.output_path = request.output_path.empty() ? s.name + "_optimise.h5" : request.output_path;
  std::vector<std::string> read;
  for (const auto& input : s.inputs) read.push_back(input.path);
  const output::OutputLock claim = output::claim_output(out.output_path, request.force, read);

  stage(RunStage::running);
  const planning::OptimiseSettings settings = s.optimise.value_or(planning::OptimiseSettings{});
  const planning::ServiceLevel& level = *s.service_level;
  const supply::SupplyParameters& supply = s.supply->supply;
  const ScenarioCapacityModels models = scenario_capacity_models(s, request.threads);
  // (a) The required capacity, with the scenario's seed and replications.
  planning::RequiredCapacitySettings search;
  search.runs = {s.run.seed, s.supply->capacity.replications, request.threads};
  out.required = planning::find_required_capacity(models.base_year, level, search);
  out.required_grid = out.required.grid();
  // (b) The cheapest schedule; (c) verified with fresh numbers, tightened where it fails.
  out.existing = capacity_grid(models.base_year);
  planning::ScheduleProblem problem = schedule_problem(out.required_grid, out.existing, supply, models.base_year, settings);
  out.verification_seed = settings.verification_seed.value_or(s.run.seed + 1);
  const planning::CandidateRuns fresh{out.verification_seed, s.supply->capacity.replications, request.threads};
  const planning::CbcSolver solver;
  for (int round = 0;; ++round) {
    out.schedule = planning::solve_schedule(problem, solver);
    if (out.schedule.status == planning::ScheduleStatus::infeasible) throw_unmet(s, *out.schedule.unmet);
    if (out.schedule.status != planning::ScheduleStatus::optimal)
      throw RuntimeFault(text::both("errors.optimise.not_solved", {{"message", text::same(out.schedule.solver_message)}}));
    out.verification = verify_plan(models.base_year, as_plan(out.schedule.capacity), level, fresh);
    out.tightening_rounds = round;
    if (out.verification.met || round == settings.verification_rounds ||
        !tighten(problem.required, out.verification, models.base_year, level, supply.build_lag_years))
      break;
  }
  out.programme_required = problem.required;
  // The published plan, priced and verified the same way (the same fresh numbers).
  out.published_capacity = capacity_grid(models.plan);
  out.published = published_plan(supply, out.published_capacity, settings.discount_rate);
  out.published_verification = verify_plan(models.base_year, as_plan(out.published_capacity), level, fresh);

  stage(RunStage::writing);
  output::FileAttributes attributes;
  attributes.text = {{"title", "carecap optimise: " + s.name},
                     {"carecap_version", kVersion},
                     {"git_commit", kGitCommit},
                     {"scenario_name", s.name},
                     {"scenario_path", s.path},
                     {"scenario_text", s.text},
                     {"service_level_source", level.source},
                     {"optimise_source", s.optimise ? s.optimise->source : "defaults (no [optimise] section)"},
                     {"created_utc", utc_now()}};
  attributes.integers = {{"replications", s.supply->capacity.replications}, {"tightening_rounds", out.tightening_rounds},
                         {"verified", out.verification.met ? 1 : 0}};
  attributes.unsigned_integers = {{"seed", s.run.seed}, {"verification_seed", out.verification_seed}};
  // The scenario's sources with their Chinese text (source_zh), for Chinese reports (as `carecap run`).
  std::vector<std::string> sources_en, sources_zh;
  for (const auto& source : s.labels.sources) {
    sources_en.push_back(source.en);
    sources_zh.push_back(source.zh);
  }
  attributes.text_lists = {{"source_texts_en", sources_en}, {"source_texts_zh", sources_zh}};
  output::write_group_file(out.output_path, {optimise_group(out)}, attributes, request.force);
  return out;
}

}  // namespace carecap::tools
