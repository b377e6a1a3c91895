// carecap. SPDX-License-Identifier: MIT
#include "output/GroupFile.hpp"

#include "output/Hdf5Writer.hpp"
#include "output/ResultsFile.hpp"
#include "output/TextFile.hpp"
#include "sim/Errors.hpp"
#include "text/Catalogue.hpp"

namespace carecap::output {

void write_group_file(const std::string& path, const std::vector<ResultGroup>& groups, const FileAttributes& attributes,
                      bool overwrite) {
  check_output_path(path, overwrite);
  std::vector<char> image;
  try {
    H5::Exception::dontPrint();
    Hdf5Writer file(path);
    for (const auto& [name, value] : attributes.text) file.set_root_attribute(name, value);
    for (const auto& [name, value] : attributes.integers) file.set_root_attribute(name, value);
    for (const auto& [name, value] : attributes.unsigned_integers) file.set_root_attribute(name, value);
    for (const auto& [name, value] : attributes.text_lists)
      if (!value.empty()) file.set_root_attribute(name, value);  // HDF5 keeps no empty list
    std::vector<ResultDimension> root_dimensions;
    for (const ResultGroup& g : groups)
      if (g.name.empty()) root_dimensions = g.dimensions;
    for (const ResultGroup& g : groups) {
      if (!g.name.empty()) {
        file.add_group(g.name, g.description);
        for (const auto& dimension : root_dimensions) file.add_dimension(g.name, dimension);
      }
      for (const auto& dimension : g.dimensions) file.add_dimension(g.name, dimension);
      for (const ResultSeries& s : g.series) {
        TextAttributes text{{"units", s.units}, {"description", s.description}};
        if (!s.label_zh.empty()) text.emplace_back("label_zh", s.label_zh);
        if (!s.source.empty()) text.emplace_back("source", s.source);
        file.add_dataset(g.name, s.name, s.dimensions, s.values, text);
      }
      for (const ResultTextSeries& t : g.text_series) file.add_text_dataset(g.name, t);
    }
    image = file.image();
  } catch (const H5::Exception& error) {
    throw RuntimeFault(text::both("errors.output.hdf5_building", {{"path", path}, {"reason", error.getDetailMsg()}}));
  }
  write_text_file(path, std::string(image.begin(), image.end()), overwrite);
}

std::string read_root_text_attribute(const std::string& path, const std::string& name) {
  try {
    H5::Exception::dontPrint();
    if (!H5::H5File::isHdf5(path)) return "";
    H5::H5File file(path, H5F_ACC_RDONLY);
    if (!file.attrExists(name)) return "";
    H5::Attribute attribute = file.openAttribute(name);
    std::string value;
    attribute.read(attribute.getStrType(), value);
    return value;
  } catch (const H5::Exception&) {
    return "";
  }
}

}  // namespace carecap::output
