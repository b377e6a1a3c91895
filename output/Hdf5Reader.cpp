// carecap. SPDX-License-Identifier: MIT
#include "output/Hdf5Reader.hpp"

#include <hdf5_hl.h>

#include <filesystem>

#include "sim/Errors.hpp"
#include "text/Catalogue.hpp"
#include "sim/Utf8.hpp"

namespace carecap::output {
namespace {

std::string object_path(const std::string& group, const std::string& name) {
  return group.empty() ? "/" + name : "/" + group + "/" + name;
}

/// Runs `read`, turning an HDF5 failure into one InputError line naming the file and the object.
template <class Read>
auto guarded(const std::string& path, const std::string& object, Read read) -> decltype(read()) {
  try {
    return read();
  } catch (const H5::Exception& error) {
    throw InputError(text::both("errors.results.cannot_read", {{"path", path}, {"object", object}, {"reason", error.getDetailMsg()}}));
  }
}

std::string text_attribute(const H5::H5Object& object, const std::string& name) {
  if (!object.attrExists(name)) return "";
  H5::Attribute attribute = object.openAttribute(name);
  std::string value;
  attribute.read(attribute.getStrType(), value);
  return sim::valid_utf8(value);  // text from elsewhere (e.g. a GBK file name) must not break a report
}

/// Reads a 1-D string dataset (variable or fixed length).
std::vector<std::string> read_strings(const H5::DataSet& dataset) {
  const H5::DataSpace space = dataset.getSpace();
  hssize_t count = space.getSimpleExtentNpoints();
  std::vector<std::string> out(static_cast<std::size_t>(count));
  H5::StrType type = dataset.getStrType();
  if (type.isVariableStr()) {
    std::vector<char*> pointers(out.size(), nullptr);
    if (!pointers.empty()) dataset.read(pointers.data(), type);
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = sim::valid_utf8(pointers[i] ? pointers[i] : "");
    if (!pointers.empty()) H5Dvlen_reclaim(type.getId(), space.getId(), H5P_DEFAULT, pointers.data());
  } else {
    const std::size_t width = type.getSize();
    std::vector<char> buffer(width * out.size());
    if (!buffer.empty()) dataset.read(buffer.data(), type);
    for (std::size_t i = 0; i < out.size(); ++i) {
      std::string s(buffer.data() + i * width, width);
      out[i] = sim::valid_utf8(s.substr(0, s.find('\0')));
    }
  }
  return out;
}

herr_t scale_name(hid_t, unsigned, hid_t scale, void* visitor_data) {
  auto* name = static_cast<std::string*>(visitor_data);
  char buffer[256] = {};
  if (H5DSget_scale_name(scale, buffer, sizeof buffer) < 0) return -1;
  *name = buffer;
  return 1;  // stop at the first scale
}

}  // namespace

Hdf5Reader::Hdf5Reader(const std::string& path) : path_(path) {
  H5::Exception::dontPrint();
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error))
    throw InputError(text::both("errors.results.no_file", {{"path", path}}));
  bool hdf5 = false;
  try {
    hdf5 = H5::H5File::isHdf5(path);
  } catch (const H5::Exception&) {
    hdf5 = false;
  }
  if (!hdf5) throw InputError(text::both("errors.results.not_hdf5", {{"path", path}}));
  try {
    file_.openFile(path, H5F_ACC_RDONLY);
  } catch (const H5::Exception& e) {
    throw InputError(text::both("errors.results.damaged", {{"path", path}, {"reason", e.getDetailMsg()}}));
  }
}

std::vector<std::string> Hdf5Reader::group_names() const {
  return guarded(path_, "the root group", [&] {
    std::vector<std::string> out;
    const H5::Group root = file_.openGroup("/");
    for (hsize_t i = 0; i < root.getNumObjs(); ++i)
      if (root.getObjTypeByIdx(i) == H5G_GROUP) out.push_back(root.getObjnameByIdx(i));
    return out;
  });
}

bool Hdf5Reader::has_group(const std::string& group) const {
  if (group.empty()) return true;
  return guarded(path_, "/" + group, [&] { return file_.nameExists("/" + group) && file_.childObjType("/" + group) == H5O_TYPE_GROUP; });
}

bool Hdf5Reader::has_dataset(const std::string& group, const std::string& name) const {
  const std::string path = object_path(group, name);
  return guarded(path_, path, [&] {
    if (!has_group(group)) return false;
    const H5::Group g = file_.openGroup(group.empty() ? "/" : "/" + group);
    return g.nameExists(name) && g.childObjType(name) == H5O_TYPE_DATASET;
  });
}

std::vector<std::string> Hdf5Reader::series_names(const std::string& group) const {
  return guarded(path_, "/" + group, [&] {
    std::vector<std::string> out;
    const H5::Group g = file_.openGroup(group.empty() ? "/" : "/" + group);
    for (hsize_t i = 0; i < g.getNumObjs(); ++i) {
      if (g.getObjTypeByIdx(i) != H5G_DATASET) continue;
      const std::string name = g.getObjnameByIdx(i);
      const H5::DataSet d = g.openDataSet(name);
      if (d.getTypeClass() == H5T_FLOAT && H5DSis_scale(d.getId()) <= 0) out.push_back(name);
    }
    return out;
  });
}

std::optional<std::string> Hdf5Reader::root_text(const std::string& name) const {
  return guarded(path_, "the root attribute " + name, [&]() -> std::optional<std::string> {
    const H5::Group root = file_.openGroup("/");
    if (!root.attrExists(name)) return std::nullopt;
    H5::Attribute attribute = root.openAttribute(name);
    if (attribute.getTypeClass() != H5T_STRING || attribute.getSpace().getSimpleExtentNdims() != 0) return std::nullopt;
    return text_attribute(root, name);
  });
}

std::vector<std::string> Hdf5Reader::root_text_list(const std::string& name) const {
  return guarded(path_, "the root attribute " + name, [&] {
    std::vector<std::string> out;
    const H5::Group root = file_.openGroup("/");
    if (!root.attrExists(name)) return out;
    H5::Attribute attribute = root.openAttribute(name);
    if (attribute.getTypeClass() != H5T_STRING) return out;
    const H5::DataSpace space = attribute.getSpace();
    if (space.getSimpleExtentNdims() == 0) return std::vector<std::string>{text_attribute(root, name)};
    const auto count = static_cast<std::size_t>(space.getSimpleExtentNpoints());
    std::vector<char*> pointers(count, nullptr);
    const H5::StrType type = attribute.getStrType();
    if (!type.isVariableStr()) return out;
    if (count > 0) attribute.read(type, pointers.data());
    for (char* p : pointers) out.push_back(sim::valid_utf8(p ? p : ""));
    if (count > 0) H5Dvlen_reclaim(type.getId(), space.getId(), H5P_DEFAULT, pointers.data());
    return out;
  });
}

std::optional<std::string> Hdf5Reader::root_integer_text(const std::string& name) const {
  return guarded(path_, "the root attribute " + name, [&]() -> std::optional<std::string> {
    const H5::Group root = file_.openGroup("/");
    if (!root.attrExists(name)) return std::nullopt;
    H5::Attribute attribute = root.openAttribute(name);
    if (attribute.getTypeClass() != H5T_INTEGER) return std::nullopt;
    if (attribute.getIntType().getSign() == H5T_SGN_NONE) {
      std::uint64_t value = 0;  // seeds use every bit of an unsigned 64-bit integer
      attribute.read(H5::PredType::NATIVE_UINT64, &value);
      return std::to_string(value);
    }
    std::int64_t value = 0;
    attribute.read(H5::PredType::NATIVE_INT64, &value);
    return std::to_string(value);
  });
}

std::string Hdf5Reader::dataset_text_attribute(const std::string& group, const std::string& name,
                                               const std::string& attribute) const {
  const std::string path = object_path(group, name);
  return guarded(path_, path, [&] { return text_attribute(open_dataset(group, name), attribute); });
}

std::optional<std::int64_t> Hdf5Reader::root_integer(const std::string& name) const {
  return guarded(path_, "the root attribute " + name, [&]() -> std::optional<std::int64_t> {
    const H5::Group root = file_.openGroup("/");
    if (!root.attrExists(name)) return std::nullopt;
    H5::Attribute attribute = root.openAttribute(name);
    if (attribute.getTypeClass() != H5T_INTEGER) return std::nullopt;
    std::int64_t value = 0;
    attribute.read(H5::PredType::NATIVE_INT64, &value);
    return value;
  });
}

H5::DataSet Hdf5Reader::open_dataset(const std::string& group, const std::string& name) const {
  if (!has_dataset(group, name))
    throw InputError(text::both("errors.results.no_dataset", {{"path", path_}, {"dataset", object_path(group, name)}}));
  return file_.openDataSet(object_path(group, name));
}

ResultSeries Hdf5Reader::read_series(const std::string& group, const std::string& name) const {
  const std::string path = object_path(group, name);
  return guarded(path_, path, [&] {
    const H5::DataSet dataset = open_dataset(group, name);
    if (dataset.getTypeClass() != H5T_FLOAT)
      throw InputError(text::both("errors.results.not_float", {{"path", path_}, {"dataset", path}}));
    ResultSeries series;
    series.name = name;
    series.units = text_attribute(dataset, "units");
    series.description = text_attribute(dataset, "description");
    series.label_zh = text_attribute(dataset, "label_zh");
    series.source = text_attribute(dataset, "source");
    const H5::DataSpace space = dataset.getSpace();
    const int rank = space.getSimpleExtentNdims();
    std::vector<hsize_t> shape(static_cast<std::size_t>(rank));
    if (rank > 0) space.getSimpleExtentDims(shape.data());
    for (int d = 0; d < rank; ++d) {
      std::string dimension;
      if (H5DSget_num_scales(dataset.getId(), static_cast<unsigned>(d)) > 0)
        H5DSiterate_scales(dataset.getId(), static_cast<unsigned>(d), nullptr, scale_name, &dimension);
      if (dimension.empty())
        throw InputError(text::both("errors.results.no_scale", {{"path", path_}, {"dataset", path}, {"axis", std::to_string(d)}}));
      series.dimensions.push_back(dimension);
      // The scale must be as long as the axis, or every reader would index past one of them.
      const std::string scale_group = has_dataset(group, dimension) ? group : "";
      const hssize_t scale_length = open_dataset(scale_group, dimension).getSpace().getSimpleExtentNpoints();
      if (scale_length != static_cast<hssize_t>(shape[static_cast<std::size_t>(d)]))
        throw InputError(text::both("errors.results.scale_length",
                                    {{"path", path_}, {"dataset", path}, {"entries", std::to_string(shape[static_cast<std::size_t>(d)])},
                                     {"dimension", dimension}, {"scale", std::to_string(scale_length)}}));
    }
    series.values.resize(static_cast<std::size_t>(space.getSimpleExtentNpoints()));
    if (!series.values.empty()) dataset.read(series.values.data(), H5::PredType::NATIVE_DOUBLE);
    return series;
  });
}

ResultDimension Hdf5Reader::read_dimension(const std::string& group, const std::string& name) const {
  const std::string where = has_dataset(group, name) ? group : "";
  const std::string path = object_path(where, name);
  return guarded(path_, path, [&] {
    const H5::DataSet dataset = open_dataset(where, name);
    ResultDimension dimension;
    dimension.name = name;
    dimension.units = text_attribute(dataset, "units");
    dimension.description = text_attribute(dataset, "description");
    if (dataset.getTypeClass() == H5T_STRING) {
      dimension.labels = read_strings(dataset);
    } else {
      dimension.values.resize(static_cast<std::size_t>(dataset.getSpace().getSimpleExtentNpoints()));
      if (!dimension.values.empty()) dataset.read(dimension.values.data(), H5::PredType::NATIVE_INT);
    }
    return dimension;
  });
}

std::vector<std::string> Hdf5Reader::read_text(const std::string& group, const std::string& name) const {
  const std::string path = object_path(group, name);
  return guarded(path_, path, [&] {
    const H5::DataSet dataset = open_dataset(group, name);
    if (dataset.getTypeClass() != H5T_STRING)
      throw InputError(text::both("errors.results.not_text", {{"path", path_}, {"dataset", path}}));
    return read_strings(dataset);
  });
}

}  // namespace carecap::output
