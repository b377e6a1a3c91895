// carecap. SPDX-License-Identifier: MIT
// Helpers shared by the tests: reading reference CSVs (WPP 2024) and building small schedules.
#pragma once
#include <filesystem>
#include <fstream>
#include <random>
#include <system_error>
#include <unistd.h>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "models/demography/RateSchedule.hpp"

namespace carecap::testing {

/// Path of a file in the source tree.
inline std::string source_path(const std::string& relative) { return std::string(CARECAP_SOURCE_DIR) + "/" + relative; }

/// Reads a numeric CSV with a header into column name -> values (test reference data only).
inline std::map<std::string, std::vector<double>> read_reference_csv(const std::string& relative) {
  std::ifstream in(source_path(relative));
  std::string line;
  std::getline(in, line);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  std::vector<std::string> names;
  std::stringstream header(line);
  for (std::string name; std::getline(header, name, ',');) names.push_back(name);
  std::map<std::string, std::vector<double>> columns;
  auto strip_cr = [](std::string& text) {
    if (!text.empty() && text.back() == '\r') text.pop_back();
  };
  while (std::getline(in, line)) {
    strip_cr(line);
    std::stringstream row(line);
    std::string cell;
    for (const auto& name : names) {
      std::getline(row, cell, ',');
      columns[name].push_back(std::stod(cell));
    }
  }
  return columns;
}

/// A fresh directory under the system temporary directory, named PREFIX<pid>_<n>_<random>,
/// removed with everything in it when the object goes.
class TempDir {
public:
  explicit TempDir(const std::string& prefix = "carecap_test_") {
    static unsigned counter = 0;
    std::random_device random;
    path_ = std::filesystem::temp_directory_path() /
            (prefix + std::to_string(::getpid()) + "_" + std::to_string(++counter) + "_" + std::to_string(random()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }
  /// Path of a file inside the directory.
  [[nodiscard]] std::string file(const std::string& name) const { return (path_ / name).string(); }

private:
  std::filesystem::path path_;
};

/// A one-year schedule with every survival ratio `survival`, no fertility, no migration.
inline demography::YearRates flat_year(int year, double survival) {
  demography::YearRates rates;
  rates.year = year;
  rates.male_birth_share = 0.5;
  for (auto& s : rates.survival) s.fill(survival);
  return rates;
}

}  // namespace carecap::testing
