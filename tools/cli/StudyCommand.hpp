// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <string>

#include "text/Lang.hpp"

namespace carecap::tools {

/// Options of `carecap study`.
struct StudyOptions {
  std::string study_path;
  std::string output_path;  // empty: <study stem>.h5 in the working directory
  bool force = false;       // replace an existing output file
  int threads = 0;          // threads for each scenario's replications; 0: all cores
  text::Lang lang = text::Lang::en;  // of what the command prints (--lang, else the locale)
};

/// Loads a study, runs its baseline and variants with common random numbers (the same seed and
/// replications), prints the comparison table and writes it, with the indicators by year, to one
/// HDF5 file with a `scenario` dimension (output/SCHEMA.md, "Study files").
void study_command(const StudyOptions& options);

}  // namespace carecap::tools
