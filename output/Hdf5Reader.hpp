// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <H5Cpp.h>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "models/ResultSeries.hpp"

namespace carecap::output {

/// Reads carecap HDF5 outputs back (results, study and sweep files) for reports and exports.
/// Every failure is an InputError naming the file and the object: a missing or unreadable file, a
/// file that is not HDF5 or is truncated, a missing group or dataset, an axis whose dimension scale
/// has another length. Groups are named as in the writer ("" for the root). Text that is not valid
/// UTF-8 is read with U+FFFD in place of the bad bytes.
class Hdf5Reader {
public:
  /// Opens `path` read-only.
  explicit Hdf5Reader(const std::string& path);

  [[nodiscard]] const std::string& path() const { return path_; }

  /// The names of the groups below the root.
  [[nodiscard]] std::vector<std::string> group_names() const;
  [[nodiscard]] bool has_group(const std::string& group) const;
  [[nodiscard]] bool has_dataset(const std::string& group, const std::string& name) const;
  /// Float datasets of a group that are not dimension scales, in the file's (alphabetical) order.
  [[nodiscard]] std::vector<std::string> series_names(const std::string& group) const;

  /// A text attribute of the root group; none when absent.
  [[nodiscard]] std::optional<std::string> root_text(const std::string& name) const;
  /// A list-of-text attribute of the root group; empty when absent.
  [[nodiscard]] std::vector<std::string> root_text_list(const std::string& name) const;
  /// An integer attribute of the root group (signed or unsigned); none when absent.
  [[nodiscard]] std::optional<std::int64_t> root_integer(const std::string& name) const;

  /// An integer attribute of the root group as decimal text (unsigned 64-bit seeds whole); none when absent.
  [[nodiscard]] std::optional<std::string> root_integer_text(const std::string& name) const;
  /// A text attribute of a dataset (without reading its values); "" when absent.
  [[nodiscard]] std::string dataset_text_attribute(const std::string& group, const std::string& name,
                                                   const std::string& attribute) const;

  /// A float dataset with its dimension names (its attached scales) and text attributes.
  [[nodiscard]] ResultSeries read_series(const std::string& group, const std::string& name) const;
  /// A dimension scale: integer values or labels; looked up in `group`, then in the root.
  [[nodiscard]] ResultDimension read_dimension(const std::string& group, const std::string& name) const;
  /// A string dataset (e.g. the plan check's messages).
  [[nodiscard]] std::vector<std::string> read_text(const std::string& group, const std::string& name) const;

private:
  [[nodiscard]] H5::DataSet open_dataset(const std::string& group, const std::string& name) const;
  std::string path_;
  H5::H5File file_;
};

}  // namespace carecap::output
