// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace carecap::output {

/// Provenance recorded on the root of every results file.
struct RunMetadata {
  std::string carecap_version;             // e.g. "0.1.0"
  std::string git_commit;                  // commit the binary was built from, or "unknown"
  std::string scenario_name;               // scenario.name
  std::string scenario_path;               // path given on the command line
  std::string scenario_text;               // text of the scenario file and its bases
  std::vector<std::string> input_files;    // every file read
  std::vector<std::string> input_sha256;   // SHA-256 of each, same order
  std::string mode;                        // "deterministic" or "stochastic"
  std::uint64_t seed = 0;                  // root random seed
  int replications = 1;                    // count
  std::string created_utc;                 // ISO 8601 time the file was written
  std::string scenario_label_zh{};         // the place the scenario is about, in Chinese (scenario.label_zh), or ""
  std::string scenario_label_en{};         // the same in English (scenario.label_en), or ""
  std::vector<std::string> source_texts_en{};  // parameter sources as the scenario states them (`source`)...
  std::vector<std::string> source_texts_zh{};  // ...and their Chinese text (`source_zh`), same order
};

}  // namespace carecap::output
