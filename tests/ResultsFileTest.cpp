// carecap. SPDX-License-Identifier: MIT
// The HDF5 results file: self-describing datasets, dimension scales, provenance, reproducibility.
#include "output/ResultsFile.hpp"

#include <doctest/doctest.h>

#include <H5Cpp.h>
#include <algorithm>
#include <cstdlib>
#include <sys/wait.h>
#include <unistd.h>
#include <filesystem>
#include <hdf5_hl.h>

#include "TestSupport.hpp"

namespace fs = std::filesystem;

namespace {

fs::path fresh_directory(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("carecap_results_" + name + "_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

int run_carecap(const std::string& arguments) {
  const std::string command = std::string(CARECAP_BINARY) + " " + arguments + " > /dev/null 2>&1";
  return WEXITSTATUS(std::system(command.c_str()));
}

std::string string_attribute(const H5::H5Object& object, const std::string& name) {
  H5::Attribute attribute = object.openAttribute(name);
  std::string value;
  attribute.read(attribute.getStrType(), value);
  return value;
}

/// Paths of every dataset in the root group and in its subgroups (one level), e.g. "demand/n_beds_needed".
std::vector<std::string> dataset_names(const H5::H5File& file) {
  std::vector<std::string> names;
  for (hsize_t i = 0; i < file.getNumObjs(); ++i) {
    const std::string name = file.getObjnameByIdx(i);
    if (file.childObjType(name) == H5O_TYPE_DATASET) {
      names.push_back(name);
      continue;
    }
    H5::Group group = file.openGroup(name);
    for (hsize_t j = 0; j < group.getNumObjs(); ++j) names.push_back(name + "/" + group.getObjnameByIdx(j));
  }
  return names;
}

std::vector<double> read_all(const H5::DataSet& dataset) {
  std::vector<double> values(static_cast<std::size_t>(dataset.getSpace().getSimpleExtentNpoints()));
  dataset.read(values.data(), H5::PredType::NATIVE_DOUBLE);
  return values;
}

}  // namespace

TEST_CASE("every dataset of a results file has units, a description and named dimension scales") {
  const fs::path dir = fresh_directory("layout");
  const std::string out = (dir / "china.h5").string();
  REQUIRE(run_carecap("run scenarios/china.toml -o " + out) == 0);
  H5::H5File file(out, H5F_ACC_RDONLY);
  const auto names = dataset_names(file);
  for (const char* expected : {"population_jul1", "population_jan1", "births", "deaths", "net_migrants", "n_total",
                               "n_age_0_2", "n_age_3_5", "n_age_15_59", "n_age_60_plus", "n_age_65_plus",
                               "n_age_80_plus", "share_age_60_plus", "old_age_dependency_ratio",
                               "total_fertility_rate", "e0_male", "e0_female", "year", "sex", "age",
                               "demand/n_beds_needed", "demand/new_bed_demand", "demand/n_elderly_by_care_state_age",
                               "demand/n_childcare_places_wanted", "demand/beds_per_1000_elderly", "demand/basis"}) {
    CAPTURE(expected);
    CHECK(std::find(names.begin(), names.end(), expected) != names.end());
  }
  for (const auto& name : names) {
    CAPTURE(name);
    H5::DataSet dataset = file.openDataSet(name);
    CHECK_FALSE(string_attribute(dataset, "units").empty());
    CHECK_FALSE(string_attribute(dataset, "description").empty());
    const bool is_scale = H5DSis_scale(dataset.getId()) > 0;
    if (!is_scale)
      for (int d = 0; d < dataset.getSpace().getSimpleExtentNdims(); ++d)
        CHECK(H5DSget_num_scales(dataset.getId(), static_cast<unsigned>(d)) == 1);
  }
  H5::DataSet population = file.openDataSet("population_jul1");
  hsize_t shape[3];
  population.getSpace().getSimpleExtentDims(shape);
  CHECK(shape[0] == 77);  // 2024..2100
  CHECK(shape[1] == 2);
  CHECK(shape[2] == 101);

  SUBCASE("the plans' indicators carry their Chinese names and the demand series their sources") {
    H5::DataSet beds = file.openDataSet("demand/beds_per_1000_elderly");
    CHECK(string_attribute(beds, "label_zh") == "每千名老年人养老床位数");
    CHECK(string_attribute(file.openDataSet("demand/n_beds_needed"), "source").find("0.73%") != std::string::npos);
  }
  SUBCASE("the root records the scenario text, input hashes, version, commit, seed and creation time") {
    H5::Group root = file.openGroup("/");
    CHECK(string_attribute(root, "scenario_text").find("[fertility]") != std::string::npos);
    CHECK(string_attribute(root, "carecap_version") == "0.1.0");
    CHECK_FALSE(string_attribute(root, "git_commit").empty());
    CHECK(string_attribute(root, "created_utc").size() == 20);
    H5::Attribute hashes = root.openAttribute("input_sha256");
    CHECK(hashes.getSpace().getSimpleExtentNpoints() == 7);
    CHECK(root.attrExists("seed"));
  }
}

TEST_CASE("a stochastic run writes identical datasets with 1 and 2 threads") {
  const fs::path dir = fresh_directory("threads");
  const std::string one = (dir / "one.h5").string(), two = (dir / "two.h5").string();
  REQUIRE(run_carecap("run tests/scenarios/china_stochastic.toml --replications 12 --threads 1 -o " + one) == 0);
  REQUIRE(run_carecap("run tests/scenarios/china_stochastic.toml --replications 12 --threads 2 -o " + two) == 0);
  H5::H5File a(one, H5F_ACC_RDONLY), b(two, H5F_ACC_RDONLY);
  const auto names = dataset_names(a);
  REQUIRE(names == dataset_names(b));
  CHECK(std::find(names.begin(), names.end(), "summary_n_age_60_plus") != names.end());
  CHECK(std::find(names.begin(), names.end(), "statistic") != names.end());
  for (const auto& name : names) {
    CAPTURE(name);
    H5::DataSet dataset = a.openDataSet(name);
    if (dataset.getTypeClass() == H5T_STRING) continue;  // label scales
    CHECK(read_all(a.openDataSet(name)) == read_all(b.openDataSet(name)));
  }
  SUBCASE("per-replication indicators are (replication, year) and summaries (statistic, year)") {
    hsize_t shape[2];
    a.openDataSet("n_age_60_plus").getSpace().getSimpleExtentDims(shape);
    CHECK(shape[0] == 12);
    CHECK(shape[1] == 2050 - 2024 + 1);
    a.openDataSet("summary_n_age_60_plus").getSpace().getSimpleExtentDims(shape);
    CHECK(shape[0] == 4);
  }
}
