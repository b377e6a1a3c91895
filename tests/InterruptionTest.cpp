// carecap. SPDX-License-Identifier: MIT
// Specification: a run, study or sweep killed with SIGKILL at any moment (a laptop that sleeps, a
// job that hits its wall time) never leaves a corrupt or partial file under the output's name.
// The name holds either nothing, the earlier complete file it replaces, or the new complete file;
// an interrupted sweep continues with --resume to the datasets of an uninterrupted run.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <random>
#include <thread>

#include "CliRunner.hpp"

extern char** environ;

using namespace carecap::testing;

namespace {

/// One command to interrupt: its arguments before "-o OUTPUT", and whether an earlier complete
/// output already stands under the name (replaced with --force) or the name starts empty.
struct Interrupted {
  std::string name;
  std::vector<std::string> args;
  bool replaces_earlier = false;
  bool resumable = false;
};

const std::vector<Interrupted> kCommands = {
    {"run", {"run", "scenarios/beian/beian.toml", "--force"}, true, false},
    {"study", {"study", "scenarios/studies/beian_plan_variants.toml", "--force"}, true, false},
    {"sweep", {"sweep", "tests/sweeps/beian_small.toml", "--threads", "2"}, false, true},
};

std::vector<std::string> with_output(std::vector<std::string> args, const fs::path& output) {
  args.push_back("-o");
  args.push_back(output.string());
  return args;
}

/// Starts carecap in the source tree (output to /dev/null), kills it with SIGKILL after `delay`
/// and reaps it; returns true if the kill ended it. One that ended by itself must have succeeded.
bool run_and_kill(const std::vector<std::string>& args, std::chrono::microseconds delay) {
  std::vector<std::string> argv_text{kBinary};
  argv_text.insert(argv_text.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& arg : argv_text) argv.push_back(arg.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t child = 0;
  const int spawned = posix_spawn(&child, kBinary.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  REQUIRE(spawned == 0);
  std::this_thread::sleep_for(delay);
  int status = 0;
  if (waitpid(child, &status, WNOHANG) == 0) {
    kill(child, SIGKILL);  // it may still end by itself first
    REQUIRE(waitpid(child, &status, 0) == child);
  }
  const bool killed = WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
  if (!killed) CHECK((WIFEXITED(status) && WEXITSTATUS(status) == 0));
  return killed;
}

/// The median of three uninterrupted runs' durations (the first also writes the reference).
std::chrono::microseconds duration_of(const std::vector<std::string>& args) {
  std::vector<std::chrono::microseconds> durations;
  for (int run = 0; run < 3; ++run) {
    const auto start = std::chrono::steady_clock::now();
    const Outcome outcome = run_carecap(run == 0 ? args : [&] {
      auto again = args;
      if (std::find(again.begin(), again.end(), "--force") == again.end()) again.push_back("--force");
      return again;
    }());
    INFO(outcome.err);
    REQUIRE(outcome.status == 0);
    durations.push_back(std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start));
  }
  std::sort(durations.begin(), durations.end());
  return durations[1];
}

}  // namespace

TEST_CASE("50 random SIGKILLs of run, study and sweep in a row leave no corrupt or partial output") {
  const CaseDir references;
  std::vector<std::chrono::microseconds> durations;
  for (const auto& command : kCommands)
    durations.push_back(duration_of(with_output(command.args, references.path() / (command.name + ".h5"))));

  // The moments are random, from a fixed seed so that a failure can be replayed
  // (CARECAP_KILL_SEED=N to try others): on even attempts uniform within 1.1 times the command's
  // median uninterrupted duration (any moment), on odd ones within its last 40%, where it
  // writes. An attempt whose command ends before the kill is checked all the same, and does not
  // count (and the command's duration is taken as a fifth shorter from then on, for a machine
  // whose load has fallen since it was measured): the test goes on until 50 kills have
  // interrupted a running command.
  const char* seed_text = std::getenv("CARECAP_KILL_SEED");
  const unsigned seed = seed_text ? static_cast<unsigned>(std::strtoul(seed_text, nullptr, 10)) : 20261123u;
  std::mt19937 random(seed);
  int interrupted = 0;
  int attempts = 0;
  int resumed = 0;
  int cleaned = 0;  // attempts that left a temporary file, removed by the next complete write
  for (; interrupted < 50 && attempts < 250; ++attempts) {
    const std::size_t which = static_cast<std::size_t>(attempts) % kCommands.size();
    const Interrupted& command = kCommands[which];
    const fs::path reference = references.path() / (command.name + ".h5");
    const CaseDir dir;
    const fs::path output = dir.path() / "out.h5";
    if (command.replaces_earlier) fs::copy_file(reference, output);
    const long duration = durations[which].count();
    const long earliest = attempts % 2 == 0 ? 0 : duration * 6 / 10;
    const long latest = attempts % 2 == 0 ? duration * 11 / 10 : duration;
    const std::chrono::microseconds delay{std::uniform_int_distribution<long>(earliest, latest)(random)};
    CAPTURE(seed);
    CAPTURE(attempts);
    CAPTURE(command.name);
    CAPTURE(delay.count());
    if (run_and_kill(with_output(command.args, output), delay)) {
      ++interrupted;
    } else {
      // Ended before the kill: the machine runs faster than when the duration was measured (other
      // load has gone), so aim earlier from now on rather than run out of attempts.
      durations[which] = durations[which] * 4 / 5;
    }

    // Under the final name: nothing (only for a command that started with nothing) or a complete file.
    if (fs::exists(output)) {
      CHECK(h5diff(output, reference) == 0);
    } else {
      CHECK_FALSE(command.replaces_earlier);
    }
    if (command.resumable && !fs::exists(output)) {
      // --resume continues the checkpoint, or starts again if the sweep was killed before it had one.
      const bool checkpointed = fs::exists(dir.path() / "out.h5.partial");
      auto again = command.args;
      again.push_back("--resume");
      const Outcome outcome = run_carecap(with_output(again, output));
      INFO(outcome.err);
      REQUIRE(outcome.status == 0);
      CHECK(h5diff(output, reference) == 0);
      CHECK_FALSE(fs::exists(dir.path() / "out.h5.partial"));
      resumed += checkpointed ? 1 : 0;
    } else if (has_temporary_file(dir.path())) {
      // Killed while writing: run again to the end, the command removes what the killed one left.
      const Outcome outcome = run_carecap(with_output(command.args, output));
      INFO(outcome.err);
      REQUIRE(outcome.status == 0);
      CHECK(h5diff(output, reference) == 0);
      ++cleaned;
    }
    CHECK_FALSE(has_temporary_file(dir.path()));  // a complete write leaves none of its own or of killed writers
  }
  MESSAGE(interrupted << " interruptions in " << attempts << " attempts; " << resumed << " sweeps resumed from a checkpoint; "
                      << cleaned << " temporary files of killed writers removed by the next complete write");
  CHECK(interrupted == 50);
}

TEST_CASE("a full disk stops study, sweep, report and export with one line, keeps the file replaced and leaves nothing partial") {
  // The disk is "full" at 64 KiB (kFileSizeLimit: writes beyond it fail with EFBIG, as with ENOSPC).
  const CaseDir inputs;
  const fs::path run = inputs.path() / "beian.h5";
  REQUIRE(run_carecap({"run", "scenarios/beian/beian.toml", "-o", run.string()}).status == 0);
  struct Writer {
    std::string name;
    std::vector<std::string> args;  // then the output path, then --force
    std::string output_option;
    int limit_kib;  // below the size of the complete output
  };
  const std::vector<Writer> writers = {
      {"study", {"study", "scenarios/studies/beian_plan_variants.toml"}, "-o", 64},
      {"sweep", {"sweep", "tests/sweeps/beian_small.toml", "--threads", "1"}, "-o", 64},
      {"report", {"report", run.string()}, "-o", 64},
      {"export --xlsx", {"export", run.string()}, "--xlsx", 8},  // the workbook takes about 26 KiB
  };
  for (const Writer& writer : writers) {
    CAPTURE(writer.name);
    const CaseDir dir;
    const fs::path output = dir.path() / "out";
    const std::string precious = "an earlier output, not to be lost\n";
    write_file(output, precious);
    auto args = writer.args;
    args.insert(args.end(), {writer.output_option, output.string(), "--force"});
    const Outcome outcome = run_carecap(args, kSourceDir, file_size_limit(writer.limit_kib));
    INFO("stderr: " << outcome.err);
    CHECK(outcome.status == 1);
    CHECK(is_one_line(outcome.err));
    CHECK(contains(outcome.err, output.string()));
    CHECK(read_file(output) == precious);
    if (writer.name != "sweep") {
      CHECK(entries_of(dir.path()) == std::vector<std::string>{"out"});
      continue;
    }
    // A sweep keeps its checkpoint of the runs done: once there is room, --force is not needed
    // and --resume finishes it.
    CHECK(entries_of(dir.path()) == std::vector<std::string>{"out", "out.partial"});
    CHECK(contains(outcome.err, "runs are kept in " + output.string() + ".partial: make room and run again with --resume"));
    fs::remove(output);
    const Outcome resumed = run_carecap({"sweep", "tests/sweeps/beian_small.toml", "--resume", "-o", output.string()});
    INFO("resume: " << resumed.err);
    CHECK(resumed.status == 0);
    CHECK(entries_of(dir.path()) == std::vector<std::string>{"out"});
  }
}
