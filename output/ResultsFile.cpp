// carecap. SPDX-License-Identifier: MIT
#include "output/ResultsFile.hpp"

#include <filesystem>
#include <unistd.h>

#include "output/Hdf5Writer.hpp"
#include "output/ReplaceFile.hpp"
#include "sim/Errors.hpp"
#include "text/Catalogue.hpp"
#include "sim/ReplicationSummary.hpp"

namespace carecap::output {
namespace fs = std::filesystem;

namespace {

/// Series with at most this many dimensions are also kept for every replication.
constexpr std::size_t kMaxDimensionsKeptPerReplication = 2;

TextAttributes attributes_of(const ResultSeries& s, const std::string& suffix) {
  TextAttributes attributes{{"units", s.units}, {"description", s.description + suffix}};
  if (!s.label_zh.empty()) attributes.emplace_back("label_zh", s.label_zh);
  if (!s.source.empty()) attributes.emplace_back("source", s.source);
  return attributes;
}

std::vector<double> concatenate(const std::array<std::vector<double>, 4>& parts) {
  std::vector<double> out;
  for (const auto& part : parts) out.insert(out.end(), part.begin(), part.end());
  return out;
}

void write_metadata(Hdf5Writer& file, const RunMetadata& meta) {
  file.set_root_attribute("title", "carecap results: " + meta.scenario_name);
  file.set_root_attribute("carecap_version", meta.carecap_version);
  file.set_root_attribute("git_commit", meta.git_commit);
  file.set_root_attribute("scenario_name", meta.scenario_name);
  file.set_root_attribute("scenario_path", meta.scenario_path);
  file.set_root_attribute("scenario_label_zh", meta.scenario_label_zh);
  file.set_root_attribute("scenario_label_en", meta.scenario_label_en);
  if (!meta.source_texts_en.empty()) {  // HDF5 keeps no empty list
    file.set_root_attribute("source_texts_en", meta.source_texts_en);
    file.set_root_attribute("source_texts_zh", meta.source_texts_zh);
  }
  file.set_root_attribute("scenario_text", meta.scenario_text);
  file.set_root_attribute("input_files", meta.input_files);
  file.set_root_attribute("input_sha256", meta.input_sha256);
  file.set_root_attribute("mode", meta.mode);
  file.set_root_attribute("seed", meta.seed);  // unsigned 64-bit: every seed round-trips
  file.set_root_attribute("replications", static_cast<std::int64_t>(meta.replications));
  file.set_root_attribute("created_utc", meta.created_utc);
  file.set_root_attribute("conventions",
                          "cohort-component projection, 1 January to 1 January steps; 1 July = mean of the two "
                          "1 Januarys; survival from life-table Lx; net migrants added at year end (docs/demography.md)");
  file.set_root_attribute("source_attribution",
                          "inputs as named in input_files; UN WPP 2024 data: United Nations, DESA, Population "
                          "Division, World Population Prospects 2024, CC BY 3.0 IGO");
}

/// Writes group g. A subgroup gets its own copies of the root dimensions it uses, so that readers
/// opening the group alone (xarray's `group=`) see their coordinate values.
void write_group(Hdf5Writer& file, const std::vector<ReplicationResults>& reps, std::size_t g,
                 const std::vector<ResultDimension>& root_dimensions) {
  const ResultGroup& head = reps.front()[g];
  if (!head.name.empty()) {
    file.add_group(head.name, head.description);
    for (const auto& dimension : root_dimensions) file.add_dimension(head.name, dimension);
  }
  for (const auto& dimension : head.dimensions) file.add_dimension(head.name, dimension);
  for (std::size_t i = 0; i < head.series.size(); ++i) {
    const ResultSeries& s = head.series[i];
    if (reps.size() == 1) {
      file.add_dataset(head.name, s.name, s.dimensions, s.values, attributes_of(s, ""));
      continue;
    }
    std::vector<std::vector<double>> samples;
    for (const auto& rep : reps) samples.push_back(rep[g].series[i].values);
    std::vector<std::string> summary_dimensions{"statistic"};
    summary_dimensions.insert(summary_dimensions.end(), s.dimensions.begin(), s.dimensions.end());
    const auto summary = concatenate(sim::summarise_replications(samples));
    if (s.dimensions.size() <= kMaxDimensionsKeptPerReplication) {
      std::vector<std::string> per_replication{"replication"};
      per_replication.insert(per_replication.end(), s.dimensions.begin(), s.dimensions.end());
      std::vector<double> all;
      for (const auto& sample : samples) all.insert(all.end(), sample.begin(), sample.end());
      file.add_dataset(head.name, s.name, per_replication, all, attributes_of(s, "; each replication"));
      file.add_dataset(head.name, "summary_" + s.name, summary_dimensions, summary,
                       attributes_of(s, "; statistic across replications"));
    } else {
      file.add_dataset(head.name, s.name, summary_dimensions, summary, attributes_of(s, "; statistic across replications"));
    }
  }
  for (const ResultTextSeries& t : head.text_series) file.add_text_dataset(head.name, t);
}

void write_contents(Hdf5Writer& file, const std::vector<ReplicationResults>& reps, const RunMetadata& meta,
                    const std::vector<ResultGroup>& run_groups) {
  write_metadata(file, meta);
  std::vector<ResultDimension> run_dimensions;
  if (reps.size() > 1) {
    std::vector<int> ids(reps.size());
    for (std::size_t r = 0; r < reps.size(); ++r) ids[r] = static_cast<int>(r);
    run_dimensions.push_back({"replication", ids, {}, "1", "stochastic replication number"});
    run_dimensions.push_back({"statistic", {}, {sim::kSummaryStatistics.begin(), sim::kSummaryStatistics.end()}, "1",
                              "statistic across replications: mean, 5th, 50th and 95th percentile (type 7)"});
  }
  for (const auto& dimension : run_dimensions) file.add_dimension("", dimension);
  std::vector<ResultDimension> shared = run_dimensions;
  const auto& root = reps.front().front().dimensions;
  shared.insert(shared.end(), root.begin(), root.end());
  for (std::size_t g = 0; g < reps.front().size(); ++g) write_group(file, reps, g, shared);
  const std::vector<ReplicationResults> whole_run{run_groups};
  for (std::size_t g = 0; g < run_groups.size(); ++g) write_group(file, whole_run, g, {});
}

}  // namespace

void check_output_path(const std::string& path, bool overwrite) {
  const fs::path target(path);
  std::error_code error;
  const fs::file_status status = fs::status(target, error);
  if (error && status.type() != fs::file_type::not_found)
    throw InputError(text::both("errors.output.cannot_inspect", {{"path", path}, {"reason", error.message()}}));
  if (fs::exists(status) && !fs::is_regular_file(status))
    throw InputError(fs::is_directory(status) ? text::both("errors.output.is_directory", {{"path", path}})
                                              : text::both("errors.output.not_regular", {{"path", path}}));
  if (fs::exists(status) && !overwrite)
    throw InputError(text::both("errors.output.exists", {{"path", path}}));
  const fs::path directory = target.has_parent_path() ? target.parent_path() : fs::path(".");
  if (!fs::is_directory(directory, error))
    throw InputError(text::both("errors.output.no_directory", {{"path", path}, {"directory", directory.string()}}));
  if (::access(directory.c_str(), W_OK) != 0)
    throw InputError(text::both("errors.output.directory_not_writable", {{"path", path}, {"directory", directory.string()}}));
}

void write_results_file(const std::string& path, const std::vector<ReplicationResults>& replications,
                        const RunMetadata& metadata, bool overwrite, const std::vector<ResultGroup>& run_groups) {
  check_output_path(path, overwrite);
  // Built in memory first, so that a failing disk can only fail the plain write below: HDF5 1.10
  // crashes at exit after a file it could not write has failed to close.
  std::vector<char> image;
  try {
    H5::Exception::dontPrint();  // no HDF5 error stack on stderr: the error is reported once, below
    Hdf5Writer file(path);
    write_contents(file, replications, metadata, run_groups);
    image = file.image();
  } catch (const H5::Exception& error) {
    throw RuntimeFault(text::both("errors.output.hdf5_building_results", {{"path", path}, {"reason", error.getDetailMsg()}}));
  }
  replace_file(path, [&](const std::string& temporary) { write_bytes(temporary, image.data(), image.size(), path); }, overwrite);
}

}  // namespace carecap::output
