// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <H5Cpp.h>
#include <cstdint>
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
/// the dataset's group first, then in the root group. The file is built in memory (HDF5 core
/// driver without backing store): nothing touches the disk until the caller writes image().
class Hdf5Writer {
public:
  /// An empty file in memory; `name` only labels it (HDF5 keeps it as the file name).
  explicit Hdf5Writer(const std::string& name);

  /// A group below the root, with a `description` attribute.
  void add_group(const std::string& group, const std::string& description);

  /// A 1-D dimension scale (integer values or string labels) in `group` ("" = root).
  void add_dimension(const std::string& group, const ResultDimension& dimension);

  /// A float64 dataset over the named dimensions (row-major), with its dimension scales attached.
  void add_dataset(const std::string& group, const std::string& name, const std::vector<std::string>& dimensions,
                   const std::vector<double>& values, const TextAttributes& attributes);

  /// A UTF-8 string dataset over one dimension (units "1"), with its dimension scale attached.
  void add_text_dataset(const std::string& group, const ResultTextSeries& series);

  /// String, string-list, signed (int64) and unsigned (uint64) integer attributes on the root group.
  void set_root_attribute(const std::string& name, const std::string& value);
  void set_root_attribute(const std::string& name, const std::vector<std::string>& values);
  void set_root_attribute(const std::string& name, std::int64_t value);
  void set_root_attribute(const std::string& name, std::uint64_t value);

  /// The bytes of the complete HDF5 file as it stands: what a file on disk would hold.
  [[nodiscard]] std::vector<char> image();

private:
  /// Full path of dimension `name` as seen from `group`.
  [[nodiscard]] std::string dimension_path(const std::string& group, const std::string& name) const;
  H5::H5File file_;
  std::map<std::string, hsize_t> dimension_sizes_;  // full path -> length
};

}  // namespace carecap::output
