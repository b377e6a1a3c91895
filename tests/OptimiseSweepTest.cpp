// carecap. SPDX-License-Identifier: MIT
// `carecap optimise SCENARIO --sweep SWEEP` (tools/optimise/OptimiseSweep, docs/optimise.md "Under
// uncertainty") on the small optimise test scenario (tests/scenarios/beian_optimise.toml) and a
// sweep of 4 samples x 2 replications (tests/sweeps/optimise_small.toml).
#include <doctest/doctest.h>

#include "CliRunner.hpp"

using namespace carecap::testing;

namespace {

const std::string kScenario = "tests/scenarios/beian_optimise.toml";
const std::string kSweep = "tests/sweeps/optimise_small.toml";
// OpenMPI refuses root without these (the CI machine runs the tests as root); no leak checks in
// the ranks under the sanitizers (as tests/SweepCliTest.cpp).
const std::string kMpirun =
    "OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 mpirun --oversubscribe -x ASAN_OPTIONS=detect_leaks=0 -np 2 ";

/// A sweep file in `dir` over the test scenario: [sweep] keys `head`, then `parameters`.
fs::path sweep_file(const CaseDir& dir, const std::string& head, const std::string& parameters) {
  const fs::path path = dir.path() / "sweep.toml";
  write_file(path, "[sweep]\nname = \"t\"\ndescription = \"test\"\nsource = \"test\"\nscenario = \"" +
                       (kSourceDir / kScenario).string() + "\"\n" + head + "\n" + parameters);
  return path;
}

/// 0 when dataset `name` of the optimise group is the same in both files (h5diff).
int same_dataset(const fs::path& a, const fs::path& b, const std::string& name) {
  const std::string object = "/optimise/" + name;
  const std::string command = "h5diff " + quoted(a.string()) + " " + quoted(b.string()) + " " + object + " " + object +
                              " >/dev/null 2>&1";
  const int raw = std::system(command.c_str());
  return WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
}

}  // namespace

TEST_CASE("an optimise sweep gives the same file on 1 and 2 threads") {
  const CaseDir dir;
  const auto one = run_carecap({"optimise", kScenario, "--sweep", kSweep, "--threads", "1", "-o", (dir.path() / "t1.h5").string()});
  INFO(one.err);
  REQUIRE(one.status == 0);
  CHECK(contains(one.out, "in at least 60% of 4 samples x 2 replications"));
  const auto two = run_carecap({"optimise", kScenario, "--sweep", kSweep, "--threads", "2", "-o", (dir.path() / "t2.h5").string()});
  REQUIRE(two.status == 0);
  CHECK(h5diff(dir.path() / "t1.h5", dir.path() / "t2.h5") == 0);
}

TEST_CASE("an optimise sweep gives the same file in 1 process and in 2 MPI processes (mpirun -np 2)") {
  // Under mpirun each candidate's 8 runs are split over the ranks and gathered in run order;
  // every rank runs the same search; rank 0 alone prints and writes.
  const CaseDir dir;
  const auto one = run_carecap({"optimise", kScenario, "--sweep", kSweep, "--threads", "2", "-o", (dir.path() / "p1.h5").string()});
  REQUIRE(one.status == 0);
  const auto mpi = run_carecap({"optimise", kScenario, "--sweep", kSweep, "--threads", "1", "-o", (dir.path() / "p2.h5").string()},
                               kSourceDir, kMpirun);
  INFO(mpi.err);
  REQUIRE(mpi.status == 0);
  CHECK(contains(mpi.out, "2 process(es)"));
  CHECK(mpi.out.find("wrote ") == mpi.out.rfind("wrote "));  // one summary
  CHECK(h5diff(dir.path() / "p1.h5", dir.path() / "p2.h5") == 0);
}

TEST_CASE("a sweep of one sample at the scenario's own values and seed gives the plain run's requirement and plan") {
  // The scenario's seed (20240101, scenarios/china.toml) and replications (3): the one sample's
  // runs are the plain run's replications, so every number of the search and verification agrees.
  const CaseDir dir;
  const fs::path sweep = sweep_file(dir, "design = \"random\"\nsamples = 1\nreplications = 3\nseed = 20240101\n",
                                    "[[parameter]]\nkey = \"capacity.mean_patience_years\"\ndistribution = \"discrete\"\n"
                                    "values = [0.5]\n");
  const auto plain = run_carecap({"optimise", kScenario, "--threads", "2", "-o", (dir.path() / "plain.h5").string()});
  const auto swept = run_carecap({"optimise", kScenario, "--sweep", sweep.string(), "--threads", "2", "-o",
                                  (dir.path() / "swept.h5").string()});
  INFO(swept.err);
  REQUIRE(plain.status == 0);
  REQUIRE(swept.status == 0);
  CHECK(contains(swept.out, "in at least 60% of 1 samples x 3 replications"));
  for (const char* name : {"required_beds", "required_share_failing", "programme_required_beds", "n_beds", "verified_share_failing",
                           "verified_share_meeting", "published_share_failing", "cost_optimised"})
    CHECK_MESSAGE(same_dataset(dir.path() / "plain.h5", dir.path() / "swept.h5", name) == 0, name);
}

TEST_CASE("a bad --sweep is refused with one line and exit 2, and no file is written") {
  const CaseDir dir;
  const std::string out = (dir.path() / "x.h5").string();
  SUBCASE("a sweep file that is not there") {
    const auto o = run_carecap({"optimise", kScenario, "--sweep", (dir.path() / "missing.toml").string(), "-o", out});
    CHECK(o.status == 2);
    CHECK(is_one_line(o.err));
    CHECK(contains(o.err, "missing.toml"));
  }
  SUBCASE("a key the sweep does not know") {
    const auto sweep = sweep_file(dir, "design = \"random\"\nsamples = 2\nsaples = 3\n",
                                  "[[parameter]]\nkey = \"capacity.mean_patience_years\"\ndistribution = \"uniform\"\nmin = 0.3\nmax = 0.6\n");
    const auto o = run_carecap({"optimise", kScenario, "--sweep", sweep.string(), "-o", out});
    CHECK(o.status == 2);
    CHECK(is_one_line(o.err));
    CHECK(contains(o.err, "saples"));
  }
  SUBCASE("a parameter of the service level, which optimise holds fixed") {
    const auto sweep = sweep_file(dir, "design = \"random\"\nsamples = 2\n",
                                  "[[parameter]]\nkey = \"service_level.wait_days\"\ndistribution = \"uniform\"\nmin = 30\nmax = 90\n");
    const auto o = run_carecap({"optimise", kScenario, "--sweep", sweep.string(), "-o", out});
    CHECK(o.status == 2);
    CHECK(is_one_line(o.err));
    CHECK(contains(o.err, "service_level.wait_days"));
  }
  CHECK_FALSE(fs::exists(out));
}
