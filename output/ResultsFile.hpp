// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <string>
#include <vector>

#include "models/ResultSeries.hpp"
#include "output/RunMetadata.hpp"

namespace carecap::output {

/// The result groups of one replication (the root group first, then e.g. "demand").
using ReplicationResults = std::vector<ResultGroup>;

/// Writes a run's results to an HDF5 file laid out as output/SCHEMA.md says. One replication is
/// written as it is; with several, series of at most two dimensions are kept for every
/// replication, (replication, ...), and every series is summarised as mean/p5/p50/p95 over a
/// leading `statistic` dimension (under `summary_NAME` for the kept ones, under NAME otherwise).
/// The file is built in memory, written under a temporary name in the same directory and renamed
/// when complete, so `path` is never left partial and no temporary file outlives a failure; an
/// existing `path` is replaced only when `overwrite` is true (otherwise InputError). A failure to
/// write is a RuntimeFault naming `path`. `run_groups` are results of the whole run (e.g. the
/// plan check, made from the means of the replications), written as they are after the others.
void write_results_file(const std::string& path, const std::vector<ReplicationResults>& replications,
                        const RunMetadata& metadata, bool overwrite, const std::vector<ResultGroup>& run_groups = {});

/// Throws InputError if `path` cannot be written: it exists and is not a regular file (e.g. a
/// directory), it exists and `overwrite` is false, or its directory does not exist or is not
/// writable. Called before a run so that bad output paths fail fast.
void check_output_path(const std::string& path, bool overwrite);

}  // namespace carecap::output
