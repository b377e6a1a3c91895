// carecap. SPDX-License-Identifier: MIT
#include "tools/sweep/MpiSession.hpp"

#include <algorithm>
#include <cstdlib>
#include <exception>
#include <mpi.h>
#include <stdexcept>

#include "sim/Errors.hpp"
#include "text/Catalogue.hpp"

namespace carecap::tools {
namespace {

bool reported = false;  // the error ending this process was printed by rank 0

[[noreturn]] void throw_as(ErrorKind kind, const text::Text& message) {
  if (kind == ErrorKind::input) throw InputError(message);
  if (kind == ErrorKind::fault) throw RuntimeFault(message);
  throw std::runtime_error(message.en);
}

/// Whether a launcher started this process as one of an MPI job: mpirun (OpenMPI's variables),
/// srun --mpi=pmix (PMIx's, as Slurm's mpi_pmix plugin sets them) or srun --mpi=pmi2 and other
/// PMI-1/2 launchers (PMI_RANK, PMI_SIZE).
bool launched_by_mpi() {
  for (const char* variable : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMIX_NAMESPACE", "PMI_SIZE", "PMI_RANK"})
    if (std::getenv(variable)) return true;
  return false;
}

/// Tasks of a Slurm job step that started this process with no MPI wire-up (srun without
/// --mpi=pmix under MpiDefault=none): each would run the whole sweep alone and race on the
/// checkpoint, so the sweep refuses to start.
void refuse_unwired_slurm_tasks() {
  const char* tasks = std::getenv("SLURM_STEP_NUM_TASKS");
  if (!tasks || std::atoi(tasks) <= 1) return;
  throw InputError(text::both("errors.sweep.srun_without_mpi", {{"tasks", tasks}}));
}

}  // namespace

MpiSession::MpiSession(text::Lang lang) : lang_(lang) {
  if (!launched_by_mpi()) {
    refuse_unwired_slurm_tasks();
    return;
  }
  int initialised = 0;
  MPI_Initialized(&initialised);
  if (!initialised) MPI_Init(nullptr, nullptr);
  active_ = true;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &size_);
}

MpiSession::~MpiSession() {
  if (!active_) return;
  // Leaving on an error that the other processes do not share: they may be waiting in a
  // collective call that this one will never make; stop them all rather than hang.
  if (size_ > 1 && std::uncaught_exceptions() > 0 && !leaving_together_) MPI_Abort(MPI_COMM_WORLD, 1);
  MPI_Finalize();
}

bool MpiSession::error_reported() { return reported; }

void MpiSession::broadcast_from(int root, std::vector<char>& bytes) const {
  if (!active_) return;
  auto count = static_cast<long long>(bytes.size());
  MPI_Bcast(&count, 1, MPI_LONG_LONG, root, MPI_COMM_WORLD);
  bytes.resize(static_cast<std::size_t>(count));
  MPI_Bcast(bytes.data(), static_cast<int>(count), MPI_CHAR, root, MPI_COMM_WORLD);
}

void MpiSession::stop_if_any(const Failure& local) {
  // Alone, or the error this session already shared (a `together` nested in another: every rank
  // holds it), it is rethrown as it is: no collective call, no second print.
  if (!active_ || (local.original && local.original == shared_)) {
    if (local.original) std::rethrow_exception(local.original);
    return;
  }
  int mine = local.original ? rank_ : size_, first = size_;
  MPI_Allreduce(&mine, &first, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD);
  if (first == size_) return;
  std::vector<char> error;  // the first failing rank's: its kind, its English message, a NUL, its Chinese message
  if (rank_ == first) {
    error.push_back(static_cast<char>(local.kind));
    error.insert(error.end(), local.message.en.begin(), local.message.en.end());
    error.push_back('\0');
    error.insert(error.end(), local.message.zh.begin(), local.message.zh.end());
  }
  broadcast_from(first, error);
  leaving_together_ = true;
  const auto kind = static_cast<ErrorKind>(error[0]);
  const auto nul = std::find(error.begin() + 1, error.end(), '\0');
  const text::Text message{std::string(nul == error.end() ? nul : nul + 1, error.end()), std::string(error.begin() + 1, nul)};
  if (rank_ == 0) print_error(kind, message, lang_);
  MPI_Barrier(MPI_COMM_WORLD);  // no process exits before rank 0 has printed
  reported = true;
  if (rank_ == first) {
    shared_ = local.original;
    std::rethrow_exception(local.original);
  }
  try {
    throw_as(kind, message);
  } catch (...) {
    shared_ = std::current_exception();
    throw;
  }
}

std::vector<double> MpiSession::gather(const std::vector<double>& local) const {
  if (!active_) return local;
  int count = static_cast<int>(local.size());
  std::vector<int> counts(static_cast<std::size_t>(size_)), offsets(static_cast<std::size_t>(size_));
  MPI_Gather(&count, 1, MPI_INT, counts.data(), 1, MPI_INT, 0, MPI_COMM_WORLD);
  std::vector<double> all;
  if (rank_ == 0) {
    int total = 0;
    for (int r = 0; r < size_; ++r) {
      offsets[static_cast<std::size_t>(r)] = total;
      total += counts[static_cast<std::size_t>(r)];
    }
    all.resize(static_cast<std::size_t>(total));
  }
  MPI_Gatherv(local.data(), count, MPI_DOUBLE, all.data(), counts.data(), offsets.data(), MPI_DOUBLE, 0, MPI_COMM_WORLD);
  return all;
}

std::vector<double> MpiSession::allgather(const std::vector<double>& local) const {
  if (!active_) return local;
  int count = static_cast<int>(local.size());
  std::vector<int> counts(static_cast<std::size_t>(size_)), offsets(static_cast<std::size_t>(size_));
  MPI_Allgather(&count, 1, MPI_INT, counts.data(), 1, MPI_INT, MPI_COMM_WORLD);
  int total = 0;
  for (int r = 0; r < size_; ++r) {
    offsets[static_cast<std::size_t>(r)] = total;
    total += counts[static_cast<std::size_t>(r)];
  }
  std::vector<double> all(static_cast<std::size_t>(total));
  MPI_Allgatherv(local.data(), count, MPI_DOUBLE, all.data(), counts.data(), offsets.data(), MPI_DOUBLE, MPI_COMM_WORLD);
  return all;
}

}  // namespace carecap::tools
