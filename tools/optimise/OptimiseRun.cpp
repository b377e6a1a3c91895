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
#include "tools/optimise/MpiRunExecutor.hpp"
#include "tools/optimise/OptimiseSeries.hpp"
#include "tools/optimise/OptimiseSweep.hpp"
#include "tools/run/LabelSeries.hpp"
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
  const text::Text shortfall = text::same(sim::grouped(std::ceil(u.shortfall_beds - 1e-6), 0));
  if (u.kind == Kind::idle_share)
    throw InputError(text::both("errors.optimise.infeasible_idle",
                                {{"share", text::same(sim::grouped(*s.service_level->max_idle_share, 2))},
                                 {"year", text::same(std::to_string(u.year))}, {"most", text::same(sim::grouped(u.required, 0))}, {"shortfall", shortfall}}));
  throw InputError(text::both(u.kind == Kind::nursing_share ? "errors.optimise.infeasible_standard"
                                                            : "errors.optimise.infeasible_per_thousand",
                              {{"year", text::same(std::to_string(u.year))}, {"shortfall", shortfall}}));
}

/// The idle bound of the programme (ServiceLevel::max_idle_share): beds each need occupies at the
/// required capacity, by Little's law (the year's arrivals x the mean stay of its bed type).
std::optional<planning::IdleBound> idle_bound(const planning::RequiredCapacity& required, const supply::CapacityModel& model,
                                              const planning::ServiceLevel& level) {
  if (!level.max_idle_share || *level.max_idle_share >= 1) return std::nullopt;  // 1: every bed may stand idle
  planning::IdleBound bound{*level.max_idle_share, required.grid()};
  for (std::size_t y = 0; y < required.level.size(); ++y)
    for (std::size_t d = 0; d < required.level[y].size(); ++d)
      for (std::size_t r = 0; r < required.level[y][d].size(); ++r)
        bound.occupied.at(required.first_year + static_cast<int>(y), static_cast<int>(d), static_cast<int>(r)) =
            required.level[y][d][r].arrivals * model.stay[d].mean_years;
  return bound;
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

namespace {

/// The root attributes of an optimise file (output/SCHEMA.md, "Optimise files").
output::FileAttributes optimise_attributes(const OptimiseResult& out, const std::optional<OptimiseSweep>& sweep) {
  const scenarios::Scenario& s = out.scenario;
  const planning::ServiceLevel& level = *s.service_level;
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
  attributes.integers = {{"replications", out.replications}, {"tightening_rounds", out.tightening_rounds},
                         {"verified", out.verification.met ? 1 : 0},
                         {"search_candidates", static_cast<std::int64_t>(out.required.candidates)},
                         {"search_simulations", static_cast<std::int64_t>(out.required.simulations)}};
  if (out.places) {
    attributes.integers.push_back({"places_search_candidates", static_cast<std::int64_t>(out.places->required.candidates)});
    attributes.integers.push_back({"places_search_simulations", static_cast<std::int64_t>(out.places->required.simulations)});
  }
  attributes.unsigned_integers = {{"seed", out.seed}, {"verification_seed", out.verification_seed}};
  if (sweep) add_sweep_attributes(attributes, *sweep);
  // The scenario's sources with their Chinese text (source_zh), for Chinese reports (as `carecap run`).
  std::vector<std::string> sources_en, sources_zh;
  for (const auto& source : s.labels.sources) {
    sources_en.push_back(source.en);
    sources_zh.push_back(source.zh);
  }
  attributes.text_lists = {{"source_texts_en", sources_en}, {"source_texts_zh", sources_zh}};
  return attributes;
}

/// The pipeline on every process of `mpi` (one without a launcher): each evaluation's runs are
/// made by `executor`; steps that may fail on one process only (reading, claiming and writing the
/// file) are collective (MpiSession::together); the rest is the same deterministic computation on
/// every process, from the same gathered numbers. Rank 0 alone claims and writes the file.
OptimiseResult optimise_on_every_process(const OptimiseRequest& request, const std::function<void(RunStage)>& on_stage,
                                         MpiSession& mpi, const planning::RunExecutor& executor) {
  const auto stage = [&](RunStage s) {
    if (on_stage) on_stage(s);
  };
  stage(RunStage::loading);
  OptimiseResult out;
  out.rank = mpi.rank();
  out.processes = mpi.size();
  mpi.together([&] {
    check_thread_count(request.threads);
    out.scenario = scenarios::load_scenario(request.scenario_path);
    check_scenario(out.scenario);
    check_run_memory(out.scenario, request.threads, NaturalTrend::simulate);
    return 0;
  });
  const scenarios::Scenario& s = out.scenario;
  out.output_path = request.output_path.empty() ? s.name + "_optimise.h5" : request.output_path;
  std::vector<std::string> read;
  for (const auto& input : s.inputs) read.push_back(input.path);
  if (!request.sweep_path.empty()) read.push_back(request.sweep_path);
  std::optional<output::OutputLock> claim;  // rank 0's, as `carecap sweep`
  mpi.together([&] {
    if (mpi.rank() == 0) claim.emplace(output::claim_output(out.output_path, request.force, read));
    return 0;
  });

  stage(RunStage::running);
  const planning::OptimiseSettings settings = s.optimise.value_or(planning::OptimiseSettings{});
  const planning::ServiceLevel& level = *s.service_level;
  const supply::SupplyParameters& supply = s.supply->supply;
  const ScenarioCapacityModels models = mpi.together([&] { return scenario_capacity_models(s, request.threads); });
  std::optional<OptimiseSweep> sweep;  // --sweep: every candidate over the sweep's samples
  if (!request.sweep_path.empty())
    sweep = mpi.together([&] { return load_optimise_sweep(request.sweep_path, request.scenario_path, models.base_year, request.threads); });
  out.seed = sweep ? sweep->sweep.seed : s.run.seed;
  out.replications = sweep ? sweep->sweep.replications : s.supply->capacity.replications;
  out.samples = sweep ? sweep->models.size() : 1;
  if (sweep) out.sweep = sweep->sweep;
  out.verification_seed = settings.verification_seed.value_or(out.seed + 1);
  if (out.verification_seed == out.seed)  // the scenario's own seed is refused by the loader; the sweep's here
    throw InputError(text::both("errors.optimise.sweep_seed", {{"path", text::same(request.sweep_path)}}));
  const auto ensemble = [&](std::uint64_t seed) {
    return sweep ? sweep->ensemble(seed, request.threads, &executor)
                 : planning::CandidateEnsemble{{&models.base_year}, {seed, out.replications, request.threads}, &executor};
  };
  // (a) The required capacity, with the scenario's (or the sweep's) seed and replications.
  out.required = planning::find_required_capacity(ensemble(out.seed), level);
  out.required_grid = out.required.grid();
  if (s.supply->childcare) out.places = childcare_requirement(s, models.demand, request.threads);
  // (b) The cheapest schedule; (c) verified with fresh numbers, tightened where it fails.
  out.existing = capacity_grid(models.base_year);
  planning::ScheduleProblem problem = schedule_problem(out.required_grid, out.existing, supply, models.base_year, settings);
  problem.idle_bound = idle_bound(out.required, models.base_year, level);
  if (settings.min_beds_per_thousand_elders) {  // the plan's per-1,000 rule as a standard, over the projected elders
    planning::CapacityStandards::BedsPerThousandElders rule{settings.beds_per_thousand_from_year,
                                                            *settings.min_beds_per_thousand_elders, {}};
    for (int y = problem.required.first_year; y <= problem.required.last_year(); ++y)
      rule.elders.push_back(models.demand.elder.at(static_cast<std::size_t>(y - models.demand.base_year)).elderly);
    problem.standards.beds_per_thousand_elders = rule;
  }
  const planning::CandidateEnsemble fresh = ensemble(out.verification_seed);
  const planning::CbcSolver solver;
  for (int round = 0;; ++round) {
    // Every rank solves the same programme (CBC on one thread with fixed seeds); a time limit
    // that one rank reaches stops every rank together.
    mpi.together([&] {
      out.schedule = planning::solve_schedule(problem, solver);
      if (out.schedule.status == planning::ScheduleStatus::infeasible) throw_unmet(s, *out.schedule.unmet);
      if (out.schedule.status != planning::ScheduleStatus::optimal)
        throw RuntimeFault(text::both("errors.optimise.not_solved", {{"message", text::same(out.schedule.solver_message)}}));
      return 0;
    });
    out.verification = verify_plan(fresh, as_plan(out.schedule.capacity), level);
    out.tightening_rounds = round;
    if (out.verification.met || round == settings.verification_rounds ||
        !tighten(problem.required, out.verification, models.base_year, level, supply.build_lag_years))
      break;
  }
  out.programme_required = problem.required;
  // The published plan, priced and verified the same way (the same fresh numbers).
  out.published_capacity = capacity_grid(models.plan);
  out.published = published_plan(supply, out.published_capacity, settings.discount_rate);
  out.published_verification = verify_plan(fresh, as_plan(out.published_capacity), level);

  stage(RunStage::writing);
  const output::FileAttributes attributes = optimise_attributes(out, sweep);
  ResultGroup group = optimise_group(out);
  add_label_series(group, s.labels);  // region_label_zh / region_label_en, as results files
  if (sweep) add_sweep_series(group, *sweep);
  mpi.together([&] {
    if (mpi.rank() == 0) output::write_group_file(out.output_path, {group}, attributes, request.force);
    return 0;
  });
  return out;
}

}  // namespace

OptimiseResult run_optimise_into_file(const OptimiseRequest& request, const std::function<void(RunStage)>& on_stage) {
  MpiSession mpi(request.lang);  // MPI only under a launcher (mpirun, srun)
  const MpiRunExecutor executor(mpi, request.threads);
  // A failure every process meets alike (bad input, an infeasible programme) stops them together,
  // printed once by rank 0; the collective steps inside have already shared any other failure.
  return mpi.together([&] { return optimise_on_every_process(request, on_stage, mpi, executor); });
}

}  // namespace carecap::tools
