// carecap. SPDX-License-Identifier: MIT
#include "tools/sweep/SweepEngine.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iomanip>
#include <optional>
#include <iostream>
#include <omp.h>
#include <sstream>
#include <unistd.h>

#include "output/GroupFile.hpp"
#include "output/InputGuard.hpp"
#include "output/OutputLock.hpp"
#include "output/ResultsFile.hpp"
#include "output/SweepCheckpoint.hpp"
#include "scenarios/loader/ScenarioLoader.hpp"
#include "scenarios/loader/Sha256.hpp"
#include "sim/Errors.hpp"
#include "text/TextArg.hpp"
#include "tools/sweep/MpiSession.hpp"
#include "tools/run/MemoryEstimate.hpp"
#include "tools/run/RunLimits.hpp"
#include "tools/sweep/SweepProgress.hpp"
#include "tools/sweep/SweepResults.hpp"
#include "tools/sweep/SweepRun.hpp"
#include "tools/run/UtcNow.hpp"
#include "tools/run/Version.hpp"

namespace carecap::tools {
namespace fs = std::filesystem;
namespace {

/// Whether a file is at `path`; a path the system refuses (e.g. a name too long) holds none.
bool exists(const std::string& path) {
  std::error_code error;
  return fs::exists(path, error);
}

/// Checks that every run's scenario is valid before any run starts: the scenario with each
/// parameter at the lowest and the highest value the design gives it (the others at run 0's).
void validate_design(const scenarios::Sweep& sweep, const SweepDesign& design, scenarios::TableCache& tables) {
  (void)sweep_scenario(sweep, design.values.front(), 0, tables);
  for (std::size_t i = 0; i < sweep.parameters.size(); ++i) {
    std::size_t low = 0, high = 0;
    for (std::size_t r = 0; r < design.values.size(); ++r) {
      if (design.values[r][i] < design.values[low][i]) low = r;
      if (design.values[r][i] > design.values[high][i]) high = r;
    }
    for (std::size_t r : {low, high}) {
      std::vector<double> values = design.values.front();
      values[i] = design.values[r][i];
      (void)sweep_scenario(sweep, values, r, tables);
    }
  }
}

/// What rank 0 found of the output and checkpoint: the runs already done.
struct Start {
  bool complete = false;    // --resume on a finished sweep of the same fingerprint
  bool fresh = false;       // --resume with nothing to resume: started from the first run
  std::uint64_t block = 0;  // runs per block: rank 0's, so that every rank makes the same collective calls
  std::vector<char> done;   // one flag per run
};

std::vector<char> encode(const Start& s) {
  std::vector<char> bytes(2 + sizeof s.block + s.done.size());
  bytes[0] = static_cast<char>(s.complete);
  bytes[1] = static_cast<char>(s.fresh);
  std::memcpy(bytes.data() + 2, &s.block, sizeof s.block);
  std::copy(s.done.begin(), s.done.end(), bytes.begin() + 2 + sizeof s.block);
  return bytes;
}

Start decode(const std::vector<char>& bytes) {
  Start s;
  s.complete = bytes[0] != 0;
  s.fresh = bytes[1] != 0;
  std::memcpy(&s.block, bytes.data() + 2, sizeof s.block);
  s.done.assign(bytes.begin() + 2 + sizeof s.block, bytes.end());
  return s;
}

/// What every process reads before the runs: the sweep, its scenario and its design, checked.
struct SweepInputs {
  scenarios::Sweep sweep;
  scenarios::Scenario base;
  SweepLayout layout;
  SweepDesign design;
};

SweepInputs load_inputs(const SweepOptions& options, scenarios::TableCache& tables) {
  check_thread_count(options.threads);
  SweepInputs in;
  in.sweep = scenarios::load_sweep(options.sweep_path);
  in.base = scenarios::load_scenario(in.sweep.scenario_path, {}, &tables);
  // The checkpoint's fingerprint: the sweep file's text, the contents of the scenario, its bases
  // and every table it reads (in the order the scenario reads them), and the carecap version. Not
  // how their paths are spelt nor the working directory, so that a sweep resumes from another
  // folder or with absolute paths; a resumed sweep never mixes runs made from different inputs
  // or code. (The loader's fingerprint holds the paths, so it is not used here.)
  std::string provenance = "carecap sweep checkpoint 2\ncarecap " + std::string(kVersion) + " " + kGitCommit + "\nsweep " +
                           scenarios::sha256_of_text(in.sweep.text);
  for (const auto& input : in.base.inputs) provenance += "\ninput " + input.sha256;
  in.sweep.fingerprint = scenarios::sha256_of_text(provenance);
  in.layout = sweep_layout(in.base);
  for (const auto& name : in.sweep.sobol_outputs)
    if (std::none_of(in.layout.outcomes.begin(), in.layout.outcomes.end(), [&](const Outcome& o) { return o.name == name; })) {
      std::string known;
      for (const auto& o : in.layout.outcomes) known += (known.empty() ? "" : ", ") + o.name;
      throw InputError(text::both("errors.sweep.sobol_output", {{"path", in.sweep.path}, {"known", known}, {"found", name}}));
    }
  try {
    in.design = sweep_design(in.sweep);
  } catch (const std::invalid_argument& error) {
    throw InputError(text::both("errors.sweep.empty_design", {{"path", in.sweep.path}, {"reason", error.what()}}));
  }
  {  // before any run: every thread runs the scenario with the sweep's replications (--max-memory)
    scenarios::Scenario one = in.base;
    scenarios::set_replications(one, in.sweep.replications);
    const int threads = options.threads > 0 ? options.threads : omp_get_max_threads();
    check_memory(sweep_memory_bytes(one, in.design.points.size(), in.layout.width(), threads), in.sweep.path,
                 text::both("errors.memory.sweep_detail", {{"runs", in.design.points.size()},
                                                           {"replications", in.sweep.replications}, {"threads", threads}}));
  }
  validate_design(in.sweep, in.design, tables);
  return in;
}

/// Rank 0's last step: reduces the checkpoint's runs to the results file, then removes the
/// checkpoint. The results file replaces a file at `output_path` only when `replace_output` (one
/// found there at the start and allowed then); otherwise one that appeared meanwhile is kept.
void write_results(const SweepInputs& in, const std::string& output_path, const std::string& checkpoint_path,
                   bool keep_trajectories, bool replace_output) {
  const std::size_t runs = in.design.points.size();
  output::SweepCheckpoint::check_fingerprint(checkpoint_path, in.sweep.fingerprint);
  const auto groups = sweep_result_groups(in.sweep, in.layout, in.design, checkpoint_path, keep_trajectories);
  output::SweepCheckpoint::check_fingerprint(checkpoint_path, in.sweep.fingerprint);  // read whole, still ours
  output::FileAttributes attributes;
  attributes.text = {{"title", "carecap sweep: " + in.sweep.name},
                     {"carecap_version", kVersion},
                     {"git_commit", kGitCommit},
                     {"sweep_name", in.sweep.name},
                     {"sweep_description", in.sweep.description},
                     {"sweep_path", in.sweep.path},
                     {"sweep_text", in.sweep.text},
                     {"sweep_source", in.sweep.source},
                     {"sweep_source_zh", in.sweep.source_zh.empty() ? in.sweep.source : in.sweep.source_zh},
                     {"sweep_description_zh", in.sweep.description_zh.empty() ? in.sweep.description : in.sweep.description_zh},
                     {"parameter_distributions_zh", parameter_distributions_zh(in.sweep)},
                     {"sweep_fingerprint", in.sweep.fingerprint},
                     {"scenario_text", in.base.text},
                     {"design", sim::design_name(in.sweep.design)},
                     {"created_utc", utc_now()}};
  attributes.integers = {{"runs", static_cast<std::int64_t>(runs)},
                         {"samples", static_cast<std::int64_t>(in.sweep.samples)},
                         {"replications", in.sweep.replications}};
  attributes.unsigned_integers = {{"seed", in.sweep.seed}};
  try {
    output::write_group_file(output_path, groups, attributes, replace_output);
  } catch (const RuntimeFault& fault) {  // e.g. a full disk: the runs are safe in the checkpoint
    throw RuntimeFault(text::both("errors.sweep.write_failed_runs_kept", {{"error", {fault.zh(), fault.what()}},
                                                                           {"runs", text::same(std::to_string(runs))},
                                                                           {"checkpoint", text::same(checkpoint_path)}}));
  } catch (const InputError& error) {  // a file appeared at the output meanwhile
    throw InputError(text::both("errors.sweep.output_taken_runs_kept", {{"error", {error.zh(), error.what()}},
                                                                         {"runs", text::same(std::to_string(runs))},
                                                                         {"checkpoint", text::same(checkpoint_path)}}));
  }
  fs::remove(checkpoint_path);
}

}  // namespace

void run_sweep(const SweepOptions& options) {
  MpiSession mpi(options.lang);
  const text::Lang lang = options.lang;
  scenarios::TableCache tables;  // every run reads the scenario's tables once per process
  SweepInputs inputs = mpi.together([&] { return load_inputs(options, tables); });
  const scenarios::Sweep& sweep = inputs.sweep;
  const SweepLayout& layout = inputs.layout;
  const SweepDesign& design = inputs.design;
  const std::size_t runs = design.points.size();
  // Default: the sweep's name (sweep.name, a file name by the loader's check), here.
  const std::string output_path = options.output_path.empty() ? sweep.name + ".h5" : options.output_path;
  const std::string checkpoint_path = output_path + ".partial";

  // Rank 0 claims the output and its checkpoint for the whole command (released when run_sweep
  // returns or throws), decides from the files, and every rank learns the outcome.
  std::optional<output::OutputLock> output_lock, checkpoint_lock;
  std::optional<output::SweepCheckpoint> checkpoint;
  bool replace_output = false;  // rank 0: the final rename may replace the file found at the output
  const int threads = options.threads > 0 ? options.threads : omp_get_max_threads();
  Start start = mpi.together([&] {
    Start found;
    if (mpi.rank() != 0) return found;
    found.block = static_cast<std::uint64_t>(std::max(16, 4 * threads * mpi.size()));
    std::vector<std::string> read{options.sweep_path};
    for (const auto& input : inputs.base.inputs) read.push_back(input.path);
    output::check_not_an_input(output_path, read);
    output::check_not_an_input(checkpoint_path, read);
    output::check_output_path(output_path, true);  // a folder, a missing or read-only directory
    output_lock.emplace(output_path);
    checkpoint_lock.emplace(checkpoint_path);
    // The rule of --resume (docs/reliability.md): it continues this sweep's checkpoint, or does
    // nothing on this sweep's complete results; it never replaces a file at the output that is
    // not a results file of this sweep, nor a checkpoint of another sweep, unless --force is
    // also given. An empty checkpoint, or one cut inside its header, holds no run: it is absent.
    const bool have_checkpoint = !output::SweepCheckpoint::is_absent(checkpoint_path);
    const bool have_output = exists(output_path);
    const bool ours = have_output && output::read_root_text_attribute(output_path, "sweep_fingerprint") == sweep.fingerprint;
    if (options.resume && !have_checkpoint && ours) {
      found.complete = true;
      return found;
    }
    if (have_output && !options.force && (!options.resume || !ours)) {
      if (options.resume)
        throw InputError(text::both("errors.sweep.resume_not_ours", {{"path", output_path}, {"sweep", sweep.path}}));
      output::check_output_path(output_path, false);
    }
    replace_output = have_output;
    if (options.resume && have_checkpoint) {
      try {
        checkpoint = output::SweepCheckpoint::resume(checkpoint_path, sweep.fingerprint, layout.width(), runs);
      } catch (const InputError&) {
        if (!options.force) throw;  // --resume --force: another sweep's checkpoint is replaced by this one's
        found.fresh = true;
      }
    } else {  // a new sweep; with --resume, one killed before its checkpoint existed (or a batch job's first start)
      found.fresh = options.resume;
      if (have_checkpoint && !options.force)
        throw InputError(text::both("errors.sweep.interrupted_there", {{"path", checkpoint_path}}));
    }
    if (!checkpoint) {
      output::check_output_path(checkpoint_path, true);
      checkpoint = output::SweepCheckpoint::create(checkpoint_path, sweep.fingerprint, layout.width(), runs);
    }
    for (bool d : checkpoint->done()) found.done.push_back(d ? 1 : 0);
    return found;
  });
  std::vector<char> bytes = encode(start);
  mpi.broadcast(bytes);
  start = decode(bytes);
  if (start.complete) {
    if (mpi.rank() == 0) std::cout << text::say(lang, "cli.sweep.already_complete", {{"path", output_path}}) << "\n";
    return;
  }

  std::vector<std::size_t> pending;
  for (std::size_t r = 0; r < runs; ++r)
    if (!start.done[r]) pending.push_back(r);
  const auto block = static_cast<std::size_t>(start.block);
  if (mpi.rank() == 0)
    std::cout << text::say(lang, "cli.sweep.started",
                           {{"version", kVersion}, {"name", sweep.name}, {"design", sim::design_name(sweep.design)},
                            {"parameters", sweep.parameters.size()}, {"runs", runs},
                            {"replications", sweep.replications}, {"seed", std::to_string(sweep.seed)},
                            {"processes", mpi.size()}, {"threads", threads}})
              << (pending.size() < runs ? text::say(lang, "cli.sweep.resuming", {{"done", runs - pending.size()}}) : "")
              << (start.fresh ? text::say(lang, "cli.sweep.nothing_to_resume", {{"checkpoint", checkpoint_path}}) : "")
              << "\n";
  SweepProgress progress(std::cerr, mpi.rank() == 0, ::isatty(::fileno(stderr)) != 0, progress_interval_seconds(), runs,
                         runs - pending.size(), lang);
  const std::size_t width = layout.width();
  for (std::size_t first = 0; first < pending.size(); first += block) {
    const std::size_t count = std::min(block, pending.size() - first);
    std::vector<std::size_t> mine;  // this rank's runs of the block
    for (std::size_t k = static_cast<std::size_t>(mpi.rank()); k < count; k += static_cast<std::size_t>(mpi.size()))
      mine.push_back(pending[first + k]);
    std::vector<double> local(mine.size() * (width + 1));
    Failure failure;  // of the lowest run of this rank's that failed
    std::size_t error_run = runs;
#pragma omp parallel for schedule(dynamic, 1) num_threads(threads)
    for (std::size_t k = 0; k < mine.size(); ++k) {
      try {
        const auto record = run_sweep_sample(sweep, design.values[mine[k]], mine[k], tables);
        if (record.size() != width)
          throw InputError(text::both("errors.sweep.run_length", {{"path", sweep.path}, {"run", mine[k]}}));
        local[k * (width + 1)] = static_cast<double>(mine[k]);
        std::copy(record.begin(), record.end(), local.begin() + static_cast<std::ptrdiff_t>(k * (width + 1) + 1));
      } catch (...) {
#pragma omp critical(sweep_error)
        if (mine[k] < error_run) {
          error_run = mine[k];
          failure = Failure::current();
        }
      }
    }
    mpi.stop_if_any(failure);
    const std::vector<double> all = mpi.gather(local);
    mpi.together([&] {  // rank 0 saves the block; a full disk stops every rank
      if (mpi.rank() != 0) return 0;
      std::vector<output::SweepRecord> records;
      for (std::size_t k = 0; k < all.size(); k += width + 1)
        records.push_back({static_cast<std::uint64_t>(all[k]), std::vector<double>(all.begin() + static_cast<std::ptrdiff_t>(k + 1),
                                                                                   all.begin() + static_cast<std::ptrdiff_t>(k + 1 + width))});
      std::sort(records.begin(), records.end(), [](const auto& a, const auto& b) { return a.run < b.run; });
      checkpoint->append(records);
      return 0;
    });
    progress.update(first + count);
  }
  progress.finish();
  checkpoint.reset();  // closes the file
  mpi.together([&] {  // every rank waits, so that a failure to write stops them in order
    if (mpi.rank() == 0) write_results(inputs, output_path, checkpoint_path, options.keep_trajectories, replace_output);
    return 0;
  });
  if (mpi.rank() != 0) return;
  print_sweep_summary(std::cout, output_path, layout, lang);
  std::cout << text::say(lang, "cli.sweep.wrote", {{"path", output_path}, {"runs", runs}}) << "\n";
}

}  // namespace carecap::tools
