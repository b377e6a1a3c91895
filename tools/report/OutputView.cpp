// carecap. SPDX-License-Identifier: MIT
#include "tools/report/OutputView.hpp"

#include <algorithm>
#include <cmath>

#include "sim/Errors.hpp"
#include "text/TextArg.hpp"

namespace carecap::report {

const ResultDimension& ReportArray::dimension(const std::string& wanted) const {
  for (const auto& d : dimensions)
    if (d.name == wanted) return d;
  throw InputError(text::both("errors.report.no_dimension", {{"path", text::same(name)}, {"dimension", text::same(wanted)}}));
}

std::vector<double> ReportArray::sum_to(const std::string& keep,
                                        const std::map<std::string, std::vector<std::string>>& only) const {
  std::size_t keep_axis = dimensions.size();
  std::vector<std::size_t> sizes;
  std::vector<std::vector<bool>> allowed;
  for (std::size_t d = 0; d < dimensions.size(); ++d) {
    const ResultDimension& dim = dimensions[d];
    if (dim.name == keep) keep_axis = d;
    sizes.push_back(dim.size());
    std::vector<bool> ok(dim.size(), true);
    const auto filter = only.find(dim.name);
    if (filter != only.end())
      for (std::size_t i = 0; i < dim.size(); ++i)
        ok[i] = !dim.labels.empty() &&
                std::find(filter->second.begin(), filter->second.end(), dim.labels[i]) != filter->second.end();
    allowed.push_back(ok);
  }
  if (keep_axis == dimensions.size()) (void)dimension(keep);  // throws
  std::vector<double> out(sizes[keep_axis], 0.0);
  std::vector<std::size_t> index(dimensions.size(), 0);
  for (double value : values) {
    bool counted = true;
    for (std::size_t d = 0; d < index.size(); ++d) counted = counted && allowed[d][index[d]];
    if (counted) out[index[keep_axis]] += value;
    for (std::size_t d = index.size(); d-- > 0;) {  // odometer over the row-major index
      if (++index[d] < sizes[d]) break;
      index[d] = 0;
    }
  }
  return out;
}

bool OutputView::has(const std::string& group, const std::string& name) const {
  return file_.has_dataset(group, name);
}

bool OutputView::has_spread(const std::string& group, const std::string& name) const {
  if (file_.has_dataset(group, "summary_" + name)) return true;
  if (!file_.has_dataset(group, name)) return false;
  const ResultSeries s = file_.read_series(group, name);
  return !s.dimensions.empty() && s.dimensions.front() == "statistic";
}

ReportArray OutputView::read(const std::string& group, const std::string& name, const std::string& statistic) const {
  const std::string stored = file_.has_dataset(group, "summary_" + name) ? "summary_" + name : name;
  ResultSeries s = file_.read_series(group, stored);
  ReportArray out{name, s.units, s.label_zh, s.description, s.source, {}, {}};
  for (const auto& d : s.dimensions) out.dimensions.push_back(file_.read_dimension(group, d));
  std::size_t inner = 1;
  for (std::size_t d = 1; d < out.dimensions.size(); ++d) inner *= out.dimensions[d].size();
  if (!out.dimensions.empty() && out.dimensions.front().name == "statistic") {
    const auto& stats = out.dimensions.front().labels;
    const auto at = std::find(stats.begin(), stats.end(), statistic);
    if (at == stats.end())
      throw InputError(text::both("errors.report.no_statistic", {{"path", text::same(path())}, {"group", text::same(group)},
                                                                 {"name", text::same(stored)}, {"statistic", text::same(statistic)}}));
    const auto first = static_cast<std::ptrdiff_t>(static_cast<std::size_t>(at - stats.begin()) * inner);
    out.values.assign(s.values.begin() + first, s.values.begin() + first + static_cast<std::ptrdiff_t>(inner));
    out.dimensions.erase(out.dimensions.begin());
  } else if (!out.dimensions.empty() && out.dimensions.front().name == "replication") {
    const std::size_t count = out.dimensions.front().size();
    out.values.assign(inner, 0.0);
    for (std::size_t r = 0; r < count; ++r)
      for (std::size_t i = 0; i < inner; ++i) out.values[i] += s.values[r * inner + i] / static_cast<double>(count);
    out.dimensions.erase(out.dimensions.begin());
  } else {
    out.values = std::move(s.values);
  }
  return out;
}

std::vector<int> OutputView::coordinates(const std::string& group, const std::string& dimension) const {
  return file_.read_dimension(group, dimension).values;
}

std::vector<std::string> OutputView::labels(const std::string& group, const std::string& dimension) const {
  return file_.read_dimension(group, dimension).labels;
}

std::vector<std::string> OutputView::text_or_none(const std::string& group, const std::string& name) const {
  return file_.has_dataset(group, name) ? file_.read_text(group, name) : std::vector<std::string>{};
}

void OutputView::require_group(const std::string& group, const std::string& kind) const {
  if (!file_.has_group(group))
    throw InputError(text::both("errors.report.no_group", {{"path", text::same(path())}, {"group", text::same(group)},
                                                           {"kind", text::both("errors.report.kind." + kind)}}));
}

}  // namespace carecap::report
