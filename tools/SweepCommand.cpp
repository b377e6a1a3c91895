// carecap. SPDX-License-Identifier: MIT
#include "tools/SweepCommand.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iomanip>
#include <optional>
#include <iostream>
#include <omp.h>
#include <sstream>
#include <unistd.h>

#include "output/GroupFile.hpp"
#include "output/ResultsFile.hpp"
#include "output/SweepCheckpoint.hpp"
#include "scenarios/loader/ScenarioLoader.hpp"
#include "scenarios/loader/Sha256.hpp"
#include "sim/Errors.hpp"
#include "tools/MpiSession.hpp"
#include "tools/RunCommand.hpp"
#include "tools/SweepResults.hpp"
#include "tools/SweepRun.hpp"
#include "tools/UtcNow.hpp"
#include "tools/Version.hpp"

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
void validate_design(const scenarios::Sweep& sweep, const SweepDesign& design) {
  (void)sweep_scenario(sweep, design.values.front(), 0);
  for (std::size_t i = 0; i < sweep.parameters.size(); ++i) {
    std::size_t low = 0, high = 0;
    for (std::size_t r = 0; r < design.values.size(); ++r) {
      if (design.values[r][i] < design.values[low][i]) low = r;
      if (design.values[r][i] > design.values[high][i]) high = r;
    }
    for (std::size_t r : {low, high}) {
      std::vector<double> values = design.values.front();
      values[i] = design.values[r][i];
      (void)sweep_scenario(sweep, values, r);
    }
  }
}

/// What rank 0 found of the output and checkpoint: the runs already done, or an input error.
struct Start {
  std::string error;       // non-empty: every rank stops
  bool fault = false;      // the error is a failure (exit 1), not bad input (exit 2)
  bool complete = false;   // --resume on a finished sweep of the same fingerprint
  std::vector<char> done;  // one flag per run
};

std::vector<char> encode(const Start& s) {
  std::string bytes;
  bytes += static_cast<char>(s.complete);
  bytes += static_cast<char>(s.fault);
  bytes += s.error;
  bytes += '\0';
  bytes.append(s.done.begin(), s.done.end());
  return {bytes.begin(), bytes.end()};
}

Start decode(const std::vector<char>& bytes) {
  Start s;
  s.complete = bytes[0] != 0;
  s.fault = bytes[1] != 0;
  const auto end = std::find(bytes.begin() + 2, bytes.end(), '\0');
  s.error.assign(bytes.begin() + 2, end);
  s.done.assign(end + 1, bytes.end());
  return s;
}

std::string duration(double seconds) {
  std::ostringstream out;
  const auto s = static_cast<long long>(seconds);
  if (s >= 3600) out << s / 3600 << "h " << (s % 3600) / 60 << "m";
  else if (s >= 60) out << s / 60 << "m " << s % 60 << "s";
  else out << s << "s";
  return out.str();
}

}  // namespace

void sweep_command(const SweepOptions& options) {
  MpiSession mpi;
  if (options.threads < 0 || options.threads > kMaxThreads)
    throw InputError("--threads: expected a count from 0 to " + std::to_string(kMaxThreads) + ", got " + std::to_string(options.threads));
  if (options.resume && options.force) throw InputError("--resume and --force: expected one of them, got both");
  scenarios::Sweep sweep = scenarios::load_sweep(options.sweep_path);
  const scenarios::Scenario base = scenarios::load_scenario(sweep.scenario_path);
  // The checkpoint's fingerprint also covers every table the scenario reads and the carecap
  // version: a resumed sweep never mixes runs made from different inputs or code.
  std::string provenance = sweep.fingerprint + "\ncarecap " + kVersion + " " + kGitCommit;
  for (const auto& input : base.inputs) provenance += "\n" + input.path + " " + input.sha256;
  sweep.fingerprint = scenarios::sha256_of_text(provenance);
  const SweepLayout layout = sweep_layout(base);
  for (const auto& name : sweep.sobol_outputs)
    if (std::none_of(layout.outcomes.begin(), layout.outcomes.end(), [&](const Outcome& o) { return o.name == name; })) {
      std::string known;
      for (const auto& o : layout.outcomes) known += (known.empty() ? "" : ", ") + o.name;
      throw InputError(sweep.path + ": sweep.sobol_outputs: expected outcome names among " + known + ", got \"" + name + "\"");
    }
  SweepDesign design;
  try {
    design = sweep_design(sweep);
  } catch (const std::invalid_argument& error) {
    throw InputError(sweep.path + ": sweep: " + error.what() + " (an empty design)");
  }
  validate_design(sweep, design);
  const std::size_t runs = design.points.size();
  const std::string output_path =
      options.output_path.empty() ? fs::path(options.sweep_path).stem().string() + ".h5" : options.output_path;
  const std::string checkpoint_path = output_path + ".partial";

  // Rank 0 decides from the files; every rank learns the outcome.
  Start start;
  std::optional<output::SweepCheckpoint> checkpoint;
  if (mpi.rank() == 0) {
    try {
      if (options.resume) {
        if (exists(checkpoint_path)) {
          checkpoint = output::SweepCheckpoint::resume(checkpoint_path, sweep.fingerprint, layout.width(), runs);
        } else if (exists(output_path)) {
          if (output::read_root_text_attribute(output_path, "sweep_fingerprint") != sweep.fingerprint)
            throw InputError(output_path + ": --resume: the results file is from a different sweep; expected one of " +
                             sweep.path + " (nothing was changed)");
          start.complete = true;
        } else {
          throw InputError(checkpoint_path + ": --resume: no interrupted sweep to continue (no checkpoint and no results file)");
        }
      } else {
        output::check_output_path(output_path, options.force);
        if (exists(checkpoint_path) && !options.force)
          throw InputError(checkpoint_path + ": an interrupted sweep is there; expected --resume to continue it or --force to start again");
        output::check_output_path(checkpoint_path, true);
        checkpoint = output::SweepCheckpoint::create(checkpoint_path, sweep.fingerprint, layout.width(), runs);
      }
      if (checkpoint)
        for (bool d : checkpoint->done()) start.done.push_back(d ? 1 : 0);
    } catch (const InputError& error) {
      start.error = error.what();
    } catch (const std::exception& error) {  // e.g. a checkpoint that cannot be written: every rank must stop
      start.error = error.what();
      start.fault = true;
    }
  }
  std::vector<char> bytes = encode(start);
  mpi.broadcast(bytes);
  start = decode(bytes);
  if (!start.error.empty()) {
    if (start.fault) throw RuntimeFault(start.error);
    throw InputError(start.error);
  }
  if (start.complete) {
    if (mpi.rank() == 0) std::cout << output_path << ": the sweep is already complete; nothing to resume\n";
    return;
  }

  std::vector<std::size_t> pending;
  for (std::size_t r = 0; r < runs; ++r)
    if (!start.done[r]) pending.push_back(r);
  const int threads = options.threads > 0 ? options.threads : omp_get_max_threads();
  const std::size_t block = static_cast<std::size_t>(std::max(16, 4 * threads * mpi.size()));
  const bool progress = mpi.rank() == 0 && ::isatty(::fileno(stderr));
  if (mpi.rank() == 0)
    std::cout << "carecap " << kVersion << ": sweep '" << sweep.name << "', " << sim::design_name(sweep.design) << " design, "
              << sweep.parameters.size() << " parameters, " << runs << " runs x " << sweep.replications
              << " replication(s), seed " << sweep.seed << "; " << mpi.size() << " process(es) x " << threads << " thread(s)"
              << (pending.size() < runs ? "; resuming with " + std::to_string(runs - pending.size()) + " runs done" : "") << "\n";
  const auto started = std::chrono::steady_clock::now();
  const std::size_t width = layout.width();
  for (std::size_t first = 0; first < pending.size(); first += block) {
    const std::size_t count = std::min(block, pending.size() - first);
    std::vector<std::size_t> mine;  // this rank's runs of the block
    for (std::size_t k = static_cast<std::size_t>(mpi.rank()); k < count; k += static_cast<std::size_t>(mpi.size()))
      mine.push_back(pending[first + k]);
    std::vector<double> local(mine.size() * (width + 1));
    std::string error;
    bool input_error = false;  // the run's scenario was bad input (exit 2), not a failure while running
    std::size_t error_run = runs;
#pragma omp parallel for schedule(dynamic, 1) num_threads(threads)
    for (std::size_t k = 0; k < mine.size(); ++k) {
      try {
        const auto record = run_sweep_sample(sweep, design.values[mine[k]], mine[k]);
        if (record.size() != width)
          throw InputError(sweep.path + ": run " + std::to_string(mine[k]) + ": expected the scenario's projection years, "
                           "got a run of a different length (a parameter changes the projection's years)");
        local[k * (width + 1)] = static_cast<double>(mine[k]);
        std::copy(record.begin(), record.end(), local.begin() + static_cast<std::ptrdiff_t>(k * (width + 1) + 1));
      } catch (const std::exception& e) {
#pragma omp critical(sweep_error)
        if (mine[k] < error_run) {
          error_run = mine[k];
          error = e.what();
          input_error = dynamic_cast<const InputError*>(&e) != nullptr;
        }
      }
    }
    if (mpi.any(!error.empty())) {
      if (input_error) throw InputError(error);
      if (!error.empty()) throw RuntimeFault(error);
      throw RuntimeFault("sweep stopped: a run failed in another process (see its message)");
    }
    const std::vector<double> all = mpi.gather(local);
    if (mpi.rank() != 0) continue;
    std::vector<output::SweepRecord> records;
    for (std::size_t k = 0; k < all.size(); k += width + 1)
      records.push_back({static_cast<std::uint64_t>(all[k]), std::vector<double>(all.begin() + static_cast<std::ptrdiff_t>(k + 1),
                                                                                 all.begin() + static_cast<std::ptrdiff_t>(k + 1 + width))});
    std::sort(records.begin(), records.end(), [](const auto& a, const auto& b) { return a.run < b.run; });
    checkpoint->append(records);
    if (progress) {
      const std::size_t done = first + count;
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      const double rate = static_cast<double>(done) / std::max(seconds, 1e-9);
      std::cerr << "\r" << (runs - pending.size() + done) << "/" << runs << " runs, " << std::fixed << std::setprecision(1) << rate
                << " runs/s, " << duration(static_cast<double>(pending.size() - done) / rate) << " left   " << std::flush;
    }
  }
  if (progress) std::cerr << "\n";
  if (mpi.rank() != 0) return;
  checkpoint.reset();  // closes the file

  const auto groups = sweep_result_groups(sweep, layout, design, checkpoint_path, options.keep_trajectories);
  output::FileAttributes attributes;
  attributes.text = {{"title", "carecap sweep: " + sweep.name},
                     {"carecap_version", kVersion},
                     {"git_commit", kGitCommit},
                     {"sweep_name", sweep.name},
                     {"sweep_description", sweep.description},
                     {"sweep_path", sweep.path},
                     {"sweep_text", sweep.text},
                     {"sweep_source", sweep.source},
                     {"sweep_fingerprint", sweep.fingerprint},
                     {"scenario_text", base.text},
                     {"design", sim::design_name(sweep.design)},
                     {"created_utc", utc_now()}};
  attributes.integers = {{"runs", static_cast<std::int64_t>(runs)},
                         {"samples", static_cast<std::int64_t>(sweep.samples)},
                         {"replications", sweep.replications}};
  attributes.unsigned_integers = {{"seed", sweep.seed}};
  try {
    output::write_group_file(output_path, groups, attributes, true);
  } catch (const RuntimeFault& fault) {  // e.g. a full disk: the runs are safe in the checkpoint
    throw RuntimeFault(std::string(fault.what()) + "; the " + std::to_string(runs) + " runs are kept in " +
                       checkpoint_path + ": make room and run again with --resume");
  }
  fs::remove(checkpoint_path);
  std::cout << "wrote " << output_path << " (" << runs << " runs)\n";
}

}  // namespace carecap::tools
