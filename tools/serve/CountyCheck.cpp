// carecap. SPDX-License-Identifier: MIT
#include "tools/serve/CountyCheck.hpp"

#include <cmath>
#include <fstream>
#include <map>
#include <regex>

#include "models/demography/Calibration.hpp"
#include "models/demography/SyntheticPopulation.hpp"
#include "scenarios/loader/PopulationGroupsLoader.hpp"
#include "scenarios/loader/ScenarioLoader.hpp"
#include "sim/Errors.hpp"
#include "text/TextArg.hpp"
#include "tools/run/PopulationCsv.hpp"
#include "tools/serve/CountyAssets.hpp"
#include "tools/serve/CountyFiles.hpp"
#include "tools/serve/FormText.hpp"
#include "tools/serve/ServerReply.hpp"

namespace carecap::serve {
namespace fs = std::filesystem;
namespace {

void write_file(const fs::path& file, std::string_view content) {
  fs::create_directories(file.parent_path());
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  if (!out) throw RuntimeFault(text::both("errors.serve.workspace", {{"path", text::same(file.string())}}));
}

/// The folder's files as written, by path relative to the folder, for finding a message's place.
class WrittenFiles {
public:
  explicit WrittenFiles(fs::path folder) : folder_(std::move(folder)) {}
  void write(const std::string& path, MappedFile file) {
    write_file(folder_ / path, file.text());
    files_[path] = std::move(file);
  }
  /// The problem of an InputError from the loader: its two lines without the folder's path, at
  /// the place its "FILE:LINE:" (and "column 'NAME'") came from, else at `otherwise`.
  [[nodiscard]] FormProblem problem(const InputError& error, const FormPlace& otherwise) const {
    text::Text words{error.zh(), error.what()};
    const std::string prefix = folder_.string() + "/";
    for (std::string* line : {&words.zh, &words.en})
      for (std::size_t at = line->find(prefix); at != std::string::npos; at = line->find(prefix, at)) line->erase(at, prefix.size());
    FormPlace place = otherwise;
    std::smatch where, column;
    static const std::regex kWhere(R"(^([^:\s]+):(\d+):)"), kColumn(R"(column '([A-Za-z0-9_]+)')");
    if (std::regex_search(words.en, where, kWhere)) {
      const auto file = files_.find(where[1]);
      std::regex_search(words.en, column, kColumn);
      if (file != files_.end()) {
        const FormPlace found = file->second.place_at(std::stoi(where[2]), column.empty() ? "" : column[1].str());
        if (!found.empty()) place = found;
      }
    }
    return {place, place.labelled(words)};
  }

private:
  fs::path folder_;
  std::map<std::string, MappedFile> files_;
};

}  // namespace

nlohmann::json CountyCheck::json() const {
  nlohmann::json errors = nlohmann::json::array();
  for (const FormProblem& p : problems) {
    nlohmann::json error = p.place.json();
    error["message"] = both_languages(p.message);
    errors.push_back(error);
  }
  return {{"valid", valid()}, {"errors", errors}, {"found", found}};
}

CountyCheck write_county_folder(const CountyForm& form, const fs::path& folder) {
  CountyCheck check;
  check.found = nlohmann::json::object();
  check.problems = missing_fields(form);
  const auto years = form_years(form, check.problems);
  if (!check.valid() || !years) return check;

  WrittenFiles files(folder);
  for (const NationalFile& national : national_files()) write_file(folder / national.path, national.content);
  write_file(folder / "form.json", form.typed.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
  files.write("population_groups.toml", population_groups_file(form));
  files.write("data/facilities.csv", facilities_file(form));
  files.write("data/childcare.csv", childcare_file(form));
  files.write("data/projects.csv", projects_file(form));

  // synth-pop, as `carecap synth-pop population_groups.toml -o data/population_base.csv` does it.
  demography::AgeSexTable population;
  try {
    const scenarios::PopulationGroupsFile groups = scenarios::read_population_groups((folder / "population_groups.toml").string());
    population = demography::synthesize_population(groups.groups, groups.standard);
    nlohmann::json made = nlohmann::json::array();
    made.push_back({{"id", "population"}, {"given", groups.groups.total}, {"made", population.sum_both()}});
    for (const auto& g : groups.groups.groups)
      made.push_back({{"id", g.name}, {"first_age", g.first_age}, {"last_age", g.last_age}, {"given", g.persons},
                      {"made", population.sum_both(g.first_age, g.last_age)}});
    check.found["population"] = made;
    check.found["sex_ratio"] = 100.0 * population.sum(demography::Sex::male) / population.sum(demography::Sex::female);
  } catch (const InputError& e) {
    check.problems.push_back(files.problem(e, FormPlace::at_field("population")));
    return check;
  }
  write_file(folder / "data/population_base.csv", tools::population_csv(population));

  // The births calibrate aims at: the plan's, else the base population's age-0 cohort (the
  // children born in the base year; ASSUMPTION, as scenarios/beian: the next year has as many).
  FoundFigures figures;
  const auto births = form_number(form.field("births"));
  figures.births_given = births.has_value() && !form.field("births").empty();
  figures.births = figures.births_given ? births->value : std::round(population.sum_both(0, 0));
  figures.births_year = years->base_year + 1;
  if (const auto year = form_number(form.field("births_year")); year && !form.field("births_year").empty())
    figures.births_year = static_cast<int>(year->value) == years->base_year ? years->base_year + 1 : static_cast<int>(year->value);
  check.found["births"] = figures.births;
  check.found["births_year"] = figures.births_year;
  check.found["births_given"] = figures.births_given;

  // calibrate, as `carecap calibrate scenario.toml` does it, on the scenario at TFR 1; the TFR it
  // finds goes into scenario.toml, which is then loaded once more as `carecap run` will.
  const std::string scenario_path = (folder / "scenario.toml").string();
  try {
    files.write("scenario.toml", scenario_file(form, *years, figures));
    const scenarios::Scenario scenario = scenarios::load_scenario(scenario_path);
    if (scenario.calibration) {
      const demography::CalibrationResult result = demography::calibrate(scenario.projection, *scenario.calibration);
      if (const auto* profile = std::get_if<demography::AsfrProfileWithTfr>(&result.parameters.fertility.schedule))
        figures.tfr = profile->tfr.anchors().front().second;
      check.found["tfr"] = figures.tfr;
      check.found["births_made"] = result.births;
    }
    files.write("scenario.toml", scenario_file(form, *years, figures));
    (void)scenarios::load_scenario(scenario_path);
  } catch (const InputError& e) {
    check.problems.push_back(files.problem(e, FormPlace{}));
  }
  return check;
}

}  // namespace carecap::serve
