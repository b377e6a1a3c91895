// carecap. SPDX-License-Identifier: MIT
#include "output/Hdf5Writer.hpp"

#include <hdf5_hl.h>

#include "sim/Errors.hpp"
#include "text/Catalogue.hpp"

namespace carecap::output {
namespace {

const H5::StrType& string_type() {
  static const H5::StrType type = [] {
    H5::StrType utf8(H5::PredType::C_S1, H5T_VARIABLE);
    utf8.setCset(H5T_CSET_UTF8);  // scenario text and plan names may be Chinese
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

std::string join_path(const std::string& group, const std::string& name) {
  return group.empty() ? "/" + name : "/" + group + "/" + name;
}

/// File access in memory: the core driver growing in 1 MiB steps, with no backing store.
H5::FileAccPropList in_memory() {
  H5::FileAccPropList access;
  access.setCore(std::size_t{1} << 20, false);
  return access;
}

}  // namespace

Hdf5Writer::Hdf5Writer(const std::string& name)
    : file_(name, H5F_ACC_TRUNC, H5::FileCreatPropList::DEFAULT, in_memory()) {}

void Hdf5Writer::add_group(const std::string& group, const std::string& description) {
  H5::Group created = file_.createGroup("/" + group);
  string_attribute(created, "description", description);
}

std::string Hdf5Writer::dimension_path(const std::string& group, const std::string& name) const {
  const std::string local = join_path(group, name);
  if (dimension_sizes_.count(local)) return local;
  if (dimension_sizes_.count("/" + name)) return "/" + name;
  throw RuntimeFault(text::both("errors.hdf5.unknown_dimension", {{"dimension", name}, {"group", group}}));
}

void Hdf5Writer::add_dimension(const std::string& group, const ResultDimension& dimension) {
  const std::string path = join_path(group, dimension.name);
  const hsize_t size = dimension.size();
  H5::DataSet dataset;
  if (dimension.labels.empty()) {
    dataset = file_.createDataSet(path, H5::PredType::NATIVE_INT32, H5::DataSpace(1, &size));
    dataset.write(dimension.values.data(), H5::PredType::NATIVE_INT);
  } else {
    dataset = file_.createDataSet(path, string_type(), H5::DataSpace(1, &size));
    const auto pointers = c_strings(dimension.labels);
    dataset.write(pointers.data(), string_type());
  }
  string_attribute(dataset, "units", dimension.units);
  string_attribute(dataset, "description", dimension.description);
  if (H5DSset_scale(dataset.getId(), dimension.name.c_str()) < 0)
    throw RuntimeFault(text::both("errors.hdf5.cannot_make_scale", {{"dataset", path}}));
  dimension_sizes_[path] = size;
}

void Hdf5Writer::add_dataset(const std::string& group, const std::string& name, const std::vector<std::string>& dimensions,
                             const std::vector<double>& values, const TextAttributes& attributes) {
  std::vector<hsize_t> shape;
  std::vector<std::string> scale_paths;
  hsize_t count = 1;
  for (const auto& d : dimensions) {
    scale_paths.push_back(dimension_path(group, d));
    shape.push_back(dimension_sizes_.at(scale_paths.back()));
    count *= shape.back();
  }
  const std::string path = join_path(group, name);
  if (count != values.size()) throw RuntimeFault(text::both("errors.hdf5.wrong_count", {{"dataset", path}}));
  H5::DataSet dataset = file_.createDataSet(path, H5::PredType::IEEE_F64LE,
                                            H5::DataSpace(static_cast<int>(shape.size()), shape.data()));
  dataset.write(values.data(), H5::PredType::NATIVE_DOUBLE);
  for (const auto& [key, text] : attributes) string_attribute(dataset, key, text);
  for (unsigned i = 0; i < scale_paths.size(); ++i) {
    H5::DataSet scale = file_.openDataSet(scale_paths[i]);
    if (H5DSattach_scale(dataset.getId(), scale.getId(), i) < 0)
      throw RuntimeFault(text::both("errors.hdf5.cannot_attach", {{"dimension", dimensions[i]}, {"dataset", path}}));
  }
}

void Hdf5Writer::add_text_dataset(const std::string& group, const ResultTextSeries& series) {
  const std::string scale_path = dimension_path(group, series.dimension);
  const hsize_t size = dimension_sizes_.at(scale_path);
  const std::string path = join_path(group, series.name);
  if (size != series.values.size()) throw RuntimeFault(text::both("errors.hdf5.wrong_count", {{"dataset", path}}));
  H5::DataSet dataset = file_.createDataSet(path, string_type(), H5::DataSpace(1, &size));
  if (size > 0) {
    const auto pointers = c_strings(series.values);
    dataset.write(pointers.data(), string_type());
  }
  string_attribute(dataset, "units", "1");
  string_attribute(dataset, "description", series.description);
  H5::DataSet scale = file_.openDataSet(scale_path);
  if (H5DSattach_scale(dataset.getId(), scale.getId(), 0) < 0)
    throw RuntimeFault(text::both("errors.hdf5.cannot_attach", {{"dimension", series.dimension}, {"dataset", path}}));
}

void Hdf5Writer::set_root_attribute(const std::string& name, const std::string& value) {
  H5::Group root = file_.openGroup("/");
  string_attribute(root, name, value);
}

void Hdf5Writer::set_root_attribute(const std::string& name, const std::vector<std::string>& values) {
  H5::Group root = file_.openGroup("/");
  const hsize_t size = values.size();
  H5::Attribute attribute = root.createAttribute(name, string_type(), H5::DataSpace(1, &size));
  if (values.empty()) return;  // an empty list has nothing to write (and HDF5 refuses a null buffer)
  const auto pointers = c_strings(values);
  attribute.write(string_type(), pointers.data());
}

void Hdf5Writer::set_root_attribute(const std::string& name, std::int64_t value) {
  H5::Group root = file_.openGroup("/");
  H5::Attribute attribute = root.createAttribute(name, H5::PredType::STD_I64LE, H5::DataSpace(H5S_SCALAR));
  attribute.write(H5::PredType::NATIVE_INT64, &value);
}

void Hdf5Writer::set_root_attribute(const std::string& name, std::uint64_t value) {
  H5::Group root = file_.openGroup("/");
  H5::Attribute attribute = root.createAttribute(name, H5::PredType::STD_U64LE, H5::DataSpace(H5S_SCALAR));
  attribute.write(H5::PredType::NATIVE_UINT64, &value);
}

std::vector<char> Hdf5Writer::image() {
  file_.flush(H5F_SCOPE_GLOBAL);
  const ssize_t size = H5Fget_file_image(file_.getId(), nullptr, 0);
  if (size < 0) throw RuntimeFault(text::both("errors.hdf5.no_image", {{"path", file_.getFileName()}}));
  std::vector<char> bytes(static_cast<std::size_t>(size));
  if (H5Fget_file_image(file_.getId(), bytes.data(), bytes.size()) != size)
    throw RuntimeFault(text::both("errors.hdf5.no_image_copy", {{"path", file_.getFileName()}}));
  return bytes;
}

}  // namespace carecap::output
