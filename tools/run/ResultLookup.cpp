// carecap. SPDX-License-Identifier: MIT
#include "tools/run/ResultLookup.hpp"

#include <algorithm>
#include <limits>

namespace carecap::tools {

const ResultGroup* find_group(const std::vector<ResultGroup>& groups, const std::string& name) {
  for (const auto& g : groups)
    if (g.name == name) return &g;
  return nullptr;
}

const ResultSeries* find_series(const ResultGroup& group, const std::string& name) {
  for (const auto& s : group.series)
    if (s.name == name) return &s;
  return nullptr;
}

const ResultDimension* find_dimension(const ResultGroup& group, const ResultGroup& root, const std::string& name) {
  for (const auto* g : {&group, &root})
    for (const auto& d : g->dimensions)
      if (d.name == name) return &d;
  return nullptr;
}

std::vector<double> query_values(const std::vector<ResultGroup>& replication, const ResultQuery& query,
                                 const std::vector<int>& years) {
  const ResultGroup* group = find_group(replication, query.group);
  const ResultSeries* series = group ? find_series(*group, query.series) : nullptr;
  if (!series) return {};
  const ResultGroup& root = replication.front();
  const ResultDimension* year_axis = find_dimension(*group, root, series->dimensions.front());
  const std::size_t per_year = series->values.size() / year_axis->values.size();
  // keep[k]: whether entry k of a year's row counts (row-major over the other dimensions).
  std::vector<bool> keep(per_year, true);
  if (!query.label_dimension.empty()) {
    std::size_t stride = per_year, dim_size = 0;
    bool found = false;
    for (std::size_t d = 1; d < series->dimensions.size() && !found; ++d) {
      const ResultDimension* dim = find_dimension(*group, root, series->dimensions[d]);
      dim_size = dim->size();
      stride /= dim_size;
      if (series->dimensions[d] != query.label_dimension) continue;
      found = true;
      bool any = false;
      for (std::size_t k = 0; k < per_year; ++k) {
        const std::string& label = dim->labels.at((k / stride) % dim_size);
        keep[k] = std::find(query.labels.begin(), query.labels.end(), label) != query.labels.end();
        any = any || keep[k];
      }
      if (!any) return {};
    }
    if (!found) return {};
  }
  std::vector<double> out;
  for (int year : years) {
    const auto at = std::find(year_axis->values.begin(), year_axis->values.end(), year);
    if (at == year_axis->values.end()) {
      out.push_back(std::numeric_limits<double>::quiet_NaN());
      continue;
    }
    const auto row = static_cast<std::size_t>(at - year_axis->values.begin()) * per_year;
    double sum = 0;
    for (std::size_t k = 0; k < per_year; ++k)
      if (keep[k]) sum += series->values[row + k];
    out.push_back(sum);
  }
  return out;
}

std::vector<double> means_in(const std::vector<std::vector<ResultGroup>>& replications, const ResultQuery& query,
                             const std::vector<int>& years) {
  std::vector<double> sums(years.size(), 0.0);
  for (const auto& replication : replications) {
    const auto values = query_values(replication, query, years);
    if (values.empty()) return std::vector<double>(years.size(), std::numeric_limits<double>::quiet_NaN());
    for (std::size_t t = 0; t < years.size(); ++t) sums[t] += values[t];
  }
  for (double& sum : sums) sum /= static_cast<double>(replications.size());
  return sums;
}

double mean_in(const std::vector<std::vector<ResultGroup>>& replications, const ResultQuery& query, int year) {
  return means_in(replications, query, {year}).front();
}

double mean_total_in(const std::vector<std::vector<ResultGroup>>& replications, const std::string& group,
                     const std::string& series, std::size_t from, std::size_t count) {
  double sum = 0;
  for (const auto& replication : replications) {
    const ResultGroup* g = find_group(replication, group);
    const ResultSeries* s = g ? find_series(*g, series) : nullptr;
    if (!s) return std::numeric_limits<double>::quiet_NaN();
    for (std::size_t k = from; k < s->values.size() && k - from < count; ++k) sum += s->values[k];
  }
  return sum / static_cast<double>(replications.size());
}

}  // namespace carecap::tools
