// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <H5Cpp.h>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "models/ResultSeries.hpp"

namespace carecap::output {

/// Text attributes of a dataset, written in order (always `units` and `description`).
using TextAttributes = std::vector<std::pair<std::string, std::string>>;

/// Thin helpers over the HDF5 C++ API for self-describing datasets: every dataset carries text
/// attributes (at least `units` and `description`), and axes are HDF5 dimension scales (H5DS) so
/// that netCDF readers (xarray with h5netcdf) see named dimensions. A dimension is looked up in
/// the dataset's group first, then in the root group.
class Hdf5Writer {
public:
  explicit Hdf5Writer(const std::string& path);  // creates (truncates) the file

  /// A group below the root, with a `description` attribute.
  void add_group(const std::string& group, const std::string& description);

  /// A 1-D dimension scale (integer values or string labels) in `group` ("" = root).
  void add_dimension(const std::string& group, const ResultDimension& dimension);

  /// A float64 dataset over the named dimensions (row-major), with its dimension scales attached.
  void add_dataset(const std::string& group, const std::string& name, const std::vector<std::string>& dimensions,
                   const std::vector<double>& values, const TextAttributes& attributes);

  /// String, string-list and integer attributes on the root group.
  void set_root_attribute(const std::string& name, const std::string& value);
  void set_root_attribute(const std::string& name, const std::vector<std::string>& values);
  void set_root_attribute(const std::string& name, long long value);

  void close() { file_.close(); }

private:
  /// Full path of dimension `name` as seen from `group`.
  [[nodiscard]] std::string dimension_path(const std::string& group, const std::string& name) const;
  H5::H5File file_;
  std::map<std::string, hsize_t> dimension_sizes_;  // full path -> length
};

}  // namespace carecap::output
