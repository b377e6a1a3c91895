// carecap. SPDX-License-Identifier: MIT
// Specification of output/ReplaceFile: an output appears whole or not at all, and what killed
// writers of it left behind goes once a writer completes it (docs/reliability.md, section 4).
#include <doctest/doctest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>

#include "CliRunner.hpp"
#include "output/ReplaceFile.hpp"
#include "sim/Errors.hpp"

namespace fs = std::filesystem;
using namespace carecap;
using namespace carecap::testing;

namespace {

/// The id of a process that has ended (forked, exited and reaped).
pid_t ended_process() {
  const pid_t child = ::fork();
  if (child == 0) ::_exit(0);
  REQUIRE(child > 0);
  int status = 0;
  ::waitpid(child, &status, 0);
  return child;
}

/// A process that runs until the object goes (a writer still at work).
class RunningProcess {
public:
  RunningProcess() : pid_(::fork()) {
    if (pid_ == 0) {
      ::pause();
      ::_exit(0);
    }
    REQUIRE(pid_ > 0);
  }
  ~RunningProcess() {
    ::kill(pid_, SIGKILL);
    int status = 0;
    ::waitpid(pid_, &status, 0);
  }
  RunningProcess(const RunningProcess&) = delete;
  RunningProcess& operator=(const RunningProcess&) = delete;
  [[nodiscard]] pid_t pid() const { return pid_; }

private:
  pid_t pid_;
};

/// temporary_name(path) with `pid` in place of this process's id.
std::string temporary_of(const std::string& path, pid_t pid) {
  std::string name = output::temporary_name(path);
  name.erase(name.find_last_not_of("0123456789") + 1);
  return name + std::to_string(pid);
}

void write_text(const std::string& path, const std::string& text) {
  output::replace_file(path, [&](const std::string& temporary) { output::write_bytes(temporary, text.data(), text.size(), path); }, true);
}

}  // namespace

TEST_CASE("the temporary name is beside the output and names this host and process") {
  const std::string name = output::temporary_name("/data/out.h5");
  CHECK(starts_with(name, "/data/out.h5.tmp-"));
  CHECK(name.size() > std::string("/data/out.h5.tmp-").size() + 2);
  CHECK(name.substr(name.size() - std::to_string(::getpid()).size()) == std::to_string(::getpid()));
}

TEST_CASE("a completed output removes what killed writers of it on this host left, and nothing else") {
  const CaseDir dir;
  const std::string out = dir.file("out.h5");
  const pid_t gone = ended_process();
  const std::string stale_file = temporary_of(out, gone);              // a killed `run` or `report`
  const std::string stale_folder = temporary_of(out, ended_process());  // a killed CSV export
  const RunningProcess writer;
  const std::string running = temporary_of(out, writer.pid());          // a writer still at work
  const std::string other_host = out + ".tmp-node17.cluster-" + std::to_string(gone);
  const std::string other_output = temporary_of(dir.file("other.h5"), gone);
  const std::string longer_name = temporary_of(dir.file("out.h5x"), gone);  // out.h5x's, not out.h5's
  std::string zero_padded = temporary_of(out, gone);
  zero_padded.insert(zero_padded.size() - std::to_string(gone).size(), "0");  // not a name carecap writes
  for (const std::string& path : {stale_file, running, other_host, other_output, longer_name, zero_padded})
    write_file(path, "partial");
  fs::create_directory(stale_folder);
  write_file(fs::path(stale_folder) / "population.csv", "partial");

  write_text(out, "complete");

  CHECK(read_file(out) == "complete");
  CHECK_FALSE(fs::exists(stale_file));
  CHECK_FALSE(fs::exists(stale_folder));
  CHECK(fs::exists(running));       // its process may still finish it
  CHECK(fs::exists(other_host));    // a process of another node of a shared file system
  CHECK(fs::exists(other_output));  // another output's
  CHECK(fs::exists(longer_name));
  CHECK(fs::exists(zero_padded));
  CHECK(entries_of(dir.path()).size() == 6);
}

TEST_CASE("a write that fails leaves the earlier file and no temporary, and keeps others' temporaries") {
  const CaseDir dir;
  const std::string out = dir.file("out.h5");
  write_file(out, "earlier");
  const std::string stale = temporary_of(out, ended_process());
  write_file(stale, "partial");
  CHECK_THROWS_AS(output::replace_file(out, [](const std::string&) { throw RuntimeFault("disk full"); }, true), RuntimeFault);
  CHECK(read_file(out) == "earlier");
  CHECK_FALSE(fs::exists(output::temporary_name(out)));
  CHECK(fs::exists(stale));  // cleaned only once an output is complete
}

TEST_CASE("without overwrite, the final rename never replaces a file that appeared meanwhile") {
  const CaseDir dir;
  const std::string out = dir.file("out.h5");
  CHECK_THROWS_AS(output::replace_file(
                      out,
                      [&](const std::string& temporary) {
                        output::write_bytes(temporary, "mine", 4, out);
                        write_file(out, "another writer's");  // appears while this one writes
                      },
                      false),
                  InputError);
  CHECK(read_file(out) == "another writer's");
  CHECK_FALSE(fs::exists(output::temporary_name(out)));
  output::replace_file(out, [&](const std::string& temporary) { output::write_bytes(temporary, "mine", 4, out); }, true);
  CHECK(read_file(out) == "mine");
}

TEST_CASE("rename_path without overwrite refuses an existing name; exchange_paths swaps two folders") {
  const CaseDir dir;
  write_file(dir.path() / "a", "a");
  write_file(dir.path() / "b", "b");
  CHECK(output::rename_path(dir.file("a"), dir.file("b"), false) == EEXIST);
  CHECK(read_file(dir.path() / "b") == "b");
  fs::create_directory(dir.path() / "old");
  fs::create_directory(dir.path() / "new");
  write_file(dir.path() / "new" / "x.csv", "new");
  REQUIRE(output::exchange_paths(dir.file("new"), dir.file("old")) == 0);
  CHECK(read_file(dir.path() / "old" / "x.csv") == "new");
  CHECK(entries_of(dir.path() / "new").empty());
}
