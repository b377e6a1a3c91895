// carecap. SPDX-License-Identifier: MIT
#include "tools/MpiSession.hpp"

#include <cstdlib>
#include <exception>
#include <mpi.h>

namespace carecap::tools {
namespace {

bool printed_by_rank_zero = false;  // set as a rank other than 0 leaves with a shared error

bool launched_by_mpi() {
  for (const char* variable : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMIX_RANK"})
    if (std::getenv(variable)) return true;
  return false;
}

}  // namespace

MpiSession::MpiSession() {
  if (!launched_by_mpi()) return;
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
  if (leaving_together_ && rank_ != 0) printed_by_rank_zero = true;
  MPI_Finalize();
}

bool MpiSession::error_printed_by_rank_zero() { return printed_by_rank_zero; }

void MpiSession::broadcast_from(int root, std::vector<char>& bytes) const {
  if (!active_) return;
  auto count = static_cast<long long>(bytes.size());
  MPI_Bcast(&count, 1, MPI_LONG_LONG, root, MPI_COMM_WORLD);
  bytes.resize(static_cast<std::size_t>(count));
  MPI_Bcast(bytes.data(), static_cast<int>(count), MPI_CHAR, root, MPI_COMM_WORLD);
}

void MpiSession::stop_if_any(const std::string& local_error, bool input_error) {
  std::vector<char> error;  // the first failing rank's: a kind byte (1: bad input), then the message
  if (!local_error.empty()) {
    error.push_back(input_error ? 1 : 0);
    error.insert(error.end(), local_error.begin(), local_error.end());
  }
  if (active_) {
    int mine = local_error.empty() ? size_ : rank_, first = size_;
    MPI_Allreduce(&mine, &first, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD);
    if (first == size_) return;
    broadcast_from(first, error);
    leaving_together_ = true;
  }
  if (error.empty()) return;
  const std::string message(error.begin() + 1, error.end());
  if (error[0] != 0) throw InputError(message);
  throw RuntimeFault(message);
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

}  // namespace carecap::tools
