// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <cstdint>
#include <exception>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "tools/run/ErrorReport.hpp"

namespace carecap::tools {

/// The processes of a sweep. Under mpirun or srun (OpenMPI's or PMI's variables are set) it
/// initialises MPI and spans MPI_COMM_WORLD; otherwise it is a single process and MPI is never
/// touched, so `carecap` runs on machines and in tests without a launcher.
///
/// Failing together: an error that may arise on some processes only (a bad input file, a run
/// that fails, a full disk on rank 0) goes through `stop_if_any` or `together`, so that every
/// process stops with the same error and leaves MPI in order. Rank 0 prints it, once, before any
/// process exits (a launcher may stop the job as soon as one process exits non-zero); every
/// process exits with its status (2 for bad input). Any other exception leaving a session of
/// several processes aborts them all (MPI_Abort): the others might wait in a collective call
/// forever.
class MpiSession {
public:
  /// `lang`: the language rank 0 prints a shared error in.
  explicit MpiSession(text::Lang lang = text::Lang::en);
  ~MpiSession();
  MpiSession(const MpiSession&) = delete;
  MpiSession& operator=(const MpiSession&) = delete;

  [[nodiscard]] int rank() const { return rank_; }
  [[nodiscard]] int size() const { return size_; }

  /// Rank 0's bytes, on every rank.
  void broadcast(std::vector<char>& bytes) const { broadcast_from(0, bytes); }
  /// Every rank's doubles, concatenated in rank order, on rank 0 (empty elsewhere).
  [[nodiscard]] std::vector<double> gather(const std::vector<double>& local) const;
  /// Every rank's doubles, concatenated in rank order, on every rank (`carecap optimise`: each
  /// candidate's runs, so that every rank runs the same search). Single process: `local`.
  [[nodiscard]] std::vector<double> allgather(const std::vector<double>& local) const;

  /// A collective check: if `local` failed on any rank, every rank stops with the failure of
  /// the lowest such rank: that rank rethrows its own exception, the others throw one of the
  /// same kind and message (InputError, RuntimeFault, or std::runtime_error for an internal
  /// error). Returns on every rank when no rank failed. Single process: rethrows `local`'s
  /// exception, if any. The error it shared itself (an enclosing `together` catching it on every
  /// rank) is rethrown as it is, without another collective call or print.
  void stop_if_any(const Failure& local);

  /// Runs `step` on every rank and returns its result; if it throws on any rank, every rank
  /// stops as `stop_if_any` says. `step` must make no collective call itself. Single process:
  /// just `step()`.
  template <class Step>
  auto together(Step&& step) -> decltype(step());

  /// Whether the error that ends this process was already printed (by rank 0, for every
  /// process of a sweep that stopped together), so that main prints nothing more.
  [[nodiscard]] static bool error_reported();

private:
  void broadcast_from(int root, std::vector<char>& bytes) const;

  text::Lang lang_;
  bool active_ = false;
  std::exception_ptr shared_;       // the error stop_if_any last threw on this rank (the same on every rank)
  bool leaving_together_ = false;  // every rank is stopping with the same error: leave MPI in order
  int rank_ = 0;
  int size_ = 1;
};

template <class Step>
auto MpiSession::together(Step&& step) -> decltype(step()) {
  if (!active_) return std::forward<Step>(step)();
  std::optional<decltype(step())> result;
  Failure failure;
  try {
    result.emplace(std::forward<Step>(step)());
  } catch (...) {
    failure = Failure::current();
  }
  stop_if_any(failure);
  return std::move(*result);
}

}  // namespace carecap::tools
