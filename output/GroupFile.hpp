// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "models/ResultSeries.hpp"

namespace carecap::output {

/// Provenance attributes of the root group of a file written by write_group_file.
struct FileAttributes {
  std::vector<std::pair<std::string, std::string>> text;
  std::vector<std::pair<std::string, std::int64_t>> integers;
  std::vector<std::pair<std::string, std::uint64_t>> unsigned_integers;  // e.g. seeds, which may exceed int64
  std::vector<std::pair<std::string, std::vector<std::string>>> text_lists;  // e.g. source_texts_en; an empty list is not written
};

/// Writes result groups as they are (no replication summary) to an HDF5 file: the group named ""
/// is the root, whose dimensions every group sees (each subgroup also gets its own copy, so that
/// xarray's `group=` finds its coordinates). Every dataset carries units and description (and
/// label_zh and source when set). Whole or not at all, as write_results_file: built in memory,
/// written to a temporary name and renamed; an existing `path` is replaced only with `overwrite`.
void write_group_file(const std::string& path, const std::vector<ResultGroup>& groups, const FileAttributes& attributes,
                      bool overwrite);

/// A text attribute of the root group of an HDF5 file, or "" when the file cannot be read as
/// HDF5 or has no such attribute.
[[nodiscard]] std::string read_root_text_attribute(const std::string& path, const std::string& name);

}  // namespace carecap::output
