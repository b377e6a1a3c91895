// carecap. SPDX-License-Identifier: MIT
#include "output/ResultsFile.hpp"

#include <filesystem>
#include <unistd.h>

#include "models/demography/Indicators.hpp"
#include "output/Hdf5Writer.hpp"
#include "sim/Errors.hpp"
#include "sim/ReplicationSummary.hpp"

namespace carecap::output {
namespace fs = std::filesystem;
using demography::AgeSexTable;
using demography::ProjectionResult;

namespace {

/// The (year x sex x age) arrays of a result, declared once: name, member, units, description.
struct AgeSexSeries {
  const char* name;
  const std::vector<AgeSexTable> ProjectionResult::*member;
  const char* dimension;  // "year" or "year_jan1"
  const char* units;
  const char* description;
};

const AgeSexSeries kAgeSexSeries[] = {
    {"population_jul1", &ProjectionResult::population_jul1, "year", "persons",
     "population on 1 July (mean of 1 January of the year and of the next) by sex and single age; age 100 is 100+"},
    {"population_jan1", &ProjectionResult::population_jan1, "year_jan1", "persons",
     "population on 1 January by sex and single age; age 100 is 100+"},
    {"births", &ProjectionResult::births, "year", "persons per year",
     "live births in the calendar year by sex of the child and single age of the mother"},
    {"deaths", &ProjectionResult::deaths, "year", "persons per year",
     "deaths in the calendar year by sex and the age the person would have reached on 1 January next "
     "(age 0: born in the year; age 100: cohorts aged 99 and 100+ on 1 January)"},
    {"net_migrants", &ProjectionResult::net_migrants, "year", "persons per year",
     "net migrants of the calendar year by sex and age on 1 January next, added at year end"},
};

std::vector<int> year_range(int first, int count) {
  std::vector<int> years(count);
  for (int i = 0; i < count; ++i) years[i] = first + i;
  return years;
}

std::vector<double> concatenate(const std::array<std::vector<double>, 4>& parts) {
  std::vector<double> out;
  for (const auto& part : parts) out.insert(out.end(), part.begin(), part.end());
  return out;
}

void write_contents(Hdf5Writer& file, const std::vector<ProjectionResult>& reps, const RunMetadata& meta) {
  const ProjectionResult& first = reps.front();
  const int years = first.year_count();
  file.set_root_attribute("title", "carecap results: " + meta.scenario_name);
  file.set_root_attribute("carecap_version", meta.carecap_version);
  file.set_root_attribute("git_commit", meta.git_commit);
  file.set_root_attribute("scenario_name", meta.scenario_name);
  file.set_root_attribute("scenario_path", meta.scenario_path);
  file.set_root_attribute("scenario_text", meta.scenario_text);
  file.set_root_attribute("input_files", meta.input_files);
  file.set_root_attribute("input_sha256", meta.input_sha256);
  file.set_root_attribute("mode", meta.mode);
  file.set_root_attribute("seed", static_cast<long long>(meta.seed));
  file.set_root_attribute("replications", static_cast<long long>(meta.replications));
  file.set_root_attribute("created_utc", meta.created_utc);
  file.set_root_attribute("conventions",
                          "cohort-component projection, 1 January to 1 January steps; 1 July = mean of the two "
                          "1 Januarys; survival from life-table Lx; net migrants added at year end (docs/demography.md)");
  file.set_root_attribute("source_attribution",
                          "inputs as named in input_files; UN WPP 2024 data: United Nations, DESA, Population "
                          "Division, World Population Prospects 2024, CC BY 3.0 IGO");

  file.add_dimension("year", year_range(first.base_year, years), "calendar year",
                     "calendar year of flows; stocks are on 1 July of the year");
  file.add_dimension("year_jan1", year_range(first.base_year, years + 1), "calendar year", "year whose 1 January the stock refers to");
  file.add_dimension("sex", std::vector<std::string>{"male", "female"}, "sex");
  std::vector<int> ages(demography::kAgeCount);
  for (int a = 0; a < demography::kAgeCount; ++a) ages[a] = a;
  file.add_dimension("age", ages, "years", "completed years of age; 100 means 100 and over");

  if (reps.size() == 1) {
    for (const AgeSexSeries& s : kAgeSexSeries)
      file.add_dataset(s.name, {s.dimension, "sex", "age"}, demography::flatten_years(first.*s.member), s.units, s.description);
    for (const auto& series : demography::compute_indicators(first))
      file.add_dataset(series.name, {"year"}, series.values, series.units, series.description);
    return;
  }

  std::vector<int> replication_ids(reps.size());
  for (std::size_t r = 0; r < reps.size(); ++r) replication_ids[r] = static_cast<int>(r);
  file.add_dimension("replication", replication_ids, "1", "stochastic replication number");
  file.add_dimension("statistic", std::vector<std::string>(sim::kSummaryStatistics.begin(), sim::kSummaryStatistics.end()),
                     "statistic across replications: mean, 5th, 50th and 95th percentile (type 7)");
  for (const AgeSexSeries& s : kAgeSexSeries) {
    std::vector<std::vector<double>> samples;
    for (const auto& rep : reps) samples.push_back(demography::flatten_years(rep.*s.member));
    file.add_dataset(s.name, {"statistic", s.dimension, "sex", "age"}, concatenate(sim::summarise_replications(samples)),
                     s.units, std::string(s.description) + "; statistic across replications");
  }
  std::vector<std::vector<demography::IndicatorSeries>> indicators;
  for (const auto& rep : reps) indicators.push_back(demography::compute_indicators(rep));
  for (std::size_t i = 0; i < indicators.front().size(); ++i) {
    const auto& head = indicators.front()[i];
    std::vector<std::vector<double>> samples;
    std::vector<double> all;
    for (const auto& rep : indicators) {
      samples.push_back(rep[i].values);
      all.insert(all.end(), rep[i].values.begin(), rep[i].values.end());
    }
    file.add_dataset(head.name, {"replication", "year"}, all, head.units, head.description + "; each replication");
    file.add_dataset("summary_" + head.name, {"statistic", "year"}, concatenate(sim::summarise_replications(samples)),
                     head.units, head.description + "; statistic across replications");
  }
}

}  // namespace

void check_output_path(const std::string& path, bool overwrite) {
  const fs::path target(path);
  if (fs::exists(target) && !overwrite)
    throw InputError(path + ": output file exists; expected a new path, or --force to replace it");
  const fs::path directory = target.has_parent_path() ? target.parent_path() : fs::path(".");
  if (!fs::is_directory(directory))
    throw InputError(path + ": output directory " + directory.string() + " does not exist");
}

void write_results_file(const std::string& path, const std::vector<ProjectionResult>& replications,
                        const RunMetadata& metadata, bool overwrite) {
  check_output_path(path, overwrite);
  const std::string temporary = path + ".tmp-" + std::to_string(::getpid());
  try {
    H5::Exception::dontPrint();
    Hdf5Writer file(temporary);
    write_contents(file, replications, metadata);
    file.close();
  } catch (const H5::Exception& error) {
    fs::remove(temporary);
    throw RuntimeFault(path + ": HDF5 error while writing: " + error.getDetailMsg());
  } catch (...) {
    fs::remove(temporary);
    throw;
  }
  fs::rename(temporary, path);
}

}  // namespace carecap::output
