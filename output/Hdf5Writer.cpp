// carecap. SPDX-License-Identifier: MIT
#include "output/Hdf5Writer.hpp"

#include <hdf5_hl.h>

#include "sim/Errors.hpp"

namespace carecap::output {
namespace {

const H5::StrType& string_type() {
  static const H5::StrType type = [] {
    H5::StrType utf8(H5::PredType::C_S1, H5T_VARIABLE);
    utf8.setCset(H5T_CSET_UTF8);  // scenario text and names may be Chinese
    return utf8;
  }();
  return type;
}

void string_attribute(H5::H5Object& object, const std::string& name, const std::string& value) {
  H5::Attribute attribute = object.createAttribute(name, string_type(), H5::DataSpace(H5S_SCALAR));
  attribute.write(string_type(), value);
}

std::vector<const char*> c_strings(const std::vector<std::string>& values) {
  std::vector<const char*> out;
  for (const auto& v : values) out.push_back(v.c_str());
  return out;
}

void make_scale(const H5::DataSet& dataset, const std::string& name) {
  if (H5DSset_scale(dataset.getId(), name.c_str()) < 0) throw RuntimeFault("HDF5: cannot make " + name + " a dimension scale");
}

}  // namespace

Hdf5Writer::Hdf5Writer(const std::string& path) : file_(path, H5F_ACC_TRUNC) {}

hsize_t Hdf5Writer::dimension_size(const std::string& name) const {
  for (const auto& [n, size] : dimensions_)
    if (n == name) return size;
  throw RuntimeFault("HDF5: unknown dimension " + name);
}

void Hdf5Writer::add_dimension(const std::string& name, const std::vector<int>& values, const std::string& units,
                               const std::string& description) {
  const hsize_t size = values.size();
  H5::DataSet dataset = file_.createDataSet(name, H5::PredType::NATIVE_INT32, H5::DataSpace(1, &size));
  dataset.write(values.data(), H5::PredType::NATIVE_INT);
  string_attribute(dataset, "units", units);
  string_attribute(dataset, "description", description);
  make_scale(dataset, name);
  dimensions_.emplace_back(name, size);
}

void Hdf5Writer::add_dimension(const std::string& name, const std::vector<std::string>& values,
                               const std::string& description) {
  const hsize_t size = values.size();
  H5::DataSet dataset = file_.createDataSet(name, string_type(), H5::DataSpace(1, &size));
  const auto pointers = c_strings(values);
  dataset.write(pointers.data(), string_type());
  string_attribute(dataset, "units", "1");
  string_attribute(dataset, "description", description);
  make_scale(dataset, name);
  dimensions_.emplace_back(name, size);
}

void Hdf5Writer::add_dataset(const std::string& name, const std::vector<std::string>& dimensions,
                             const std::vector<double>& values, const std::string& units, const std::string& description) {
  std::vector<hsize_t> shape;
  hsize_t count = 1;
  for (const auto& d : dimensions) {
    shape.push_back(dimension_size(d));
    count *= shape.back();
  }
  if (count != values.size()) throw RuntimeFault("HDF5: dataset " + name + " has the wrong number of values");
  H5::DataSet dataset = file_.createDataSet(name, H5::PredType::IEEE_F64LE,
                                            H5::DataSpace(static_cast<int>(shape.size()), shape.data()));
  dataset.write(values.data(), H5::PredType::NATIVE_DOUBLE);
  string_attribute(dataset, "units", units);
  string_attribute(dataset, "description", description);
  for (unsigned i = 0; i < dimensions.size(); ++i) {
    H5::DataSet scale = file_.openDataSet(dimensions[i]);
    if (H5DSattach_scale(dataset.getId(), scale.getId(), i) < 0)
      throw RuntimeFault("HDF5: cannot attach dimension " + dimensions[i] + " to " + name);
  }
}

void Hdf5Writer::set_root_attribute(const std::string& name, const std::string& value) {
  H5::Group root = file_.openGroup("/");
  string_attribute(root, name, value);
}

void Hdf5Writer::set_root_attribute(const std::string& name, const std::vector<std::string>& values) {
  H5::Group root = file_.openGroup("/");
  const hsize_t size = values.size();
  H5::Attribute attribute = root.createAttribute(name, string_type(), H5::DataSpace(1, &size));
  const auto pointers = c_strings(values);
  attribute.write(string_type(), pointers.data());
}

void Hdf5Writer::set_root_attribute(const std::string& name, long long value) {
  H5::Group root = file_.openGroup("/");
  H5::Attribute attribute = root.createAttribute(name, H5::PredType::STD_I64LE, H5::DataSpace(H5S_SCALAR));
  attribute.write(H5::PredType::NATIVE_LLONG, &value);
}

}  // namespace carecap::output
