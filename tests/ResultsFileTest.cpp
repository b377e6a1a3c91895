// carecap. SPDX-License-Identifier: MIT
// The HDF5 results file: self-describing datasets, dimension scales, provenance, reproducibility.
#include "output/ResultsFile.hpp"

#include <doctest/doctest.h>

#include <H5Cpp.h>
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <sys/wait.h>
#include <unistd.h>
#include <filesystem>
#include <hdf5_hl.h>
#include <limits>

#include "TestSupport.hpp"
#include "models/demography/Projection.hpp"
#include "models/demography/ProjectionRecorder.hpp"
#include "models/demography/ProjectionSeries.hpp"

namespace fs = std::filesystem;

namespace {

/// Prefix of every directory these tests create, followed by the process id.
const std::string kTempPrefix = "carecap_results_" + std::to_string(::getpid()) + "_";

/// A temporary directory whose name starts with kTempPrefix.
struct TempDir : carecap::testing::TempDir {
  explicit TempDir(const std::string& name) : carecap::testing::TempDir(kTempPrefix + name + "_") {}
};

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

std::int64_t signed_attribute(const H5::H5Object& object, const std::string& name) {
  std::int64_t value = 0;
  object.openAttribute(name).read(H5::PredType::NATIVE_INT64, &value);
  return value;
}

/// A deterministic 2024-2025 projection of `base` with no deaths, births or migrants.
carecap::demography::ProjectionResult project_unchanged(const carecap::demography::AgeSexTable& base) {
  using namespace carecap::demography;
  const std::vector<YearRates> years{carecap::testing::flat_year(2024, 1.0), carecap::testing::flat_year(2025, 1.0)};
  ProjectionRecorder recorder;
  project_deterministic(base, RateSchedule{2024, years}, recorder);
  return recorder.take_result();
}

/// Provenance of a test run with seed `seed` that read one (made-up) input file.
carecap::output::RunMetadata test_metadata(std::uint64_t seed) {
  carecap::output::RunMetadata meta;
  meta.scenario_name = "test";
  meta.mode = "deterministic";
  meta.seed = seed;
  meta.input_files = {"test.toml"};
  meta.input_sha256 = {"0000"};
  return meta;
}

/// Writes one replication of `result` to `path`.
void write_projection(const std::string& path, const carecap::demography::ProjectionResult& result,
                      const carecap::output::RunMetadata& meta) {
  carecap::output::write_results_file(path, {{carecap::demography::projection_series(result)}}, meta, false);
}

}  // namespace

TEST_CASE("every dataset of a results file has units, a description and named dimension scales") {
  const TempDir dir("layout");
  const std::string out = dir.file("china.h5");
  REQUIRE(run_carecap("run scenarios/china.toml -o " + out) == 0);
  H5::H5File file(out, H5F_ACC_RDONLY);
  const auto names = dataset_names(file);
  for (const char* expected : {"n_population_jul1", "n_population_jan1", "new_births_by_mother_age", "new_deaths_by_age", "new_net_migrants_by_age", "n_total",
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
  H5::DataSet population = file.openDataSet("n_population_jul1");
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
  const TempDir dir("threads");
  const std::string one = dir.file("one.h5"), two = dir.file("two.h5");
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

TEST_CASE("the root seed attribute is an unsigned 64-bit integer, so every seed reads back exactly") {
  const TempDir dir("seed");
  auto seed_of = [](const std::string& path) {
    H5::H5File file(path, H5F_ACC_RDONLY);
    H5::Attribute attribute = file.openGroup("/").openAttribute("seed");
    CHECK(attribute.getTypeClass() == H5T_INTEGER);
    CHECK(attribute.getIntType().getSign() == H5T_SGN_NONE);
    CHECK(attribute.getIntType().getSize() == 8);
    std::uint64_t seed = 0;
    attribute.read(H5::PredType::NATIVE_UINT64, &seed);
    return seed;
  };
  SUBCASE("written directly, up to the largest 64-bit value") {
    const auto result = project_unchanged({});
    for (const std::uint64_t seed : {std::uint64_t{0}, std::uint64_t{1} << 63, std::numeric_limits<std::uint64_t>::max()}) {
      CAPTURE(seed);
      const std::string path = dir.file("seed_" + std::to_string(seed) + ".h5");
      write_projection(path, result, test_metadata(seed));
      CHECK(seed_of(path) == seed);
    }
  }
  SUBCASE("given on the command line, up to the largest seed a scenario file can hold") {
    const std::string path = dir.file("china.h5");
    REQUIRE(run_carecap("run tests/scenarios/china_stochastic.toml --replications 2 --seed 9223372036854775807 -o " +
                        path) == 0);
    CHECK(seed_of(path) == 9223372036854775807ULL);
  }
}

TEST_CASE("shares and ratios of an empty population or age group are 0, not NaN or infinity") {
  using carecap::demography::AgeSexTable;
  using carecap::demography::Sex;
  const TempDir dir("empty");
  const std::string path = dir.file("empty.h5");
  const std::vector<std::string> shares{"share_age_0_2",     "share_age_3_5",     "share_age_15_59",
                                        "share_age_60_plus", "share_age_65_plus", "share_age_80_plus"};

  SUBCASE("nobody at all: every share and the dependency ratio are 0") {
    write_projection(path, project_unchanged({}), test_metadata(1));
    H5::H5File file(path, H5F_ACC_RDONLY);
    for (const auto& name : shares) {
      CAPTURE(name);
      for (const double value : read_all(file.openDataSet(name))) CHECK(value == 0.0);
      CHECK(string_attribute(file.openDataSet(name), "description").find("0 when") != std::string::npos);
    }
    for (const double value : read_all(file.openDataSet("old_age_dependency_ratio"))) CHECK(value == 0.0);
  }
  SUBCASE("only people aged 90: the 80+ share is 100 and the dependency ratio 0, as nobody is aged 15-64") {
    AgeSexTable base;
    base[Sex::female][90] = 1000;
    write_projection(path, project_unchanged(base), test_metadata(1));
    H5::H5File file(path, H5F_ACC_RDONLY);
    for (const double value : read_all(file.openDataSet("share_age_80_plus"))) CHECK(value == doctest::Approx(100.0));
    for (const double value : read_all(file.openDataSet("share_age_15_59"))) CHECK(value == 0.0);
    const H5::DataSet ratio = file.openDataSet("old_age_dependency_ratio");
    for (const double value : read_all(ratio)) CHECK(value == 0.0);
    CHECK(string_attribute(ratio, "description").find("0 when nobody is aged 15-64") != std::string::npos);
  }
  SUBCASE("no dataset of the file holds a NaN or an infinity") {
    write_projection(path, project_unchanged({}), test_metadata(1));
    H5::H5File file(path, H5F_ACC_RDONLY);
    for (const auto& name : dataset_names(file)) {
      H5::DataSet dataset = file.openDataSet(name);
      if (dataset.getTypeClass() != H5T_FLOAT) continue;
      CAPTURE(name);
      for (const double value : read_all(dataset)) CHECK(std::isfinite(value));
    }
  }
}

TEST_CASE("--mode deterministic on a stochastic scenario runs one deterministic replication") {
  // tests/scenarios/china_stochastic.toml asks for 4 stochastic replications.
  const TempDir dir("mode");
  const std::string path = dir.file("china.h5");
  SUBCASE("without --replications the scenario's count is replaced by 1") {
    REQUIRE(run_carecap("run tests/scenarios/china_stochastic.toml --mode deterministic -o " + path) == 0);
    H5::H5File file(path, H5F_ACC_RDONLY);
    const H5::Group root = file.openGroup("/");
    CHECK(string_attribute(root, "mode") == "deterministic");
    CHECK(signed_attribute(root, "replications") == 1);
    CHECK(file.openDataSet("n_population_jul1").getSpace().getSimpleExtentNdims() == 3);  // no statistic dimension
  }
  SUBCASE("with an explicit --replications above 1 it is bad input") {
    CHECK(run_carecap("run tests/scenarios/china_stochastic.toml --mode deterministic --replications 4 -o " + path) == 2);
    CHECK_FALSE(fs::exists(path));
  }
}

TEST_CASE("a run that read no input files records empty input lists") {
  const TempDir dir("no_inputs");
  const std::string path = dir.file("none.h5");
  carecap::output::RunMetadata meta = test_metadata(1);
  meta.input_files.clear();
  meta.input_sha256.clear();
  write_projection(path, project_unchanged({}), meta);
  H5::H5File file(path, H5F_ACC_RDONLY);
  const H5::Group root = file.openGroup("/");
  CHECK(root.openAttribute("input_files").getSpace().getSimpleExtentNpoints() == 0);
  CHECK(root.openAttribute("input_sha256").getSpace().getSimpleExtentNpoints() == 0);
}

// Declared last: the test cases of a file run in the order they are declared.
TEST_CASE("the results-file tests leave no temporary directory behind") {
  for (const auto& entry : fs::directory_iterator(fs::temp_directory_path())) {
    const std::string name = entry.path().filename().string();
    CAPTURE(name);
    CHECK(name.rfind(kTempPrefix, 0) != 0);
  }
}
