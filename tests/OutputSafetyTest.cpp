// carecap. SPDX-License-Identifier: MIT
// Specification of what carecap guarantees about its outputs (docs/reliability.md, "Nothing lost,
// nothing mixed"): one writer per output, never an input destroyed, a sweep that resumes however
// its paths are spelt, and CSV cells that a spreadsheet shows as text.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <thread>

#include "CliRunner.hpp"
#include "output/OutputLock.hpp"
#include "output/ReplaceFile.hpp"
#include "sim/Errors.hpp"
#include "tools/report/CsvExport.hpp"

namespace fs = std::filesystem;
using namespace carecap;
using namespace carecap::testing;
using report::ReportContent;
using report::Section;
using report::Table;
using report::Text;

namespace {

/// The carecap binary started in the background (fork and exec), so that the test knows its
/// process id and can wait for its exit status.
class Background {
public:
  Background(const std::vector<std::string>& args, const fs::path& cwd, const fs::path& capture) {
    pid_ = ::fork();
    REQUIRE(pid_ >= 0);
    if (pid_ == 0) {
      if (::chdir(cwd.c_str()) != 0) ::_exit(127);
      const int out = ::open((capture.string() + ".out").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      const int err = ::open((capture.string() + ".err").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      ::dup2(out, 1);
      ::dup2(err, 2);
      std::vector<char*> argv{const_cast<char*>(kBinary.c_str())};
      for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
      argv.push_back(nullptr);
      ::setenv("LC_ALL", "C", 1);  // English words, whatever the machine's LANG (as run_carecap)
      ::execv(kBinary.c_str(), argv.data());
      ::_exit(127);
    }
    capture_ = capture;
  }
  ~Background() {
    if (pid_ > 0 && !waited_) {
      ::kill(pid_, SIGKILL);
      (void)wait();
    }
  }
  Background(const Background&) = delete;
  Background& operator=(const Background&) = delete;
  [[nodiscard]] pid_t pid() const { return pid_; }
  /// Waits for the process; its outcome.
  Outcome wait() {
    int raw = 0;
    ::waitpid(pid_, &raw, 0);
    waited_ = true;
    return {WIFEXITED(raw) ? WEXITSTATUS(raw) : -1, read_file(capture_.string() + ".out"), read_file(capture_.string() + ".err")};
  }

private:
  pid_t pid_ = -1;
  fs::path capture_;
  bool waited_ = false;
};

/// Waits until `path` exists (at most `seconds`); whether it does.
bool appears(const fs::path& path, int seconds = 60) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  while (!fs::exists(path) && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(std::chrono::milliseconds(2));
  return fs::exists(path);
}

/// A copy of the shipped scenarios in a case folder, so that a failed guard could only harm copies.
void copy_scenarios(const CaseDir& dir) {
  fs::copy(kSourceDir / "scenarios", dir.path() / "scenarios", fs::copy_options::recursive);
  fs::create_directories(dir.path() / "tests" / "sweeps");
  fs::copy(kSourceDir / "tests" / "sweeps" / "beian_small.toml", dir.path() / "tests" / "sweeps" / "beian_small.toml");
}

/// The strings of an HDF5 root attribute holding a list of strings (h5dump's quoted values).
std::vector<std::string> string_list_attribute(const fs::path& file, const std::string& name) {
  const CaseDir capture;
  const fs::path listing = capture.path() / "attribute";
  const std::string command = "h5dump -a " + quoted(name) + " " + quoted(file.string()) + " >" + quoted(listing.string());
  REQUIRE(std::system(command.c_str()) == 0);
  const std::string text = read_file(listing);
  std::vector<std::string> values;
  const std::size_t data = text.find("DATA");
  for (std::size_t at = text.find('"', data); at != std::string::npos; at = text.find('"', at + 1)) {
    const std::size_t end = text.find('"', at + 1);
    values.push_back(text.substr(at + 1, end - at - 1));
    at = end;
  }
  return values;
}

/// `args` must be refused with exit 2 and one line naming an input, leaving `input` as it was.
void check_refused(const std::vector<std::string>& args, const fs::path& cwd, const fs::path& input) {
  const std::string before = read_file(input);
  const auto modified = fs::last_write_time(input);
  const Outcome outcome = run_carecap(args, cwd);
  INFO("stderr: " << outcome.err);
  CHECK(outcome.status == 2);
  CHECK(is_one_line(outcome.err));
  CHECK((contains(outcome.err, "an input of this command")));
  CHECK(read_file(input) == before);
  CHECK(fs::last_write_time(input) == modified);
}

/// What a folder holds: each file's name and bytes.
std::vector<std::pair<std::string, std::string>> contents_of(const fs::path& folder) {
  std::vector<std::pair<std::string, std::string>> files;
  for (const std::string& name : entries_of(folder)) files.emplace_back(name, read_file(folder / name));
  return files;
}

const std::string kSmallSweep = "tests/sweeps/beian_small.toml";

}  // namespace

TEST_CASE("an output another process is writing is refused with exit 2 and one line naming that process") {
  const CaseDir dir;
  const fs::path out = dir.path() / "out.h5";
  SUBCASE("a writer holding the claim (this test process)") {
    const output::OutputLock held(out.string());
    const Outcome refused = run_carecap({"run", "tests/fuzz/scenarios/beian_light.toml", "-o", out.string()});
    INFO(refused.err);
    CHECK(refused.status == 2);
    CHECK(is_one_line(refused.err));
    CHECK(contains(refused.err, out.string() + ": another process is writing this output (host "));
    CHECK(contains(refused.err, "pid " + std::to_string(::getpid()) + ", command: "));
    CHECK_FALSE(fs::exists(out));
  }
  SUBCASE("the lock file of a writer that was killed does not block, and goes once the output is written") {
    write_file(output::OutputLock::lock_path(out.string()), "host elsewhere, pid 1, command: carecap run killed.toml\n");
    const Outcome run = run_carecap({"run", "tests/fuzz/scenarios/beian_light.toml", "-o", out.string()});
    INFO(run.err);
    CHECK(run.status == 0);
    CHECK(entries_of(dir.path()) == std::vector<std::string>{"out.h5"});
  }
  SUBCASE("a claim is released when its holder goes: the next one takes it") {
    { const output::OutputLock first(out.string()); }
    CHECK_FALSE(fs::exists(output::OutputLock::lock_path(out.string())));
    const output::OutputLock second(out.string());
    CHECK_THROWS_AS(output::OutputLock(out.string()), InputError);  // flock: a second open file description is refused
  }
}

TEST_CASE("two runs started at once to one new output: the second is refused, the first equals a lone run") {
  const CaseDir dir;
  const fs::path out = dir.path() / "mix.h5", lone = dir.path() / "lone.h5";
  const std::vector<std::string> first_args{"run", "scenarios/beian/beian.toml", "--mode", "stochastic", "--replications", "100",
                                            "--threads", "1", "-o", out.string()};
  Background first(first_args, kSourceDir, dir.path() / "first");
  REQUIRE(appears(output::OutputLock::lock_path(out.string())));
  const Outcome second = run_carecap({"run", "scenarios/beian/beian.toml", "--seed", "99", "-o", out.string()});
  INFO("second: " << second.err);
  CHECK(second.status == 2);
  CHECK(is_one_line(second.err));
  CHECK(contains(second.err, "another process is writing this output"));
  CHECK(contains(second.err, "pid " + std::to_string(first.pid()) + ", command: "));
  CHECK(contains(second.err, "run scenarios/beian/beian.toml"));
  const Outcome done = first.wait();
  INFO("first: " << done.err);
  REQUIRE(done.status == 0);
  auto lone_args = first_args;
  lone_args.back() = lone.string();
  REQUIRE(run_carecap(lone_args).status == 0);
  CHECK(h5diff(out, lone) == 0);
  CHECK(entries_of(dir.path()) == std::vector<std::string>{"first.err", "first.out", "lone.h5", "mix.h5"});
}

TEST_CASE("two sweeps with different seeds to one output: the second is refused, the first equals a lone sweep") {
  const CaseDir dir;
  // The long test sweep (seconds) with seed 7 and with seed 8, its scenario named by an absolute path.
  const std::string text = read_file(kSourceDir / "tests" / "sweeps" / "beian_long.toml");
  std::string absolute = text;
  absolute.replace(absolute.find("../../scenarios"), std::string("../../scenarios").size(), (kSourceDir / "scenarios").string());
  std::string other = absolute;
  other.replace(other.find("seed = 7"), 8, "seed = 8");
  write_file(dir.path() / "seven.toml", absolute);
  write_file(dir.path() / "eight.toml", other);
  const fs::path out = dir.path() / "mix.h5";
  Background first({"sweep", "seven.toml", "--threads", "1", "-o", "mix.h5"}, dir.path(), dir.path() / "first");
  REQUIRE(appears(dir.path() / "mix.h5.partial"));
  const Outcome second = run_carecap({"sweep", "eight.toml", "--threads", "1", "-o", "mix.h5"}, dir.path());
  INFO("second: " << second.err);
  CHECK(second.status == 2);
  CHECK(is_one_line(second.err));
  CHECK(contains(second.err, "another process is writing this output"));
  CHECK(contains(second.err, "pid " + std::to_string(first.pid()) + ", command: "));
  const Outcome done = first.wait();
  INFO("first: " << done.err);
  REQUIRE(done.status == 0);
  CHECK(contains(done.out, "wrote mix.h5 ("));
  REQUIRE(run_carecap({"sweep", "seven.toml", "--threads", "2", "-o", "lone.h5"}, dir.path()).status == 0);
  CHECK(h5diff(out, dir.path() / "lone.h5") == 0);
  CHECK_FALSE(fs::exists(dir.path() / "mix.h5.partial"));
  CHECK_FALSE(fs::exists(dir.path() / "mix.h5.lock"));
}

TEST_CASE("every command refuses an output that is one of its inputs, with or without --force, and leaves it unchanged") {
  const CaseDir dir;
  copy_scenarios(dir);
  const fs::path cwd = dir.path();
  const fs::path results = dir.path() / "beian.h5";
  REQUIRE(run_carecap({"run", "scenarios/beian/beian.toml", "-o", results.string()}, cwd).status == 0);
  const std::vector<std::string> inputs = string_list_attribute(results, "input_files");
  REQUIRE(inputs.size() >= 5);  // the scenario, its base and tables

  SUBCASE("run: the scenario, its base and every table, however the path is spelt") {
    for (const std::string& input : inputs) {
      CAPTURE(input);
      check_refused({"run", "scenarios/beian/beian.toml", "-o", input, "--force"}, cwd, cwd / input);
    }
    check_refused({"run", "scenarios/beian/beian.toml", "-o", (cwd / inputs.back()).string(), "--force"}, cwd, cwd / inputs.back());
    check_refused({"run", "scenarios/beian/beian.toml", "-o", "./scenarios/../scenarios/beian/beian.toml"}, cwd,
                  cwd / "scenarios/beian/beian.toml");
    fs::create_hard_link(cwd / inputs.back(), cwd / "linked.csv");  // the same file under another name
    check_refused({"run", "scenarios/beian/beian.toml", "-o", "linked.csv", "--force"}, cwd, cwd / inputs.back());
    fs::create_symlink(cwd / "scenarios/beian/beian.toml", cwd / "alias.toml");  // a link to the scenario
    check_refused({"run", "scenarios/beian/beian.toml", "-o", "alias.toml", "--force"}, cwd, cwd / "scenarios/beian/beian.toml");
  }
  SUBCASE("study: the study file, its scenarios and their tables") {
    const std::string study = "scenarios/studies/beian_plan_variants.toml";
    for (const std::string& input : {study, std::string("scenarios/beian/beian.toml"), inputs.back()}) {
      CAPTURE(input);
      check_refused({"study", study, "-o", input, "--force"}, cwd, cwd / input);
    }
  }
  SUBCASE("sweep: the sweep file, its scenario and its tables") {
    for (const std::string& input : {kSmallSweep, std::string("scenarios/beian/beian.toml"), inputs.back()}) {
      CAPTURE(input);
      check_refused({"sweep", kSmallSweep, "-o", input, "--force"}, cwd, cwd / input);
    }
  }
  SUBCASE("report and export: the results file they read") {
    check_refused({"report", "beian.h5", "-o", "beian.h5", "--force"}, cwd, results);
    check_refused({"export", "beian.h5", "--xlsx", "beian.h5", "--force"}, cwd, results);
    check_refused({"export", "beian.h5", "--xlsx", results.string(), "--force"}, cwd, results);
    check_refused({"export", "beian.h5", "--csv", ".", "--force"}, cwd, results);  // a folder that holds the input
  }
  SUBCASE("synth-pop: its groups file and its standard population") {
    const std::string groups = "scenarios/anyang/population_groups.toml";
    check_refused({"synth-pop", groups, "-o", groups, "--force"}, cwd, cwd / groups);
    check_refused({"synth-pop", groups, "-o", "scenarios/data/china_wpp2024/pop_2020_by_age_sex.csv", "--force"}, cwd,
                  cwd / "scenarios/data/china_wpp2024/pop_2020_by_age_sex.csv");
  }
  CHECK_FALSE(has_temporary_file(cwd));
  CHECK_FALSE(fs::exists(cwd / "scenarios/beian/beian.toml.lock"));
}

TEST_CASE("export --csv replaces only a folder carecap exported, in one step") {
  const CaseDir dir;
  const fs::path results = dir.path() / "beian.h5";
  REQUIRE(run_carecap({"run", "tests/fuzz/scenarios/beian_light.toml", "-o", results.string()}).status == 0);
  SUBCASE("a folder of the user's CSV tables (a scenario's data) is refused, even with --force, and left as it was") {
    const fs::path data = dir.path() / "data";
    fs::copy(kSourceDir / "scenarios" / "beian" / "data", data);
    const auto before = contents_of(data);
    const Outcome refused = run_carecap({"export", results.string(), "--csv", data.string(), "--force"});
    INFO(refused.err);
    CHECK(refused.status == 2);
    CHECK(is_one_line(refused.err));
    CHECK(contains(refused.err, "is not a folder carecap exported"));
    CHECK(contents_of(data) == before);
    CHECK(entries_of(dir.path()) == std::vector<std::string>{"beian.h5", "data"});
  }
  SUBCASE("an earlier export is replaced with --force; nothing temporary or old is left") {
    const fs::path tables = dir.path() / "tables";
    REQUIRE(run_carecap({"export", results.string(), "--csv", tables.string()}).status == 0);
    CHECK(report::is_csv_export(tables.string()));
    const auto first = entries_of(tables);
    const Outcome again = run_carecap({"export", results.string(), "--csv", tables.string() + "/", "--force", "--lang", "en"});
    INFO(again.err);
    CHECK(again.status == 0);
    CHECK(entries_of(tables) == first);
    CHECK(contains(read_file(tables / "tables.csv"), "table,title,note"));
    CHECK(entries_of(dir.path()) == std::vector<std::string>{"beian.h5", "tables"});
  }
  SUBCASE("what an export killed after its swap left (the old export under a temporary name) goes with the next one") {
    const fs::path tables = dir.path() / "tables";
    REQUIRE(run_carecap({"export", results.string(), "--csv", tables.string()}).status == 0);
    // The name a killed process (pid 2^22 + 1 is above Linux's default pid_max of 2^22) would leave.
    std::string stale = output::temporary_name(tables.string());
    stale.erase(stale.find_last_not_of("0123456789") + 1);
    stale += "4194305";
    fs::copy(tables, stale);
    REQUIRE(run_carecap({"export", results.string(), "--csv", tables.string(), "--force"}).status == 0);
    CHECK(entries_of(dir.path()) == std::vector<std::string>{"beian.h5", "tables"});
  }
}

TEST_CASE("a sweep resumes from another folder and with its paths spelt otherwise") {
  const CaseDir dir;
  const CaseDir elsewhere;
  const fs::path out = dir.path() / "out.h5";
  const std::string absolute_sweep = (kSourceDir / kSmallSweep).string();
  // A sweep whose results cannot be written (a full disk) keeps its runs in its checkpoint.
  SUBCASE("started with relative paths, resumed from another folder with absolute ones") {
    const Outcome full = run_carecap({"sweep", kSmallSweep, "--threads", "1", "-o", out.string()}, kSourceDir, kFileSizeLimit);
    CHECK(full.status == 1);
    REQUIRE(fs::exists(out.string() + ".partial"));
    const Outcome resumed = run_carecap({"sweep", absolute_sweep, "--resume", "-o", out.string()}, elsewhere.path());
    INFO(resumed.err);
    REQUIRE(resumed.status == 0);
    CHECK(contains(resumed.out, "resuming with"));
  }
  SUBCASE("started with absolute paths elsewhere, resumed with relative ones") {
    const Outcome full = run_carecap({"sweep", absolute_sweep, "--threads", "1", "-o", out.string()}, elsewhere.path(), kFileSizeLimit);
    CHECK(full.status == 1);
    REQUIRE(fs::exists(out.string() + ".partial"));
    const std::string relative_out = fs::relative(out, kSourceDir).string();
    const Outcome resumed = run_carecap({"sweep", "./" + kSmallSweep, "--resume", "-o", relative_out});
    INFO(resumed.err);
    REQUIRE(resumed.status == 0);
    CHECK(contains(resumed.out, "resuming with"));
  }
  CHECK_FALSE(fs::exists(out.string() + ".partial"));
  REQUIRE(run_carecap({"sweep", kSmallSweep, "--threads", "2", "-o", dir.file("whole.h5")}).status == 0);
  // The datasets, and the fingerprint, equal the uninterrupted sweep's (sweep_path keeps the spelling given).
  CHECK(std::system(("h5diff --exclude-attribute / " + quoted(out.string()) + " " + quoted(dir.file("whole.h5")) + " >/dev/null").c_str()) == 0);
  CHECK(string_list_attribute(out, "sweep_fingerprint") == string_list_attribute(dir.file("whole.h5"), "sweep_fingerprint"));
  // Resuming the finished sweep, spelt a third way, changes nothing.
  const Outcome again = run_carecap({"sweep", absolute_sweep, "--resume", "-o", out.string()});
  CHECK(again.status == 0);
  CHECK(contains(again.out, "already complete"));
}

TEST_CASE("an empty checkpoint, or one cut inside its header, holds no run and is treated as absent") {
  const CaseDir dir;
  const fs::path out = dir.path() / "out.h5", partial = dir.path() / "out.h5.partial";
  SUBCASE("empty, with --resume: the sweep starts from the first run") { write_file(partial, ""); }
  SUBCASE("cut inside its header, with --resume") { write_file(partial, std::string("CCSWEEP1") + std::string(30, '0')); }
  SUBCASE("cut inside its magic, without --resume: not an interrupted sweep to keep") { write_file(partial, "CCSW"); }
  const bool resume = read_file(partial).size() != 4;
  std::vector<std::string> args{"sweep", kSmallSweep, "--threads", "2", "-o", out.string()};
  if (resume) args.push_back("--resume");
  const Outcome outcome = run_carecap(args);
  INFO(outcome.err);
  CHECK(outcome.status == 0);
  if (resume) CHECK(contains(outcome.out, "starting from the first run"));
  CHECK(entries_of(dir.path()) == std::vector<std::string>{"out.h5"});
}

TEST_CASE("--resume never replaces a file at the output that is not a results file of the same sweep, unless --force") {
  const CaseDir dir;
  const fs::path out = dir.path() / "out.h5";
  const std::string precious = "someone's results, not a sweep of this file\n";
  write_file(out, precious);
  SUBCASE("without a checkpoint") {}
  SUBCASE("with a checkpoint of this sweep") {
    REQUIRE(run_carecap({"sweep", kSmallSweep, "--threads", "1", "-o", dir.file("other.h5")}, kSourceDir, kFileSizeLimit).status == 1);
    fs::rename(dir.file("other.h5.partial"), out.string() + ".partial");
  }
  const Outcome refused = run_carecap({"sweep", kSmallSweep, "--resume", "-o", out.string()});
  INFO(refused.err);
  CHECK(refused.status == 2);
  CHECK(is_one_line(refused.err));
  CHECK(contains(refused.err, "not a results file of this sweep"));
  CHECK(read_file(out) == precious);
  const Outcome forced = run_carecap({"sweep", kSmallSweep, "--resume", "--force", "--threads", "2", "-o", out.string()});
  INFO(forced.err);
  CHECK(forced.status == 0);
  CHECK(read_file(out) != precious);
  CHECK(entries_of(dir.path()) == std::vector<std::string>{"out.h5"});
}

TEST_CASE("a CSV text cell that a spreadsheet would run as a formula is written as text; numbers stay numbers") {
  CHECK(report::spreadsheet_text("=HYPERLINK(\"http://x\",\"y\")") == "'=HYPERLINK(\"http://x\",\"y\")");
  for (const std::string dangerous : {"+1+cmd", "-2+3", "@SUM(A1)", "\tx", "\rx", "-", "="})
    CHECK(report::spreadsheet_text(dangerous) == "'" + dangerous);
  for (const std::string number : {"-12.5", "+3", "-1e-5", "1,5", "北安市", "", "a=b"})
    CHECK(report::spreadsheet_text(number) == number);
  // In a file: the formula is quoted as text (RFC 4180 quoting as before), the number is bare.
  CHECK(report::csv_field(report::spreadsheet_text("=1+2,\"x\"")) == "\"'=1+2,\"\"x\"\"\"");

  ReportContent content;
  content.kind = "run";
  content.title = {"t", "t"};
  Table table;
  table.id = "cells";
  table.title = {"单元格", "Cells"};
  table.columns = {{{"文字", "Text"}, {}, 0}, {{"数", "Number"}, {}, 1}};
  table.rows = {{Text{"=HYPERLINK(\"http://evil\")", "=HYPERLINK(\"http://evil\")"}, -12.5},
                {Text{"-12.5", "-12.5"}, -3.0}};
  Section section;
  section.id = "cells";
  section.tables = {table};
  content.sections = {section};
  content.sources.id = "sources";
  content.sources.title = {"来源", "Sources"};
  content.sources.columns = {{{"来源", "Source"}, {}, 0}};
  const CaseDir dir;
  const std::string folder = dir.file("cells");
  report::write_csv_directory(content, "en", folder, false);
  const std::string csv = read_file(fs::path(folder) / "cells.csv");
  CHECK(contains(csv, "\"'=HYPERLINK(\"\"http://evil\"\")\",-12.5\r\n"));
  CHECK(contains(csv, "\r\n-12.5,-3\r\n"));
}
