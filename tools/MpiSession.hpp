// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <cstdint>
#include <exception>
#include <optional>
#include <string>
#include <vector>

#include "sim/Errors.hpp"

namespace carecap::tools {

/// The processes of a sweep. Under mpirun or srun (OpenMPI's or PMI's variables are set) it
/// initialises MPI and spans MPI_COMM_WORLD; otherwise it is a single process and MPI is never
/// touched, so `carecap` runs on machines and in tests without a launcher.
///
/// Failing together: an error that may arise on some processes only (a bad input file, a run
/// that fails, a full disk on rank 0) goes through `stop_if_any` or `together`, so that every
/// process throws the same error and leaves MPI in order: the exit status is the error's (2 for
/// bad input), and only rank 0 prints it (`error_printed_by_rank_zero`). Any other exception
/// leaving a session of several processes aborts them all (MPI_Abort): the others might wait in a
/// collective call forever.
class MpiSession {
public:
  MpiSession();
  ~MpiSession();
  MpiSession(const MpiSession&) = delete;
  MpiSession& operator=(const MpiSession&) = delete;

  [[nodiscard]] int rank() const { return rank_; }
  [[nodiscard]] int size() const { return size_; }

  /// Rank 0's bytes, on every rank.
  void broadcast(std::vector<char>& bytes) const { broadcast_from(0, bytes); }
  /// Every rank's doubles, concatenated in rank order, on rank 0 (empty elsewhere).
  [[nodiscard]] std::vector<double> gather(const std::vector<double>& local) const;

  /// A collective check: if `local_error` is non-empty on any rank, every rank throws the error
  /// of the lowest such rank, an InputError if `input_error` was true there, else a
  /// RuntimeFault. Returns on every rank when no rank has an error.
  void stop_if_any(const std::string& local_error, bool input_error);

  /// Runs `step` on every rank and returns its result; if it throws on any rank, every rank
  /// throws that of the lowest rank (an InputError stays one, anything else becomes a
  /// RuntimeFault with the same message).
  template <class Step>
  auto together(Step&& step) -> decltype(step());

  /// Whether this process is a rank other than 0 that left with an error every rank threw:
  /// rank 0 reports it, so this process stays silent.
  [[nodiscard]] static bool error_printed_by_rank_zero();

private:
  void broadcast_from(int root, std::vector<char>& bytes) const;

  bool active_ = false;
  bool leaving_together_ = false;  // every rank is throwing the same error: leave MPI in order
  int rank_ = 0;
  int size_ = 1;
};

template <class Step>
auto MpiSession::together(Step&& step) -> decltype(step()) {
  std::optional<decltype(step())> result;
  std::string error;
  bool input_error = false;
  try {
    result.emplace(step());
  } catch (const InputError& e) {
    error = e.what();
    input_error = true;
  } catch (const std::exception& e) {
    error = e.what();
  } catch (...) {
    error = "unknown exception";
  }
  stop_if_any(error, input_error);
  return std::move(*result);
}

}  // namespace carecap::tools
