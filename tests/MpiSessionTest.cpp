// carecap. SPDX-License-Identifier: MIT
// Specification of tools/MpiSession's failing together, run under `mpirun -np 2` (and alone):
// an error on one process only stops every process with that error, in order, never a hang.
#include <doctest/doctest.h>

#include <stdexcept>
#include <string>

#include "sim/Errors.hpp"
#include "tools/sweep/MpiSession.hpp"

using namespace carecap;
using carecap::tools::MpiSession;

namespace {

/// The rank that fails in these checks: 1 under mpirun -np 2 (not the rank that prints), else 0.
int failing_rank(const MpiSession& mpi) { return mpi.size() > 1 ? 1 : 0; }

}  // namespace

TEST_CASE("an error on one process stops every process with its kind and message, and none is left waiting") {
  // One session per process: MPI can be started only once. Every check below makes the same
  // collective calls on every process, whatever its outcome, so a failed check cannot hang.
  MpiSession mpi;
  const int failing = failing_rank(mpi);

  // Nobody fails: every process gets its own result.
  CHECK(mpi.together([&] { return mpi.rank() * 10; }) == mpi.rank() * 10);
  CHECK_FALSE(MpiSession::error_reported());

  // Bad input on one process: an InputError with its message everywhere.
  CHECK_THROWS_WITH_AS((void)mpi.together([&]() -> int {
                         if (mpi.rank() == failing) throw InputError("table.csv:7: column 'mx' expected a number, got 'x'");
                         return 0;
                       }),
                       "table.csv:7: column 'mx' expected a number, got 'x'", InputError);

  // A failure while running: a RuntimeFault everywhere.
  CHECK_THROWS_WITH_AS((void)mpi.together([&]() -> int {
                         if (mpi.rank() == failing) throw RuntimeFault("out.h5: cannot write: No space left on device");
                         return 0;
                       }),
                       "out.h5: cannot write: No space left on device", RuntimeFault);

  // Any other exception is an internal error everywhere, and keeps its type where it happened.
  if (mpi.rank() == failing) {
    CHECK_THROWS_AS((void)mpi.together([]() -> int { throw std::out_of_range("map::at"); }), std::out_of_range);
  } else {
    CHECK_THROWS_WITH_AS((void)mpi.together([]() -> int { return 0; }), "map::at", std::runtime_error);
  }

  // An exception with an empty message is still a failure, not a success.
  CHECK_THROWS((void)mpi.together([&]() -> int {
    if (mpi.rank() == failing) throw std::runtime_error("");
    return 0;
  }));

  // When two processes fail, the lowest rank's error wins everywhere.
  CHECK_THROWS_WITH_AS(mpi.stop_if_any([&] {
                         try {
                           throw InputError("from rank " + std::to_string(mpi.rank()));
                         } catch (...) {
                           return tools::Failure::current();
                         }
                       }()),
                       "from rank 0", InputError);

  // Under MPI, rank 0 printed each error once for every process; alone, main prints it.
  CHECK(MpiSession::error_reported() == (mpi.size() > 1));
}
