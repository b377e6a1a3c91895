// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <map>
#include <string>
#include <vector>

#include "models/ResultSeries.hpp"
#include "output/Hdf5Reader.hpp"

namespace carecap::report {

/// One statistic of a series of an output file, over its remaining dimensions (with coordinates).
struct ReportArray {
  std::string name;
  std::string units;
  std::string label_zh;
  std::string description;
  std::string source;
  std::vector<ResultDimension> dimensions;
  std::vector<double> values;  // row-major over `dimensions`

  /// The dimension called `name`; InputError (naming `file`) when the series has none.
  [[nodiscard]] const ResultDimension& dimension(const std::string& name) const;
  /// Sums over every dimension but `keep`, counting only the entries whose label on each
  /// dimension of `only` is one of the listed labels. NaN entries make their sum NaN.
  [[nodiscard]] std::vector<double> sum_to(const std::string& keep,
                                           const std::map<std::string, std::vector<std::string>>& only = {}) const;
  /// The values of a 1-D array.
  [[nodiscard]] const std::vector<double>& flat() const { return values; }
};

/// An output file as reports read it: a series' mean over replications (or another statistic)
/// whether the file keeps one replication, several (`replication`, `summary_NAME`) or only their
/// summary (leading `statistic`).
class OutputView {
public:
  explicit OutputView(const std::string& path) : file_(path) {}

  [[nodiscard]] const output::Hdf5Reader& file() const { return file_; }
  [[nodiscard]] const std::string& path() const { return file_.path(); }
  [[nodiscard]] bool has(const std::string& group, const std::string& name) const;
  /// Whether the series has percentiles across replications (p5, p50, p95).
  [[nodiscard]] bool has_spread(const std::string& group, const std::string& name) const;
  /// `statistic`: mean, p5, p50 or p95 (the latter only when has_spread).
  [[nodiscard]] ReportArray read(const std::string& group, const std::string& name,
                                 const std::string& statistic = "mean") const;
  /// A dimension's integer coordinates (e.g. years).
  [[nodiscard]] std::vector<int> coordinates(const std::string& group, const std::string& dimension) const;
  /// A dimension's labels.
  [[nodiscard]] std::vector<std::string> labels(const std::string& group, const std::string& dimension) const;
  /// A text dataset (e.g. a study's `scenario_label_zh`); empty when the file has none.
  [[nodiscard]] std::vector<std::string> text_or_none(const std::string& group, const std::string& name) const;
  /// Throws InputError naming the file unless the group exists.
  void require_group(const std::string& group, const std::string& kind) const;

private:
  output::Hdf5Reader file_;
};

}  // namespace carecap::report
