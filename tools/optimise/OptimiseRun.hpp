// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <cstdint>
#include <functional>
#include <string>

#include "models/planning/CapacityGrid.hpp"
#include "models/planning/RequiredCapacity.hpp"
#include "models/planning/ScheduleProgramme.hpp"
#include "scenarios/loader/Scenario.hpp"
#include "scenarios/loader/Sweep.hpp"
#include "text/Catalogue.hpp"
#include "text/Lang.hpp"
#include "tools/optimise/ChildcareRequirement.hpp"
#include "tools/optimise/PlanVerification.hpp"
#include "tools/optimise/ScheduleCandidates.hpp"
#include "tools/run/ResultsRun.hpp"

namespace carecap::tools {

/// What `carecap optimise` is asked to do (the options that are not about printing).
struct OptimiseRequest {
  std::string scenario_path;
  std::string output_path;  // empty: <scenario name>_optimise.h5 in the working directory
  bool force = false;       // replace an existing output file
  int threads = 0;          // 0..kMaxThreads; 0: all cores. The results do not depend on it
  std::string sweep_path{}; // --sweep: the level must hold over the sweep's samples (docs/optimise.md, "Under uncertainty"); empty: none
  text::Lang lang = text::Lang::en;  // of an error rank 0 prints for every MPI process
};

/// Everything `carecap optimise` found, as written to its file and printed.
struct OptimiseResult {
  scenarios::Scenario scenario;              // as loaded
  planning::RequiredCapacity required;       // step (a): the least beds meeting the level, year by year
  planning::CapacityGrid required_grid;      // the same as a grid, beds
  planning::CapacityGrid programme_required; // what the last programme covered: required, early years left out, tightened
  planning::CapacityGrid existing;           // beds of the base-year supply without projects, beds
  planning::ScheduleResult schedule;         // step (b): the cheapest schedule (optimal)
  PlanVerification verification;             // step (c): the schedule with fresh random numbers
  int tightening_rounds = 0;                 // solves after the first, count
  std::uint64_t verification_seed = 0;       // seed of the verification runs
  planning::CapacityGrid published_capacity; // beds with the published plan's projects, beds
  PublishedPlan published;                   // its schedule and costs
  PlanVerification published_verification;   // the published plan with the same fresh numbers
  std::optional<ChildcareRequirement> places; // the childcare places the level requires (with [supply.childcare] only)
  std::string output_path;                   // the file written
  std::optional<scenarios::Sweep> sweep;     // --sweep: the sweep whose samples the level holds over
  std::size_t samples = 1;                   // samples every candidate is run with (design points of the sweep), count
  int replications = 0;                      // replications per sample (the sweep's, else capacity.replications), count
  std::uint64_t seed = 0;                    // seed of the search runs (the sweep's, else the scenario's)
  int rank = 0;                              // this process's MPI rank: only rank 0 wrote the file (and prints)
  int processes = 1;                         // MPI processes the runs were spread over, count
};

/// The pipeline of `carecap optimise`, in one place for every caller (the CLI; the web page
/// later): loads the scenario (it must have [service_level], [supply] and a deterministic
/// projection), derives demand and the capacity models as `carecap run` does, finds the required
/// capacity (find_required_capacity, the scenario's seed and capacity.replications), solves the
/// cheapest schedule (CbcSolver), verifies it with fresh random numbers and tightens the
/// requirement where it fails (at most optimise.verification_rounds more solves), verifies the
/// published plan the same way, and writes the `optimise` group (output/SCHEMA.md, "Optimise
/// files"). Throws InputError for bad input and for an infeasible programme (naming year, bed
/// type and town), RuntimeFault for a failure while running or writing.
[[nodiscard]] OptimiseResult run_optimise_into_file(const OptimiseRequest& request,
                                                    const std::function<void(RunStage)>& on_stage = {});

/// The town `region` of the scenario in both languages (its labels; else its name).
[[nodiscard]] text::Text town_text(const scenarios::Scenario& scenario, int region);

}  // namespace carecap::tools
