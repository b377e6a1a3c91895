// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <limits>
#include <string>
#include <vector>

#include "models/ResultSeries.hpp"

namespace carecap::tools {

/// A value read from a run's result groups: a series of a group in a year, summed over its other
/// dimensions, or only over the entries whose `label_dimension` label is one of `labels`.
struct ResultQuery {
  std::string group;                // "" for the root (projection) group
  std::string series;               // e.g. "n_beds"
  std::string label_dimension;      // empty: sum over every other dimension
  std::vector<std::string> labels;  // labels of label_dimension to keep
};

[[nodiscard]] const ResultGroup* find_group(const std::vector<ResultGroup>& groups, const std::string& name);
[[nodiscard]] const ResultSeries* find_series(const ResultGroup& group, const std::string& name);
/// A dimension by name: the group's own, else the root group's.
[[nodiscard]] const ResultDimension* find_dimension(const ResultGroup& group, const ResultGroup& root,
                                                    const std::string& name);

/// The query's value in each of `years` of one replication (NaN where the series has no such
/// year); empty when the run has no such series or label.
[[nodiscard]] std::vector<double> query_values(const std::vector<ResultGroup>& replication, const ResultQuery& query,
                                               const std::vector<int>& years);

/// Mean over replications of the query's value in each of `years` (NaN where absent).
[[nodiscard]] std::vector<double> means_in(const std::vector<std::vector<ResultGroup>>& replications, const ResultQuery& query,
                                           const std::vector<int>& years);

/// Mean over replications of the query's value in `year` (NaN when absent).
[[nodiscard]] double mean_in(const std::vector<std::vector<ResultGroup>>& replications, const ResultQuery& query, int year);

/// The sum of `count` values of a series from flat index `from` (all of them by default), mean of
/// the replications; NaN when a replication lacks the series.
[[nodiscard]] double mean_total_in(const std::vector<std::vector<ResultGroup>>& replications, const std::string& group,
                                   const std::string& series, std::size_t from = 0,
                                   std::size_t count = std::numeric_limits<std::size_t>::max());

}  // namespace carecap::tools
