// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace carecap::tools {

/// The processes of a sweep. Under mpirun or srun (OpenMPI's or PMI's variables are set) it
/// initialises MPI and spans MPI_COMM_WORLD; otherwise it is a single process and MPI is never
/// touched, so `carecap` runs on machines and in tests without a launcher.
class MpiSession {
public:
  MpiSession();
  ~MpiSession();
  MpiSession(const MpiSession&) = delete;
  MpiSession& operator=(const MpiSession&) = delete;

  [[nodiscard]] int rank() const { return rank_; }
  [[nodiscard]] int size() const { return size_; }

  /// Rank 0's bytes, on every rank.
  void broadcast(std::vector<char>& bytes) const;
  /// Every rank's doubles, concatenated in rank order, on rank 0 (empty elsewhere).
  [[nodiscard]] std::vector<double> gather(const std::vector<double>& local) const;
  /// Whether `flag` is true on any rank (on every rank).
  [[nodiscard]] bool any(bool flag) const;

private:
  bool active_ = false;
  int rank_ = 0;
  int size_ = 1;
};

}  // namespace carecap::tools
