// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <H5Cpp.h>
#include <string>
#include <vector>

namespace carecap::output {

/// Thin helpers over the HDF5 C++ API for self-describing datasets: every dataset carries
/// `units` and `description` attributes, and axes are HDF5 dimension scales (H5DS) so that
/// netCDF readers (xarray with h5netcdf) see named dimensions.
class Hdf5Writer {
public:
  explicit Hdf5Writer(const std::string& path);  // creates (truncates) the file

  /// A 1-D integer dimension scale named `name`.
  void add_dimension(const std::string& name, const std::vector<int>& values, const std::string& units,
                     const std::string& description);
  /// A 1-D string dimension scale named `name`.
  void add_dimension(const std::string& name, const std::vector<std::string>& values, const std::string& description);

  /// A float64 dataset over the named dimensions (row-major), with its dimension scales attached.
  void add_dataset(const std::string& name, const std::vector<std::string>& dimensions, const std::vector<double>& values,
                   const std::string& units, const std::string& description);

  /// String, string-list and integer attributes on the root group.
  void set_root_attribute(const std::string& name, const std::string& value);
  void set_root_attribute(const std::string& name, const std::vector<std::string>& values);
  void set_root_attribute(const std::string& name, long long value);

  void close() { file_.close(); }

private:
  H5::H5File file_;
  std::vector<std::pair<std::string, hsize_t>> dimensions_;
  [[nodiscard]] hsize_t dimension_size(const std::string& name) const;
};

}  // namespace carecap::output
